package io.backupdesk.ui.schedules;

import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ServerScope;
import io.backupdesk.core.SslMode;
import io.backupdesk.ui.SyncTaskRunner;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A schedule of a server connection: offered, saved, and its retention preview not taken for one database's. */
class ServerScheduleTest {
    @Test
    void aServerConnectionIsScheduledAndItsPreviewSaysItsSetsGoWhole() {
        InMemorySchedules operations = new InMemorySchedules();
        operations.profiles.add(new ConnectionProfile("cluster-a", "pg-a", 5432, "postgres", "backup", SslMode.PREFER,
                null, List.of(), List.of(), ServerScope.everyDatabase()));
        SchedulesViewModel model = new SchedulesViewModel(operations, new SyncTaskRunner());

        model.add();
        ScheduleEditorViewModel editor = model.editor();
        assertThat(editor.profiles()).extracting(ConnectionProfile::name).containsExactly("cluster-a");
        editor.profileProperty().set(editor.profiles().get(0));

        assertThat(editor.previewSummaryProperty().get()).startsWith("cluster-a is a server connection");
        assertThat(editor.preview()).isEmpty();
        model.save();
        assertThat(operations.schedules.values()).singleElement()
                .satisfies(s -> assertThat(s.profile()).isEqualTo("cluster-a"));
    }
}
