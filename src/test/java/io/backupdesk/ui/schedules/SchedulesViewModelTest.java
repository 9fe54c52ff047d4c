package io.backupdesk.ui.schedules;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.Compression;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.RetentionPolicy;
import io.backupdesk.core.Schedule;
import io.backupdesk.core.SslMode;
import io.backupdesk.ui.Formats;
import io.backupdesk.ui.Question;
import io.backupdesk.ui.SyncTaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulesViewModelTest {
    private final InMemorySchedules operations = new InMemorySchedules();
    private SchedulesViewModel model;

    @BeforeEach
    void setUp() {
        operations.profiles.add(new ConnectionProfile("prod", "db1", 5432, "sales", "backup", SslMode.PREFER, null));
        operations.profiles.add(new ConnectionProfile("staging", "db2", 5432, "sales_staging", "dba", SslMode.PREFER, null));
        model = new SchedulesViewModel(operations, new SyncTaskRunner());
    }

    @Test
    void withoutATrayTheScreenWarnsThatSchedulesNeedTheOpenWindow() {
        model.tellWindowOnly();

        assertThat(model.messageProperty().get()).startsWith("There is no system tray on this desktop")
                .contains("schedule run-due");
        assertThat(model.messageIsWarningProperty().get()).isTrue();
    }

    @Test
    void theListShowsEachScheduleInWordsWithItsNextRunAndLastResult() {
        Schedule nightly = schedule("a1", "prod", "30 2 * * *", true);
        Schedule off = schedule("b2", "staging", "0 * * * *", false);
        Schedule busy = schedule("c3", "staging", "0 3 * * 1", true);
        operations.save(nightly);
        operations.save(off);
        operations.save(busy);
        Instant ran = Instant.parse("2026-03-28T01:30:05Z");
        operations.lastRuns.put("a1", JobRun.builder().id("r1").kind(JobRun.KIND_BACKUP).profile("prod")
                .database("sales").origin(nightly.origin()).startedAt(ran).finishedAt(ran.plusSeconds(40))
                .status(JobStatus.OK).sizeBytes(1000).backupId("b1").build());
        operations.lastRuns.put("c3", JobRun.builder().id("r2").kind(JobRun.KIND_BACKUP).profile("staging")
                .database("sales_staging").origin(busy.origin()).startedAt(ran).finishedAt(ran)
                .status(JobStatus.FAILED).error("Could not connect").build());
        operations.running.add("c3");

        model.refresh();

        assertThat(model.rows()).extracting(ScheduleRowViewModel::profile, ScheduleRowViewModel::when)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("prod", "Every day at 02:30"),
                        org.assertj.core.groups.Tuple.tuple("staging", "Every hour, on the hour"),
                        org.assertj.core.groups.Tuple.tuple("staging", "Every Monday at 03:00"));
        ScheduleRowViewModel first = model.rows().get(0);
        assertThat(first.nextRun()).isEqualTo(Formats.time(Instant.parse("2026-03-29T02:30:00Z")));
        assertThat(first.lastResult()).isEqualTo("ok, " + Formats.time(ran));
        assertThat(first.zone()).isEqualTo("UTC");
        assertThat(model.rows().get(1).nextRun()).isEqualTo("Switched off");
        assertThat(model.rows().get(1).lastResult()).isEqualTo("Never ran");
        assertThat(model.rows().get(2).nextRun()).isEqualTo("Running now…");
        assertThat(model.rows().get(2).lastStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(model.rows().get(2).lastError()).isEqualTo("Could not connect");
    }

    @Test
    void aStoredCronThatCannotBeReadIsListedAsSuchWithNoNextRun() {
        operations.save(schedule("x9", "prod", "61 2 * * *", true));

        model.refresh();

        assertThat(model.rows()).singleElement().satisfies(row -> {
            assertThat(row.when()).isEqualTo("Not a valid cron: 61 2 * * *");
            assertThat(row.nextRun()).isEqualTo("Never");
        });
    }

    @Test
    void aNewScheduleStartsWithTheFirstConnectionTheSettingsFormatAndAPreviewOfItsRules() {
        operations.defaults = BackupOptions.builder().format(BackupFormat.PLAIN).compression(Compression.parse("6"))
                .build();
        operations.preview = new ScheduleOperations.Preview("sales", List.of(
                entry("old", "2026-03-01T02:30:00Z", true, "not among the backups the policy keeps"),
                entry("new", "2026-03-27T02:30:00Z", false, "the newest verified backup")), 0);

        model.add();

        ScheduleEditorViewModel editor = model.editor();
        assertThat(model.editorOpenProperty().get()).isTrue();
        assertThat(editor.titleProperty().get()).isEqualTo("New schedule");
        assertThat(editor.profileProperty().get().name()).isEqualTo("prod");
        assertThat(editor.how().formatProperty().get()).isEqualTo(BackupFormat.PLAIN);
        assertThat(editor.how().compressionProperty().get()).isEqualTo("6");
        assertThat(operations.asked).hasSize(1);
        assertThat(operations.asked.get(0).profile()).isEqualTo("prod");
        assertThat(operations.asked.get(0).policy()).isEqualTo(new RetentionPolicy(7, 7, 4, 12, null));
        assertThat(operations.asked.get(0).scheduleId()).isNull();
        assertThat(editor.preview()).extracting(PreviewRow::verdict, PreviewRow::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Keep", "the newest verified backup"),
                org.assertj.core.groups.Tuple.tuple("Delete", "not among the backups the policy keeps"));
        assertThat(editor.previewSummaryProperty().get()).isEqualTo("1 of 2 backups of sales would be deleted, 2.0 KB.");
        assertThat(model.canSave().get()).isTrue();
    }

    @Test
    void changingTheRulesOrTheConnectionPreviewsAgainAndWrongRulesPreviewNothing() {
        operations.preview = new ScheduleOperations.Preview("sales", List.of(
                entry("x", "2026-03-01T02:30:00Z", false, "pinned")), 2);
        model.add();
        ScheduleEditorViewModel editor = model.editor();
        assertThat(editor.previewSummaryProperty().get()).isEqualTo("All 1 backups of sales would be kept. "
                + "Rules of 2 other schedules of this connection count too: a backup goes only when every rule lets it go.");

        editor.retention().keepLastProperty().set("2");
        assertThat(operations.asked).last().extracting(InMemorySchedules.Asked::policy)
                .isEqualTo(new RetentionPolicy(2, 7, 4, 12, null));

        editor.profileProperty().set(operations.profiles.get(1));
        assertThat(operations.asked).last().extracting(InMemorySchedules.Asked::profile).isEqualTo("staging");

        int asked = operations.asked.size();
        editor.retention().keepLastProperty().set("0");
        assertThat(operations.asked).hasSize(asked);
        assertThat(editor.preview()).isEmpty();
        assertThat(editor.previewSummaryProperty().get()).isEqualTo("Fix the rules to see what they would delete.");
        assertThat(model.canSave().get()).as("Save waits for valid rules").isFalse();
    }

    @Test
    void savingStoresTheScheduleReArmsItAndListsIt() {
        model.add();
        ScheduleEditorViewModel editor = model.editor();
        editor.when().presetProperty().set(Preset.WEEKLY);
        editor.when().weekdayProperty().set(java.time.DayOfWeek.SATURDAY);
        editor.when().timeProperty().set("04:10");
        editor.when().zoneProperty().set("Europe/Berlin");
        editor.testRestoreProperty().set(true);
        editor.catchUpProperty().set(Schedule.CatchUp.SKIP);

        model.save();

        assertThat(operations.schedules).hasSize(1);
        Schedule saved = operations.schedules.values().iterator().next();
        assertThat(saved.profile()).isEqualTo("prod");
        assertThat(saved.cron()).isEqualTo("10 4 * * 6");
        assertThat(saved.zone()).isEqualTo("Europe/Berlin");
        assertThat(saved.enabled()).isTrue();
        assertThat(saved.testRestore()).isTrue();
        assertThat(saved.catchUp()).isEqualTo(Schedule.CatchUp.SKIP);
        assertThat(saved.retention()).isEqualTo(new RetentionPolicy(7, 7, 4, 12, null));
        assertThat(saved.createdAt()).isEqualTo(operations.now);
        assertThat(operations.reloaded).containsExactly(saved.id());
        assertThat(model.editorOpenProperty().get()).isFalse();
        assertThat(model.rows()).hasSize(1);
        assertThat(model.selectedProperty().get().id()).isEqualTo(saved.id());
        assertThat(model.messageProperty().get()).isEqualTo("Added: prod, Every Saturday at 04:10.");
    }

    @Test
    void editingKeepsTheIdTheCreationAndTheOptionsTheEditorDoesNotShow() {
        BackupOptions options = BackupOptions.builder().format(BackupFormat.DIRECTORY).jobs(3)
                .schemas(List.of("public")).globals(true).label("nightly").build();
        Schedule saved = Schedule.builder().id("e1").profile("prod").cron("*/30 * * * *").enabled(true).options(options)
                .retention(new RetentionPolicy(3, null, null, null, Duration.ofDays(30)))
                .catchUp(Schedule.CatchUp.RUN_ONCE).createdAt(Instant.parse("2026-01-01T00:00:00Z")).build();
        operations.save(saved);
        model.refresh();
        model.select(model.rows().get(0));

        model.edit();
        ScheduleEditorViewModel editor = model.editor();
        assertThat(editor.titleProperty().get()).isEqualTo("Schedule of prod");
        assertThat(editor.when().presetProperty().get()).isEqualTo(Preset.CUSTOM);
        assertThat(editor.retention().maxAgeDaysProperty().get()).isEqualTo("30");
        assertThat(operations.asked).last().extracting(InMemorySchedules.Asked::scheduleId).isEqualTo("e1");
        editor.retention().keepLastProperty().set("5");
        model.save();

        Schedule changed = operations.schedules.get("e1");
        assertThat(changed.createdAt()).isEqualTo(saved.createdAt());
        assertThat(changed.zone()).as("still the system's zone").isNull();
        assertThat(changed.options().jobs()).isEqualTo(3);
        assertThat(changed.options().schemas()).containsExactly("public");
        assertThat(changed.options().label()).isEqualTo("nightly");
        assertThat(changed.retention().keepLast()).isEqualTo(5);
        assertThat(model.messageProperty().get()).isEqualTo("Saved: prod, Every 30 minutes.");
    }

    @Test
    void switchingAScheduleOnInTheEditorCountsItsMissedRunsFromThen() {
        operations.save(schedule("t2", "prod", "30 2 * * *", false));
        model.refresh();
        model.select(model.rows().get(0));

        model.edit();
        model.editor().enabledProperty().set(true);
        model.save();

        assertThat(operations.schedules.get("t2").enabled()).isTrue();
        assertThat(operations.schedules.get("t2").enabledAt()).isEqualTo(operations.now());
    }

    @Test
    void aScheduleIsSwitchedOffAndOnAgain() {
        operations.save(schedule("t1", "prod", "30 2 * * *", true));
        model.refresh();
        model.select(model.rows().get(0));
        assertThat(model.toggleText().get()).isEqualTo("Switch off");

        model.toggleEnabled();

        assertThat(operations.schedules.get("t1").enabled()).isFalse();
        assertThat(model.rows().get(0).nextRun()).isEqualTo("Switched off");
        assertThat(model.toggleText().get()).isEqualTo("Switch on");
        assertThat(operations.schedules.get("t1").enabledAt()).isNull();
        model.toggleEnabled();
        assertThat(operations.schedules.get("t1").enabled()).isTrue();
        assertThat(operations.schedules.get("t1").enabledAt()).as("what came due while off is not missed")
                .isEqualTo(operations.now());
        assertThat(operations.reloaded).containsExactly("t1", "t1", "t1");
    }

    @Test
    void deletingAsksAboutTheScheduleByNameAndLeavesTheBackupsAlone() {
        operations.save(schedule("d1", "prod", "30 2 * * *", true));
        model.refresh();
        model.select(model.rows().get(0));

        assertThat(model.deleteQuestion()).isEqualTo(new Question("Delete schedule", "Delete the schedule of prod, "
                + "Every day at 02:30? Its backups and its history are not touched.", "Delete"));
        model.delete();

        assertThat(operations.schedules).isEmpty();
        assertThat(model.rows()).isEmpty();
        assertThat(model.selectedProperty().get()).isNull();
        assertThat(model.canAct().get()).isFalse();
    }

    @Test
    void runNowStartsARunOrSaysThatTheDatabaseIsBusyAndTheRunWasSkipped() {
        operations.save(schedule("r1", "prod", "30 2 * * *", true));
        model.refresh();
        model.select(model.rows().get(0));

        model.runNow();
        assertThat(operations.ranNow).containsExactly("r1");
        assertThat(model.messageProperty().get()).startsWith("Backing up prod now.");
        assertThat(model.messageIsWarningProperty().get()).isFalse();

        operations.busyProfiles.add("prod");
        model.runNow();
        assertThat(model.messageProperty().get()).isEqualTo("A backup of prod's database is still running, "
                + "so this run did not start; it is recorded as skipped.");
        assertThat(model.messageIsWarningProperty().get()).isTrue();
    }

    @Test
    void pauseAllPausesEverySchedulesAndTheScreenSaysSinceWhenUntilResumed() {
        operations.save(schedule("a1", "prod", "30 2 * * *", true));
        model.refresh();
        assertThat(model.pauseAllText().get()).isEqualTo("Pause all");
        assertThat(model.pausedNotice().get()).isEmpty();

        model.togglePauseAll();

        assertThat(operations.pausedSince).isEqualTo(operations.now());
        assertThat(model.pauseAllText().get()).isEqualTo("Resume all");
        assertThat(model.rows()).singleElement().extracting(ScheduleRowViewModel::nextRun).isEqualTo("Paused");
        assertThat(model.pausedNotice().get()).startsWith("All schedules are paused since ")
                .contains(io.backupdesk.ui.Formats.time(operations.now())).contains("not caught up");
        assertThat(model.messageProperty().get()).isEqualTo("All schedules are paused.");

        model.togglePauseAll();

        assertThat(operations.pausedSince).isNull();
        assertThat(model.pausedNotice().get()).isEmpty();
        assertThat(model.pauseAllText().get()).isEqualTo("Pause all");
    }

    @Test
    void aPauseMadeElsewhereShowsAtTheNextRefresh() {
        operations.pausedSince = Instant.parse("2026-03-28T08:00:00Z");   // the tray menu, or 'schedule pause'

        model.refresh();

        assertThat(model.pausedNotice().get()).contains(io.backupdesk.ui.Formats.time(operations.pausedSince));
        assertThat(model.pauseAllText().get()).isEqualTo("Resume all");
    }

    @Test
    void withoutConnectionsThereIsNothingToScheduleAndTheEditorSaysSo() {
        operations.profiles.clear();

        model.refresh();
        assertThat(model.hasProfilesProperty().get()).isFalse();

        model.add();
        assertThat(model.editor().profileError().get()).isEqualTo("Add a connection first, on the Connections screen.");
        assertThat(model.canSave().get()).isFalse();
    }

    @Test
    void aFailedSaveKeepsTheEditorOpenWithTheReason() {
        SchedulesViewModel failing = new SchedulesViewModel(new InMemorySchedules() {
            @Override
            public void save(Schedule schedule) {
                throw new IllegalStateException("disk full");
            }

            {
                profiles.addAll(operations.profiles);
            }
        }, new SyncTaskRunner());
        failing.add();

        failing.save();

        assertThat(failing.editorOpenProperty().get()).isTrue();
        assertThat(failing.editorErrorProperty().get()).isEqualTo("disk full");
    }

    private static Schedule schedule(String id, String profile, String cron, boolean enabled) {
        return Schedule.builder().id(id).profile(profile).cron(cron).zone("UTC").enabled(enabled)
                .createdAt(Instant.parse("2026-03-01T00:00:00Z")).build();
    }

    private static ScheduleOperations.PreviewEntry entry(String id, String created, boolean delete, String reason) {
        return new ScheduleOperations.PreviewEntry(id, Instant.parse(created), 2048, delete, reason);
    }
}
