package io.backupdesk.ui.backups;

import io.backupdesk.core.Origin;
import io.backupdesk.core.Schedule;
import io.backupdesk.jobs.ScheduleNames;
import io.backupdesk.store.ScheduleStore;
import io.backupdesk.testing.SidecarFiles;
import io.backupdesk.ui.SyncTaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backup list's Origin column and the details pane say who made each backup in words: the schedule by its name
 * (a removed one as removed, one the desk does not know as not here), Back up now, the command line, and the older
 * backups by hand; a sidecar's own text when it is none of ours.
 */
class OriginInBackupsViewModelTest {
    private static final Instant AT = Instant.parse("2026-12-01T02:30:00Z");

    @TempDir
    Path dir;
    private BackupsViewModel model;
    private ScheduleNames names;

    @BeforeEach
    void backupsFromEveryOrigin() throws Exception {
        ScheduleStore store = new ScheduleStore(dir.resolve("config"), w -> { });
        store.save(Schedule.builder().id("s00000000001").profile("prod").name("nightly").build());
        store.save(Schedule.builder().id("s00000000002").profile("prod").name("weekly").build());
        store.save(Schedule.builder().id("s00000000003").profile("crm").build());
        store.remove("s00000000002", AT);
        names = ScheduleNames.of(store.list(), store.removed());
        Path root = dir.resolve("backups");
        write(root, "b1", "schedule:s00000000001", 1);
        write(root, "b2", "schedule:s00000000002", 2);
        write(root, "b3", "schedule:s00000000003", 3);
        write(root, "b4", "schedule:0123456789ab", 4);
        write(root, "b5", Origin.BACK_UP_NOW, 5);
        write(root, "b6", Origin.COMMAND_LINE, 6);
        write(root, "b7", Origin.TRAY, 7);
        write(root, "b8", "manual", 8);
        write(root, "b9", "restore:r1", 9);
        write(root, "ba", "import", 10);
        write(root, "bb", "cron job on db7", 11);
        model = new BackupsViewModel(new FolderCatalog(dir.resolve("config"), root) {
            @Override
            public ScheduleNames scheduleNames() {
                return names;
            }
        }, new SyncTaskRunner());
        model.refresh();
    }

    private static void write(Path root, String id, String origin, int minutes) throws Exception {
        SidecarFiles.write(root, id + "0000000000", "prod", "sales", origin, AT.plusSeconds(60L * minutes));
    }

    @Test
    void eachBackupSaysWhoMadeIt() {
        List<String> origins = model.shown().stream().sorted(java.util.Comparator.comparing(BackupRowViewModel::id))
                .map(model.origins()::of).toList();

        assertThat(origins).containsExactly("Schedule 'nightly'", "Removed schedule 'weekly'",
                "Schedule of crm (s00000000003)", "Schedule 0123456789ab, not on this desk", "Back up now",
                "Command line", "Tray", "By hand", "Safety backup before a restore", "Imported", "cron job on db7");
    }

    @Test
    void theDetailsPaneSaysItToo() {
        BackupRowViewModel nightly = model.shown().stream().filter(r -> r.id().startsWith("b1")).findFirst()
                .orElseThrow();
        model.selection().setAll(nightly);

        assertThat(model.detailsProperty().get().fields()).filteredOn(f -> f.name().equals("Origin"))
                .extracting(BackupDetails.Field::value).containsExactly("Schedule 'nightly'");
        assertThat(model.origins().text("test-restore:s00000000001")).isEqualTo("Test restore of Schedule 'nightly'");
    }

    @Test
    void withoutTheSchedulesNamesAScheduleIsStillToldApartFromTheRest() {
        names = ScheduleNames.NONE;
        model.refresh();

        assertThat(model.shown()).filteredOn(r -> r.id().startsWith("b1")).extracting(r -> model.origins().of(r))
                .containsExactly("Schedule s00000000001, not on this desk");
    }
}
