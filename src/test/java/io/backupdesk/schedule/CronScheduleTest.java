package io.backupdesk.schedule;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CronScheduleTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aDailyBackupFiresAtItsLocalTimeOnEveryDayOfAWeek() {
        CronSchedule daily = CronSchedule.parse("30 2 * * *", BERLIN);

        List<Instant> runs = daily.next(7, Instant.parse("2026-06-01T00:00:00Z"));

        assertThat(runs).hasSize(7).allSatisfy(run -> {
            LocalDateTime local = LocalDateTime.ofInstant(run, BERLIN);
            assertThat(local.getHour()).isEqualTo(2);
            assertThat(local.getMinute()).isEqualTo(30);
        });
        assertThat(runs.get(0)).isEqualTo(Instant.parse("2026-06-01T00:30:00Z"));
        assertThat(runs.get(6)).isEqualTo(Instant.parse("2026-06-07T00:30:00Z"));
    }

    @Test
    void weekdaysAndHoursCombineAsInCron() {
        CronSchedule workdays = CronSchedule.parse("0 9,18 * * 1-5", BERLIN);

        List<Instant> runs = workdays.next(10, Instant.parse("2026-06-01T00:00:00Z"));

        assertThat(runs).hasSize(10).allSatisfy(run -> assertThat(LocalDateTime.ofInstant(run, BERLIN).getDayOfWeek())
                .isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        assertThat(runs.get(9)).isEqualTo(Instant.parse("2026-06-05T16:00:00Z"));
    }

    @Test
    void aTimeTheClocksSpringOverRunsOnceWhenTheyHaveJumped() {
        CronSchedule daily = CronSchedule.parse("30 2 * * *", BERLIN);

        List<Instant> runs = daily.next(3, Instant.parse("2026-03-28T12:00:00Z"));

        assertThat(runs).containsExactly(
                Instant.parse("2026-03-29T01:00:00Z"),  // 02:30 does not exist that night: 03:00, when the clocks jump
                Instant.parse("2026-03-30T00:30:00Z"),  // 02:30 summer time
                Instant.parse("2026-03-31T00:30:00Z"));
    }

    @Test
    void everyQuarterHourInTheSkippedHourCollapsesIntoOneRun() {
        CronSchedule often = CronSchedule.parse("*/15 * * * *", BERLIN);

        List<Instant> runs = often.next(3, Instant.parse("2026-03-29T00:50:00Z"));

        assertThat(runs).containsExactly(Instant.parse("2026-03-29T01:00:00Z"), Instant.parse("2026-03-29T01:15:00Z"),
                Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void aTimeTheClocksFallBackOverRunsOnceAtItsFirstOccurrence() {
        CronSchedule daily = CronSchedule.parse("30 2 * * *", BERLIN);

        List<Instant> runs = daily.next(2, Instant.parse("2026-10-24T12:00:00Z"));

        assertThat(runs).containsExactly(
                Instant.parse("2026-10-25T00:30:00Z"),  // 02:30 summer time; the repeated 02:30 an hour later is not run
                Instant.parse("2026-10-26T01:30:00Z"));
    }

    @Test
    void anHourlyBackupDoesNotRunTheRepeatedHourASecondTime() {
        CronSchedule hourly = CronSchedule.parse("0 * * * *", BERLIN);

        List<Instant> runs = hourly.next(3, Instant.parse("2026-10-24T23:30:00Z"));

        assertThat(runs).containsExactly(Instant.parse("2026-10-25T00:00:00Z"), Instant.parse("2026-10-25T02:00:00Z"),
                Instant.parse("2026-10-25T03:00:00Z"));
    }

    @Test
    void aWrongExpressionSaysWhatIsWrongAndHowToWriteIt() {
        BackupDeskException sixFields = catchThrowableOfType(() -> CronSchedule.parse("0 30 2 * * *", BERLIN),
                BackupDeskException.class);
        BackupDeskException outOfRange = catchThrowableOfType(() -> CronSchedule.parse("61 2 * * *", BERLIN),
                BackupDeskException.class);

        assertThat(sixFields.kind()).isEqualTo(ErrorKind.CONFIGURATION);
        assertThat(sixFields.getMessage()).startsWith("'0 30 2 * * *' is not a cron expression");
        assertThat(sixFields.hint()).contains("minute hour day-of-month month day-of-week");
        assertThat(outOfRange).isNotNull();
    }

    @Test
    void theScheduleIsDescribedInWords() {
        assertThat(CronSchedule.parse("30 2 * * *", BERLIN).describe()).isNotBlank().contains("2:30");
    }
}
