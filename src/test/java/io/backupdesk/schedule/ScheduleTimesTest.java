package io.backupdesk.schedule;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.RetentionPolicy;
import io.backupdesk.core.Schedule;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A schedule's cron read once, and the one answer to "when does it run next". */
class ScheduleTimesTest {
    private static final Instant NOW = Instant.parse("2026-05-04T10:10:00Z");

    private static Schedule nightly(String cron, String zone) {
        return Schedule.builder().id("nightly").profile("sales").cron(cron).zone(zone).enabled(true).createdAt(NOW).build();
    }

    @Test
    void theNextRunIsTheCronsNextOccurrenceInTheSchedulesZone() {
        ScheduleTimes berlin = ScheduleTimes.of(nightly("30 2 * * *", "Europe/Berlin"));

        assertThat(berlin.nextRunAfter(NOW)).contains(Instant.parse("2026-05-05T00:30:00Z"));
        assertThat(berlin.nextRunAfter(NOW, false)).contains(Instant.parse("2026-05-05T00:30:00Z"));
        assertThat(berlin.problem()).isEmpty();
    }

    @Test
    void aScheduleSwitchedOffOrPausedHasNoNextRun() {
        ScheduleTimes off = ScheduleTimes.of(nightly("30 2 * * *", "UTC").withEnabled(false, NOW));
        ScheduleTimes on = ScheduleTimes.of(nightly("30 2 * * *", "UTC"));

        assertThat(off.nextRunAfter(NOW)).isEmpty();
        assertThat(on.nextRunAfter(NOW, true)).isEmpty();
        assertThat(off.cron().describe()).as("its cron is still read, for the list").contains("2:30");
    }

    @Test
    void aCronOrZoneThatCannotBeReadNeverRunsAndSaysWhy() {
        ScheduleTimes badCron = ScheduleTimes.of(nightly("61 2 * * *", "UTC"));
        ScheduleTimes badZone = ScheduleTimes.of(nightly("30 2 * * *", "Mars/Olympus"));

        assertThat(badCron.nextRunAfter(NOW)).isEmpty();
        assertThat(badCron.problem()).hasValueSatisfying(p -> assertThat(p.getMessage()).contains("61 2 * * *"));
        assertThatThrownBy(badCron::cron).isInstanceOf(BackupDeskException.class).hasMessageContaining("not a cron");
        assertThat(badZone.nextRunAfter(NOW)).isEmpty();
        assertThat(badZone.problem()).hasValueSatisfying(p -> assertThat(p.getMessage()).contains("Mars/Olympus"));
    }

    @Test
    void theFirstRunBetweenTwoInstantsIsAMissedRunOnlyWhenItCameDueByTheSecond() {
        ScheduleTimes hourly = ScheduleTimes.of(nightly("0 * * * *", "UTC"));

        assertThat(hourly.firstRunBetween(Instant.parse("2026-05-04T07:30:00Z"), NOW))
                .contains(Instant.parse("2026-05-04T08:00:00Z"));
        assertThat(hourly.firstRunBetween(Instant.parse("2026-05-04T10:00:00Z"), NOW)).isEmpty();
    }

    @Test
    void theSameScheduleReadAgainKeepsItsCronAndAChangedOneIsReadAnew() {
        Schedule stored = nightly("30 2 * * *", "UTC");
        ScheduleTimes armed = ScheduleTimes.of(stored);

        ScheduleTimes same = armed.updatedTo(nightly("30 2 * * *", "UTC"));
        ScheduleTimes otherRules = armed.updatedTo(stored.toBuilder()
                .retention(new RetentionPolicy(3, null, null, null, null)).build());
        ScheduleTimes otherCron = armed.updatedTo(nightly("45 3 * * *", "UTC"));

        assertThat(same).isSameAs(armed);
        assertThat(otherRules.schedule().retention().keepLast()).isEqualTo(3);
        assertThat(otherCron.cron()).isNotSameAs(armed.cron());
        assertThat(otherCron.nextRunAfter(NOW)).contains(Instant.parse("2026-05-05T03:45:00Z"));
    }

    @Test
    void aCronJustReadFromNewInputIsTakenOnlyForItsOwnSchedule() {
        CronSchedule typed = CronSchedule.parse(" 30 2 * * * ", java.time.ZoneId.of("UTC"));

        assertThat(ScheduleTimes.of(nightly("30 2 * * *", "UTC"), typed).cron()).isSameAs(typed);
        assertThatThrownBy(() -> ScheduleTimes.of(nightly("30 3 * * *", "UTC"), typed))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScheduleTimes.of(nightly("30 2 * * *", "Europe/Berlin"), typed))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
