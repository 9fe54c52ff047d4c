package io.backupdesk.jobs;

import io.backupdesk.backup.BackupSets;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupSet;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ServerScope;
import io.backupdesk.core.SslMode;
import io.backupdesk.stats.DatabaseHealth;
import io.backupdesk.stats.Health;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WatchedDatabasesTest {
    private static final Instant MONDAY = Instant.parse("2026-05-04T02:30:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-05-05T02:30:00Z");
    private static final ConnectionProfile SERVER = new ConnectionProfile("srv", "db1", 5432, "postgres", "dba",
            SslMode.PREFER, null).withServer(ServerScope.everyDatabase());
    private static final ConnectionProfile ONE = new ConnectionProfile("one", "db1", 5432, "postgres", "dba",
            SslMode.PREFER, null);

    private static DatabaseHealth red(String profile, String database) {
        return new DatabaseHealth(profile, database, null, null, MONDAY, Health.RED);
    }

    private static BackupSets.SetEntry set(Instant at, BackupSet.Member... members) {
        return new BackupSets.SetEntry(new BackupSet(1, "s" + at.getEpochSecond(), "srv", "db1", 5432, "15",
                BackupFormat.CUSTOM, at, 1, null, null, "no roles", List.of(members), List.of(), null, "manual", false,
                false, List.of()), Path.of("srv.set.json"), List.of());
    }

    @Test
    void aServerConnectionIsJudgedByTheDatabasesOfItsNewestSetWrittenOrFailed() {
        List<DatabaseHealth> health = List.of(red("srv", "postgres"), red("srv", "sales"), red("srv", "dropped"),
                red("srv", "broken"), red("one", "postgres"));

        List<DatabaseHealth> watched = WatchedDatabases.of(health, List.of(SERVER, ONE), List.of(
                set(MONDAY, new BackupSet.Member("sales", "a1", null), new BackupSet.Member("dropped", "a2", null)),
                set(TUESDAY, new BackupSet.Member("sales", "b1", null), new BackupSet.Member("broken", null, "denied"))));

        assertThat(watched).extracting(DatabaseHealth::key)
                .containsExactlyInAnyOrder("srv/sales", "srv/broken", "one/postgres");
    }

    @Test
    void aServerConnectionWithoutASetYetIsWatchedAsItsHistorySays() {
        List<DatabaseHealth> watched = WatchedDatabases.of(List.of(red("srv", "sales")), List.of(SERVER), List.of());

        assertThat(watched).extracting(DatabaseHealth::key).containsExactly("srv/sales");
    }
}
