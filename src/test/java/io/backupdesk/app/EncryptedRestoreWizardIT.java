package io.backupdesk.app;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Progress;
import io.backupdesk.crypto.Passphrase;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.engine.Engine;
import io.backupdesk.jobs.BackupJob;
import io.backupdesk.restore.RestoreReport;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import io.backupdesk.ui.SyncTaskRunner;
import io.backupdesk.ui.restorewizard.RestoreDraft;
import io.backupdesk.ui.restorewizard.RestoreWizardViewModel;
import io.backupdesk.ui.restorewizard.UnlockViewModel;
import io.backupdesk.ui.restorewizard.WizardStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restore wizard on the app's own operations and a real server: a backup encrypted to a passphrase-protected
 * stored key asks for the passphrase, takes a wrong one without a change on the server, and restores with the right
 * one by one worker, streamed, without a decrypted copy.
 */
@ExtendWith(PostgresServerExtension.class)
class EncryptedRestoreWizardIT {
    @Test
    void aProtectedKeysBackupIsRestoredThroughTheWizardOnceItsPassphraseIsTyped(TestServer server, @TempDir Path dir)
            throws Exception {
        String db = server.createDatabase();
        server.execute(db, "create table orders as select g as id, 'order ' || g as note from generate_series(1, 3000) g");
        Path config = dir.resolve("config");
        Engine desk = new Engine(new AppPaths(config, config), null, warning -> { });
        ConnectionProfile profile = server.profile("shop", db);
        desk.profiles().save(profile);
        desk.credentials().store(profile, server.password());
        try (Passphrase protection = Passphrase.of("right horse".toCharArray())) {
            desk.keys().generate("office", protection);
        }
        BackupCatalog.Entry backup = desk.jobs().backup().backUp(new BackupJob.Request(profile,
                BackupOptions.defaults().toBuilder().encryptTo(List.of("office")).build(), "manual", Optional.empty(),
                false, false), Progress.NONE, new Cancellation());
        assertThat(backup.record().encrypted()).isTrue();

        RestoreWizardViewModel wizard = new RestoreWizardViewModel(new EngineRestoreOperations(desk), new SyncTaskRunner());
        wizard.open(backup);
        UnlockViewModel unlock = wizard.unlock();
        assertThat(unlock.descriptionProperty().get()).contains(backup.record().recipients().get(0)).contains("'office'");
        assertThat(unlock.stateProperty().get()).isEqualTo(UnlockViewModel.State.NEEDS_PASSPHRASE);

        unlock.unlock("wrong horse".toCharArray());
        assertThat(unlock.messageProperty().get()).contains("does not open it");
        assertThat(wizard.canNext().get()).isFalse();
        unlock.unlock("right horse".toCharArray());
        assertThat(unlock.stateProperty().get()).isEqualTo(UnlockViewModel.State.OPEN);

        wizard.next();
        wizard.choose(RestoreDraft.TargetKind.NEW_DATABASE);
        String copy = server.reserveName();
        wizard.draft().databaseProperty().set(copy);
        wizard.next();
        assertThat(wizard.draft().jobsProperty().get()).as("one worker: the plaintext streams into pg_restore").isOne();
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.PREFLIGHT);
        assertThat(wizard.problemProperty().get()).isEmpty();
        assertThat(wizard.checks()).isNotEmpty();
        wizard.next();
        wizard.typedNameProperty().set(copy);
        wizard.restore();

        RestoreReport report = wizard.reportProperty().get();
        assertThat(report).as(wizard.problemProperty().get()).isNotNull();
        assertThat(report.outcome()).isEqualTo(RestoreReport.Outcome.COMPLETE);
        assertThat(PgTools.rowCounts(server, copy)).isEqualTo(PgTools.rowCounts(server, db));
        assertThat(config.resolve("runs/decrypted")).as("streamed: no plaintext copy was made").doesNotExist();
    }
}
