package io.backupdesk.ui.schedules;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.RetentionPolicy;
import io.backupdesk.core.Schedule;
import io.backupdesk.core.SslMode;
import io.backupdesk.crypto.AgeIdentity;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.ui.EncryptionChoiceViewModel;
import io.backupdesk.ui.SyncTaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedule editor's "Encrypt to": the connection's keys unless others are chosen, kept when editing. */
class ScheduleEditorEncryptionTest {
    private final InMemorySchedules operations = new InMemorySchedules();
    private SchedulesViewModel model;

    @BeforeEach
    void setUp() {
        operations.profiles.add(new ConnectionProfile("prod", "db1", 5432, "sales", "backup", SslMode.PREFER, null,
                List.of("ops-key")));
        operations.profiles.add(new ConnectionProfile("staging", "db2", 5432, "sales_staging", "dba", SslMode.PREFER,
                null));
        operations.keys.add(new StoredKey("ops-key", List.of(AgeIdentity.generate().recipient()), true, false, ""));
        operations.keys.add(new StoredKey("offsite", List.of(AgeIdentity.generate().recipient()), false, false, ""));
        model = new SchedulesViewModel(operations, new SyncTaskRunner());
    }

    @Test
    void aNewScheduleTakesTheConnectionsKeysAndSaysSoUntilOthersAreChosen() {
        model.add();
        EncryptionChoiceViewModel encryption = model.editor().encryption();

        assertThat(encryption.summary().get()).startsWith("Encrypted to the connection's keys: ops-key (age1");
        model.editor().profileProperty().set(operations.profiles.get(1));
        assertThat(encryption.summary().get()).isEqualTo("Not encrypted");
        encryption.keys().get(1).chosenProperty().set(true);
        assertThat(encryption.summary().get()).startsWith("Encrypted to offsite (age1");
        model.save();

        Schedule saved = operations.schedules.values().iterator().next();
        assertThat(saved.profile()).isEqualTo("staging");
        assertThat(saved.options().encryptTo()).containsExactly("offsite");
    }

    @Test
    void aScheduleLeftOnTheConnectionsKeysStoresNoKeysOfItsOwn() {
        model.add();
        model.save();

        assertThat(operations.schedules.values().iterator().next().options().encryptTo())
                .as("empty: the connection's keys, as they are at each run").isEmpty();
    }

    @Test
    void editingAScheduleKeepsItsKeysAndTheDirectoryFormatIsRefusedWhileItWouldBeEncrypted() {
        String theirs = AgeIdentity.generate().recipient().publicKey();
        operations.save(Schedule.builder().id("e1").profile("prod").cron("30 2 * * *").enabled(true)
                .options(BackupOptions.builder().encryptTo(List.of("offsite", theirs)).build())
                .retention(new RetentionPolicy(3, null, null, null, null)).catchUp(Schedule.CatchUp.RUN_ONCE)
                .createdAt(Instant.parse("2026-01-01T00:00:00Z")).build());
        model.refresh();
        model.select(model.rows().get(0));

        model.edit();
        ScheduleEditorViewModel editor = model.editor();
        assertThat(editor.encryption().publicKeysProperty().get()).isEqualTo(theirs);
        editor.how().formatProperty().set(BackupFormat.DIRECTORY);
        assertThat(editor.encryption().error().get()).startsWith("The directory format cannot be encrypted");
        assertThat(model.canSave().get()).isFalse();
        editor.how().formatProperty().set(BackupFormat.TAR);
        model.save();

        Schedule changed = operations.schedules.get("e1");
        assertThat(changed.options().format()).isEqualTo(BackupFormat.TAR);
        assertThat(changed.options().encryptTo()).containsExactly("offsite", theirs);
    }
}
