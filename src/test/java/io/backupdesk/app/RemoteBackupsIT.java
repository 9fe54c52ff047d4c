package io.backupdesk.app;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Destination;
import io.backupdesk.core.Progress;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.engine.Engine;
import io.backupdesk.jobs.BackupJob;
import io.backupdesk.restore.RestoreReport;
import io.backupdesk.store.SecureFiles;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import io.backupdesk.ui.SyncTaskRunner;
import io.backupdesk.ui.backups.BackupRowViewModel;
import io.backupdesk.ui.backups.BackupsViewModel;
import io.backupdesk.ui.restorewizard.RestoreDraft;
import io.backupdesk.ui.restorewizard.RestoreWizardViewModel;
import io.backupdesk.ui.restorewizard.WizardStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup that is only at a folder destination, the real way on the app's own operations and a real server: copied
 * there, its files here deleted, found by Sync catalogs, listed as remote, and restored through the wizard, which
 * downloads it first for the pre-flight and for the restore.
 */
@ExtendWith(PostgresServerExtension.class)
class RemoteBackupsIT {
    @Test
    void aBackupOnlyAtAFolderDestinationIsListedAfterASyncAndRestoredThroughTheWizard(TestServer server,
                                                                                       @TempDir Path dir)
            throws Exception {
        String db = server.createDatabase();
        server.execute(db, "create table orders as select g as id, 'order ' || g as note from generate_series(1, 2000) g");
        Path config = dir.resolve("config");
        Engine desk = new Engine(new AppPaths(config, config), dir.resolve("backups"), warning -> { });
        ConnectionProfile profile = server.profile("shop", db);
        desk.profiles().save(profile);
        desk.credentials().store(profile, server.password());
        String nas = Files.createDirectories(dir.resolve("nas")).toUri().toString();
        desk.jobs().destinations().save(new Destination("nas", nas, null, null, false, null, null, null, null, false,
                null), Optional.empty());
        BackupCatalog.Entry backup = desk.jobs().backup().backUp(new BackupJob.Request(profile,
                BackupOptions.defaults().toBuilder().copyTo(List.of("nas")).build(), "manual", Optional.empty(),
                false, false), Progress.NONE, new Cancellation());
        SecureFiles.deleteRecursively(dir.resolve("backups"));

        SyncTaskRunner runner = new SyncTaskRunner();
        BackupsViewModel list = new BackupsViewModel(new EngineCatalogOperations(desk), runner);
        list.refresh();
        assertThat(list.shown()).as("a backup whose files are gone, its sidecar too, is not here").isEmpty();
        assertThat(list.canSync().get()).isTrue();
        list.syncCatalogs();
        list.refresh();

        assertThat(list.errorProperty().get()).isEmpty();
        assertThat(list.noticeProperty().get()).isEqualTo("nas: 1 backup, 1 only there");
        BackupRowViewModel row = list.shown().get(0);
        assertThat(list.shown()).hasSize(1);
        assertThat(row.id()).isEqualTo(backup.record().id());
        assertThat(row.remote()).isTrue();
        assertThat(row.status()).isEqualTo("remote");
        assertThat(row.destination()).isEqualTo("nas");
        assertThat(list.summary().get()).startsWith("0 of 0 backups here, 1 of 1 only at destinations");
        list.select(List.of(row));
        assertThat(list.canRestore().get()).isTrue();
        assertThat(list.canAct().get()).isFalse();

        RestoreWizardViewModel wizard = new RestoreWizardViewModel(new EngineRestoreOperations(desk), runner);
        wizard.open(row.entry());
        assertThat(wizard.remoteAtProperty().get()).isEqualTo("nas");
        assertThat(wizard.canNext().get()).isTrue();
        wizard.next();
        wizard.choose(RestoreDraft.TargetKind.NEW_DATABASE);
        String copy = server.reserveName();
        wizard.draft().databaseProperty().set(copy);
        wizard.next();
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.PREFLIGHT);
        assertThat(wizard.problemProperty().get()).isEmpty();
        assertThat(wizard.checks()).isNotEmpty();
        wizard.next();
        assertThat(wizard.confirmation().summary()).endsWith("It is downloaded from nas first.");
        wizard.typedNameProperty().set(copy);
        wizard.restore();

        RestoreReport report = wizard.reportProperty().get();
        assertThat(report).as(wizard.problemProperty().get()).isNotNull();
        assertThat(report.outcome()).isEqualTo(RestoreReport.Outcome.COMPLETE);
        assertThat(PgTools.rowCounts(server, copy)).isEqualTo(PgTools.rowCounts(server, db));
        assertThat(row.entry().status()).isEqualTo(BackupStatus.REMOTE);
    }
}
