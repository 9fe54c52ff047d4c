package io.backupdesk.jobs;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Progress;
import io.backupdesk.core.ServerScope;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.engine.Engine;
import io.backupdesk.stats.DatabaseHealth;
import io.backupdesk.stats.Health;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import io.backupdesk.tray.TrayState;
import io.backupdesk.tray.TrayStatus;
import io.backupdesk.ui.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Health follows the connections that exist, with real backups on the real server: the dashboard's numbers, the
 * tray's state and the stale watch all judge through the engine's one health job.
 */
@ExtendWith(PostgresServerExtension.class)
class HealthIT {
    @TempDir
    Path dir;

    private Engine engine() {
        return new Engine(new AppPaths(dir.resolve("config"), dir.resolve("config")), dir.resolve("backups"), w -> { });
    }

    private static BackupCatalog.Entry backUp(Engine engine, ConnectionProfile profile) {
        return engine.jobs().backup().backUp(new BackupJob.Request(profile, BackupOptions.defaults(),
                BackupRecord.ORIGIN_MANUAL, Optional.empty(), false, true), Progress.NONE, new Cancellation());
    }

    private static TrayStatus tray(Engine engine) {
        return TrayStatus.of(false, false, engine.history().readAll(), engine.jobs().health().now(), 0,
                Optional.empty(), engine.clock().instant(), ZoneOffset.UTC, Messages::get);
    }

    @Test
    void aConnectionRemovedAfterABackupLeavesTheHealthTheTrayAndTheWatchButItsBackupsStay(TestServer server) {
        String database = server.createDatabase();
        server.execute(database, "create table orders as select generate_series(1, 1000) as id");
        Engine engine = engine();
        ConnectionProfile shop = server.profile("shop", database);
        engine.saveProfile(shop, null, Optional.of(server.password()));
        backUp(engine, shop);
        server.execute("postgres", "drop database " + database);
        assertThatThrownBy(() -> backUp(engine, shop)).isInstanceOf(BackupDeskException.class);
        assertThat(engine.stats().health()).singleElement().satisfies(h -> assertThat(h.failing()).isTrue());
        assertThat(tray(engine).state()).isEqualTo(TrayState.FAILED);

        engine.removeProfile("shop");

        Engine restarted = engine();
        assertThat(restarted.stats().health()).as("issue 19: a red row for a removed connection").isEmpty();
        assertThat(restarted.stats().backups()).as("its backup stays in the catalog").isEqualTo(1);
        assertThat(tray(restarted).state()).as("issue 19: the tray stayed red").isEqualTo(TrayState.OK);
        assertThat(restarted.jobs().stale().look()).isEmpty();
    }

    @Test
    void aNewConnectionWhoseFirstBackupFailsIsRedForTheFailureNotPastItsRpo(TestServer server) {
        Engine engine = engine();
        ConnectionProfile fresh = server.profile("fresh", server.reserveName());
        engine.saveProfile(fresh, null, Optional.of(server.password()));

        assertThatThrownBy(() -> backUp(engine, fresh)).isInstanceOf(BackupDeskException.class);

        DatabaseHealth h = engine.stats().health().get(0);
        assertThat(h.health()).as("issue 19: red for a failure").isEqualTo(Health.RED);
        assertThat(h.failing()).isTrue();
        assertThat(h.stale()).as("issue 19: not at once past its RPO").isFalse();
        assertThat(h.error()).contains("does not exist");
        assertThat(tray(engine).tooltip()).startsWith("Backup Desk: the last backup of fresh/" + fresh.database()
                + " failed");
        assertThat(engine.jobs().stale().look()).as("no RPO alert for a new database").isEmpty();
    }

    @Test
    void aConnectionChangedToAnotherDatabaseNoLongerAnswersForTheOneItNamedBefore(TestServer server) {
        String before = server.createDatabase();
        String after = server.createDatabase();
        Engine engine = engine();
        ConnectionProfile shop = server.profile("shop", before);
        engine.saveProfile(shop, null, Optional.of(server.password()));
        backUp(engine, shop);

        engine.saveProfile(shop.withDatabase(after), null, Optional.empty());

        assertThat(engine.stats().health()).as("nobody asked to back the new one up yet").isEmpty();
        backUp(engine, shop.withDatabase(after));
        assertThat(engine.stats().health()).extracting(DatabaseHealth::key).containsExactly("shop/" + after);
    }

    @Test
    void aServerConnectionAnswersForTheDatabasesItHasNowNotOneDroppedSince(TestServer server) {
        String prefix = "bdhealth" + ProcessHandle.current().pid() + "x" + System.nanoTime() % 100_000;
        for (String db : List.of(prefix + "_a", prefix + "_b")) {
            server.adopt(db);
            server.execute("postgres", "create database " + db + " template template0");
        }
        Engine engine = engine();
        ConnectionProfile srv = server.profile("srv", "postgres")
                .withServer(new ServerScope(List.of(prefix + "_*"), List.of()));
        engine.saveProfile(srv, null, Optional.of(server.password()));
        BackupJob.Request request = new BackupJob.Request(srv, BackupOptions.defaults(), BackupRecord.ORIGIN_MANUAL,
                Optional.empty(), false, true);
        engine.jobs().backup().backUpSet(request, Progress.NONE, new Cancellation());
        server.execute("postgres", "drop database " + prefix + "_b");

        engine.jobs().backup().backUpSet(request, Progress.NONE, new Cancellation());

        assertThat(engine.stats().health()).as("the dashboard's and the tray's health").extracting(DatabaseHealth::key)
                .containsExactly("srv/" + prefix + "_a");
        assertThat(engine.jobs().health().now()).extracting(DatabaseHealth::key).containsExactly("srv/" + prefix + "_a");
    }
}
