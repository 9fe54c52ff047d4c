package io.backupdesk.app;

import io.backupdesk.backup.BackupSets;
import io.backupdesk.core.BackupSet;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ServerScope;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.engine.Engine;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import io.backupdesk.ui.Notifier;
import io.backupdesk.ui.SyncTaskRunner;
import io.backupdesk.ui.backups.BackupDialogViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Back up now on a server connection makes a whole-server set, and says how it went where it was started. */
@ExtendWith(PostgresServerExtension.class)
class SetBackupNowIT {
    @TempDir
    Path dir;

    @Test
    void backUpNowOnAServerConnectionMakesASetAndTellsItsOutcome(TestServer server) {
        String prefix = "bdnow" + ProcessHandle.current().pid() + "x" + System.nanoTime() % 100_000;
        for (String db : List.of(prefix + "_a", prefix + "_b")) {
            server.adopt(db);
            server.execute("postgres", "create database " + db + " template template0");
            server.execute(db, "create table t as select generate_series(1, 100) as id");
        }
        Engine engine = new Engine(new AppPaths(dir.resolve("config"), dir.resolve("config")), dir.resolve("backups"),
                w -> { });
        ConnectionProfile srv = server.profile("srv", "postgres")
                .withServer(new ServerScope(List.of(prefix + "_*"), List.of()));
        engine.saveProfile(srv, null, Optional.of(server.password()));
        List<String> said = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        BackupDialogViewModel model = new BackupDialogViewModel(new EngineBackupOperations(engine), new SyncTaskRunner(),
                new Notifier() {
                    @Override
                    public void error(String title, Throwable failure) {
                        errors.add(title + ": " + failure.getMessage());
                    }

                    @Override
                    public void done(String outcome) {
                        said.add(outcome);
                    }

                    @Override
                    public Optional<String> askPassword(ConnectionProfile profile) {
                        return Optional.empty();
                    }
                });

        model.open("srv");
        assertThat(model.start()).isTrue();

        assertThat(errors).isEmpty();
        List<BackupSets.SetEntry> sets = engine.backupSets().read().sets();
        assertThat(sets).singleElement().satisfies(set -> {
            assertThat(set.status()).isEqualTo(BackupSet.Status.COMPLETE);
            assertThat(set.set().members()).extracting(BackupSet.Member::database)
                    .containsExactly(prefix + "_a", prefix + "_b");
        });
        assertThat(said).singleElement().asString().startsWith("Set of srv: 2 of 2 databases, complete, ");
    }
}
