package io.backupdesk.ui.schedules;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CronEditorViewModelTest {
    /** The day before Europe/Berlin springs forward from 02:00 to 03:00. */
    private static final Instant NOW = Instant.parse("2026-03-28T12:00:00Z");

    private final CronEditorViewModel when = new CronEditorViewModel(() -> NOW);

    @Test
    void aNewScheduleRunsEveryDayAtHalfPastTwo() {
        when.load(null, "UTC");

        assertThat(when.presetProperty().get()).isEqualTo(Preset.DAILY);
        assertThat(when.timeProperty().get()).isEqualTo("02:30");
        assertThat(when.cronProperty().get()).isEqualTo("30 2 * * *");
        assertThat(when.description().get()).isEqualTo("Every day at 02:30");
        assertThat(when.valid().get()).isTrue();
    }

    @Test
    void choosingAPresetAndItsFieldsWritesTheCron() {
        when.load(null, "UTC");

        when.presetProperty().set(Preset.WEEKLY);
        when.weekdayProperty().set(DayOfWeek.SUNDAY);
        when.timeProperty().set("03:15");
        assertThat(when.cronProperty().get()).isEqualTo("15 3 * * 0");
        assertThat(when.description().get()).isEqualTo("Every Sunday at 03:15");

        when.presetProperty().set(Preset.HOURLY);
        when.minuteProperty().set("5");
        assertThat(when.cronProperty().get()).isEqualTo("5 * * * *");

        when.presetProperty().set(Preset.MONTHLY);
        when.dayOfMonthProperty().set("1");
        when.timeProperty().set("23:45");
        assertThat(when.cronProperty().get()).isEqualTo("45 23 1 * *");
        assertThat(when.presetProperty().get()).as("writing the cron keeps the preset").isEqualTo(Preset.MONTHLY);
    }

    @Test
    void aWrongPresetFieldIsNamedAndTheCronWaitsForARightOne() {
        when.load(null, "UTC");

        when.timeProperty().set("25:00");

        assertThat(when.presetError().get()).isEqualTo("A time as HH:MM, e.g. 02:30.");
        assertThat(when.cronProperty().get()).isEqualTo("30 2 * * *");
        assertThat(when.valid().get()).isFalse();

        when.presetProperty().set(Preset.MONTHLY);
        when.timeProperty().set("04:00");
        when.dayOfMonthProperty().set("31");
        assertThat(when.presetError().get()).isEmpty();
        assertThat(when.presetNote().get()).isEqualTo("Months without a day 31 are skipped.");
        assertThat(when.nextRuns()).as("only months with 31 days").hasSize(5)
                .allSatisfy(run -> assertThat(run).contains("-31 "));
    }

    @Test
    void typingACronMakesItCustomAndCheckedAsTyped() {
        when.load(null, "UTC");

        when.cronProperty().set("30 2 * *");
        assertThat(when.presetProperty().get()).isEqualTo(Preset.CUSTOM);
        assertThat(when.cronError().get()).startsWith("'30 2 * *' is not a cron expression")
                .contains("contains 4 parts");
        assertThat(when.nextRuns()).isEmpty();
        assertThat(when.valid().get()).isFalse();

        when.cronProperty().set("30 2 * * 1-5");
        assertThat(when.cronError().get()).isEmpty();
        assertThat(when.description().get()).isEqualTo("At 02:30 every day between Monday and Friday");
        assertThat(when.nextRuns()).hasSize(5).first().isEqualTo("Mon 2026-03-30  02:30  UTC");
        assertThat(when.valid().get()).isTrue();
    }

    @Test
    void aCronThatNeverComesDueIsRefused() {
        when.load("0 0 30 2 *", "UTC");

        assertThat(when.cronError().get()).isEqualTo("This cron never comes due: no date matches it.");
        assertThat(when.valid().get()).isFalse();
    }

    @Test
    void theNextFiveRunsAreInTheChosenZoneAcrossItsClockChange() {
        when.load("30 2 * * *", "Europe/Berlin");

        assertThat(when.nextRuns()).containsExactly(
                "Sun 2026-03-29  03:00  CEST",
                "Mon 2026-03-30  02:30  CEST",
                "Tue 2026-03-31  02:30  CEST",
                "Wed 2026-04-01  02:30  CEST",
                "Thu 2026-04-02  02:30  CEST");

        when.zoneProperty().set("America/New_York");
        assertThat(when.nextRuns()).first().asString().startsWith("Sun 2026-03-29  02:30");

        when.zoneProperty().set("Mars/Olympus");
        assertThat(when.zoneError().get()).startsWith("Not a time zone.");
        assertThat(when.valid().get()).isFalse();
    }

    @Test
    void aSavedCronOfAPresetShapeOpensOnItsPreset() {
        when.load("0 3 * * 1", null);

        assertThat(when.presetProperty().get()).isEqualTo(Preset.WEEKLY);
        assertThat(when.weekdayProperty().get()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(when.timeProperty().get()).isEqualTo("03:00");
        assertThat(when.zoneProperty().get()).isEqualTo(java.time.ZoneId.systemDefault().getId());

        when.load("*/20 8-18 * * 1-5", "UTC");
        assertThat(when.presetProperty().get()).isEqualTo(Preset.CUSTOM);
        assertThat(when.cronProperty().get()).isEqualTo("*/20 8-18 * * 1-5");
    }

    @Test
    void theNextRunsMoveWithTheClockWhileTheEditorStaysOpen() {
        java.util.concurrent.atomic.AtomicReference<Instant> clock =
                new java.util.concurrent.atomic.AtomicReference<>(Instant.parse("2026-03-28T03:53:30Z"));
        CronEditorViewModel open = new CronEditorViewModel(clock::get);
        open.load("* * * * *", "UTC");
        assertThat(open.nextRuns()).first().asString().contains("03:54");

        // issue 19: at 03:57 the editor still listed 03:54 to 03:58
        clock.set(Instant.parse("2026-03-28T03:57:10Z"));
        open.tick();

        assertThat(open.nextRuns()).hasSize(5);
        assertThat(open.nextRuns().get(0)).contains("03:58");
        assertThat(open.nextRuns().get(4)).contains("04:02");
    }

    @Test
    void aTickBeforeTheFirstRunChangesNothing() {
        java.util.concurrent.atomic.AtomicReference<Instant> clock =
                new java.util.concurrent.atomic.AtomicReference<>(Instant.parse("2026-03-28T03:53:30Z"));
        CronEditorViewModel open = new CronEditorViewModel(clock::get);
        open.load("30 2 * * *", "UTC");
        java.util.List<String> before = java.util.List.copyOf(open.nextRuns());

        clock.set(Instant.parse("2026-03-28T23:59:00Z"));
        open.tick();

        assertThat(open.nextRuns()).containsExactlyElementsOf(before);
    }
}
