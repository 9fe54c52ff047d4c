package io.backupdesk.app;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Progress;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.engine.Engine;
import io.backupdesk.jobs.BackupJob;
import io.backupdesk.jobs.SecretKeys;
import io.backupdesk.restore.RestoreMode;
import io.backupdesk.restore.RestorePlan;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import io.backupdesk.ui.Notifier;
import io.backupdesk.ui.SyncTaskRunner;
import io.backupdesk.ui.backups.BackupDialogViewModel;
import io.backupdesk.ui.shell.Navigation;
import io.backupdesk.ui.shell.ShellViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The main window's status bar tells how the last backup or restore started there ended, on the real server: what
 * the backup made and that it was read back, why one failed, and how a restore came out (issue 19: it said "Ready").
 */
@ExtendWith(PostgresServerExtension.class)
class StatusBarOutcomeIT {
    @TempDir
    Path dir;

    @Test
    void theStatusBarSaysHowTheLastBackupOrRestoreStartedHereEnded(TestServer server) {
        String database = server.createDatabase();
        server.execute(database, "create table orders as select generate_series(1, 5000) as id");
        Engine engine = new Engine(new AppPaths(dir.resolve("config"), dir.resolve("config")), dir.resolve("backups"),
                w -> { });
        ConnectionProfile shop = server.profile("shop", database);
        ConnectionProfile missing = server.profile("missing", server.reserveName());
        engine.saveProfile(shop, null, Optional.of(server.password()));
        engine.saveProfile(missing, null, Optional.of(server.password()));
        SyncTaskRunner runner = new SyncTaskRunner();
        ShellViewModel shell = new ShellViewModel(new Navigation(), runner);
        BackupDialogViewModel dialog = new BackupDialogViewModel(new EngineBackupOperations(engine), runner,
                statusBar(shell));

        dialog.open("shop");
        dialog.start();
        String afterBackup = shell.statusText().get();
        dialog.open("missing");
        dialog.start();
        String afterFailure = shell.statusText().get();
        BackupCatalog.Entry made = engine.catalog().scan().get(0);
        String copy = server.reserveName();
        new EngineRestoreOperations(engine, shell::tellOutcome).restore(new RestorePlan(made, shop, copy,
                RestoreMode.NEW_DATABASE, 0, false, false, false, null, null, true, false, Set.of()), SecretKeys.STORED,
                Progress.NONE, line -> { }, new Cancellation());
        String afterRestore = shell.statusText().get();

        assertThat(afterBackup).matches("shop/" + database + ": [0-9.]+ [KM]?B, verified in [0-9.]+ s");
        assertThat(afterFailure).startsWith("missing/" + missing.database() + " failed: ")
                .contains("does not exist").doesNotContain("\n");
        assertThat(afterRestore).matches("Restore of shop/" + database + " into " + copy
                + ": complete, 1 table in [0-9.]+ s");
    }

    @Test
    void aRestoreThatFailsSaysWhyInTheStatusBar(TestServer server) {
        String database = server.createDatabase();
        Engine engine = new Engine(new AppPaths(dir.resolve("config"), dir.resolve("config")), dir.resolve("backups"),
                w -> { });
        ConnectionProfile shop = server.profile("shop", database);
        engine.saveProfile(shop, null, Optional.of(server.password()));
        BackupCatalog.Entry made = engine.jobs().backup().backUp(new BackupJob.Request(shop, BackupOptions.defaults(),
                "manual", Optional.empty(), false, false), Progress.NONE, new Cancellation());
        ShellViewModel shell = new ShellViewModel(new Navigation(), new SyncTaskRunner());

        // a new database that already exists: the restore refuses it
        assertThatThrownBy(() -> new EngineRestoreOperations(engine, shell::tellOutcome).restore(new RestorePlan(made,
                shop, database, RestoreMode.NEW_DATABASE, 0, false, false, false, null, null, true, false, Set.of()),
                SecretKeys.STORED, Progress.NONE, line -> { }, new Cancellation())).isInstanceOf(BackupDeskException.class);

        assertThat(shell.statusText().get()).startsWith("Restore of shop/" + database + " into " + database + " failed: ");
    }

    private static Notifier statusBar(ShellViewModel shell) {
        return new Notifier() {
            @Override
            public void error(String title, Throwable failure) {
                // the desktop shows a dialog; the status bar is what is checked here
            }

            @Override
            public void done(String outcome) {
                shell.tellOutcome(outcome);
            }

            @Override
            public Optional<String> askPassword(ConnectionProfile profile) {
                return Optional.empty();
            }
        };
    }
}
