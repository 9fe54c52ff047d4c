package io.backupdesk.ui.schedules;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.schedule.CronSchedule;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleShapeTest {
    private static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void eachPresetWritesItsCronAndIsReadBackFromIt() {
        ScheduleShape hourly = new ScheduleShape(Preset.HOURLY, 15, 0, DayOfWeek.MONDAY, 1);
        ScheduleShape daily = new ScheduleShape(Preset.DAILY, 30, 2, DayOfWeek.MONDAY, 1);
        ScheduleShape weekly = new ScheduleShape(Preset.WEEKLY, 0, 3, DayOfWeek.SUNDAY, 1);
        ScheduleShape monthly = new ScheduleShape(Preset.MONTHLY, 45, 23, DayOfWeek.MONDAY, 1);

        assertThat(hourly.cron()).isEqualTo("15 * * * *");
        assertThat(daily.cron()).isEqualTo("30 2 * * *");
        assertThat(weekly.cron()).as("cron counts Sunday as 0").isEqualTo("0 3 * * 0");
        assertThat(monthly.cron()).isEqualTo("45 23 1 * *");
        assertThat(ScheduleShape.of(hourly.cron())).contains(hourly);
        assertThat(ScheduleShape.of(daily.cron())).contains(daily);
        assertThat(ScheduleShape.of(weekly.cron())).contains(weekly);
        assertThat(ScheduleShape.of(monthly.cron())).contains(monthly);
        assertThat(ScheduleShape.of("0 3 * * 7")).contains(weekly);
    }

    @Test
    void rangesStepsListsAndMonthsAreNoPresetShape() {
        assertThat(ScheduleShape.of("*/15 * * * *")).isEmpty();
        assertThat(ScheduleShape.of("0 2 * * 1-5")).isEmpty();
        assertThat(ScheduleShape.of("0 2 1,15 * *")).isEmpty();
        assertThat(ScheduleShape.of("0 2 1 6 *")).isEmpty();
        assertThat(ScheduleShape.of("0 2 1 * 1")).isEmpty();
        assertThat(ScheduleShape.of("60 2 * * *")).isEmpty();
        assertThat(ScheduleShape.of("30 2 * *")).isEmpty();
    }

    @Test
    void presetsAreDescribedInTheirOwnWordsAndOtherCronsAsCronUtilsReadsThem() {
        assertThat(ScheduleShape.describe(CronSchedule.parse("15 * * * *", UTC))).isEqualTo("Every hour at minute 15");
        assertThat(ScheduleShape.describe(CronSchedule.parse("0 * * * *", UTC))).isEqualTo("Every hour, on the hour");
        assertThat(ScheduleShape.describe(CronSchedule.parse("30 2 * * *", UTC))).isEqualTo("Every day at 02:30");
        assertThat(ScheduleShape.describe(CronSchedule.parse("0 3 * * 1", UTC))).isEqualTo("Every Monday at 03:00");
        assertThat(ScheduleShape.describe(CronSchedule.parse("45 23 1 * *", UTC))).isEqualTo("On day 1 of every month at 23:45");
        assertThat(ScheduleShape.describe(CronSchedule.parse("*/15 * * * *", UTC))).isEqualTo("Every 15 minutes");
        assertThatThrownBy(() -> ScheduleShape.describe(CronSchedule.parse("61 * * * *", UTC))).isInstanceOf(BackupDeskException.class);
    }
}
