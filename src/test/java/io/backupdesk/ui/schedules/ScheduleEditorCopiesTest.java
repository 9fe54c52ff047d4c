package io.backupdesk.ui.schedules;

import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Destination;
import io.backupdesk.core.RetentionPolicy;
import io.backupdesk.core.Schedule;
import io.backupdesk.core.SslMode;
import io.backupdesk.ui.CopyChoiceViewModel;
import io.backupdesk.ui.SyncTaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedule editor's "Copy to": the connection's destinations unless others are chosen, kept when editing. */
class ScheduleEditorCopiesTest {
    private final InMemorySchedules operations = new InMemorySchedules();
    private SchedulesViewModel model;

    @BeforeEach
    void setUp() {
        operations.profiles.add(new ConnectionProfile("prod", "db1", 5432, "sales", "backup", SslMode.PREFER, null,
                List.of(), List.of("nas")));
        operations.destinations.add(destination("nas"));
        operations.destinations.add(destination("offsite-s3"));
        model = new SchedulesViewModel(operations, new SyncTaskRunner());
    }

    private static Destination destination(String name) {
        return new Destination(name, "file:///mnt/" + name, null, null, false, null, null, null, null, false,
                Instant.parse("2026-05-01T08:00:00Z"));
    }

    @Test
    void aNewScheduleGoesWhereItsConnectionSaysAndStoresNoDestinationOfItsOwn() {
        model.add();
        CopyChoiceViewModel copies = model.editor().copies();

        assertThat(copies.summary().get()).isEqualTo("Copied to nas after the backup is verified, as the connection "
                + "says");
        model.save();

        assertThat(operations.schedules.values().iterator().next().options().copyTo())
                .as("empty: the connection's destinations, as they are at each run").isEmpty();
    }

    @Test
    void editingAScheduleKeepsItsOwnDestinations() {
        operations.save(Schedule.builder().id("c1").profile("prod").cron("30 2 * * *").enabled(true)
                .options(BackupOptions.builder().copyTo(List.of("offsite-s3")).build())
                .retention(new RetentionPolicy(3, null, null, null, null)).catchUp(Schedule.CatchUp.RUN_ONCE)
                .createdAt(Instant.parse("2026-01-01T00:00:00Z")).build());
        model.refresh();
        model.select(model.rows().get(0));

        model.edit();
        assertThat(model.editor().copies().summary().get()).isEqualTo("Copied to offsite-s3 after the backup is "
                + "verified");
        model.editor().testRestoreProperty().set(true);
        model.save();

        assertThat(operations.schedules.get("c1").options().copyTo()).containsExactly("offsite-s3");
    }
}
