package io.backupdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupdesk.store.Json;
import io.backupdesk.testing.Cli;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code backup --jobs N} of a server connection dumps N databases at a time across the set, on the real server. Each
 * database's table is held under an exclusive lock, so whatever the set starts on a database waits there and can be
 * seen in pg_stat_activity; releasing one lock lets that database finish and the next one start.
 */
@ExtendWith(PostgresServerExtension.class)
class SetDatabasesAtOnceIT {
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Test
    void jobsTwoWorksOnTwoDatabasesAtATimeAndStartsTheThirdOnlyOnceOneIsDone(TestServer server, @TempDir Path dir)
            throws Exception {
        String prefix = SetFixtures.prefix();
        List<String> databases = List.of(prefix + "_a", prefix + "_b", prefix + "_c");
        for (String database : databases) {
            SetFixtures.database(server, database);
            server.execute(database, "create table t as select generate_series(1, 20) as id");
        }
        Cli cli = new Cli(dir.resolve("config"), dir.resolve("backups"));
        SetFixtures.addServerProfile(cli, server, server.user(), server.password(), "srv", "--include-database",
                prefix + "_*");
        Map<String, Connection> locks = new LinkedHashMap<>();
        try {
            for (String database : databases) {
                locks.put(database, lockedTable(server, database));
            }
            List<Integer> lockers = new ArrayList<>();
            for (Connection c : locks.values()) {
                lockers.add(pid(c));
            }
            CompletableFuture<Cli.Run> backup = CompletableFuture.supplyAsync(() -> cli.run("backup", "srv", "--json",
                    "--jobs", "2", "--lock-wait-timeout", "5m"));
            List<Set<String>> seen = new ArrayList<>();

            Set<String> firstTwo = waitFor(server, databases, lockers, backup, seen, busy -> busy.size() == 2);
            TimeUnit.SECONDS.sleep(3);
            Set<String> stillTwo = busy(server, databases, lockers);
            seen.add(stillTwo);
            try (Connection first = locks.remove(databases.get(0))) {
                first.commit();
            }
            Set<String> next = waitFor(server, databases, lockers, backup, seen, busy -> busy.contains(databases.get(2)));
            for (Connection c : locks.values()) {
                c.commit();
            }
            Cli.Run run = backup.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

            assertThat(firstTwo).as("the first two databases, in name order").containsExactly(databases.get(0),
                    databases.get(1));
            assertThat(stillTwo).as("the third waits for a free place").isEqualTo(firstTwo);
            assertThat(next).as("once the first is done, the third starts beside the second")
                    .containsExactly(databases.get(1), databases.get(2));
            assertThat(seen).as("never more than two databases at once")
                    .allSatisfy(busy -> assertThat(busy).hasSizeLessThanOrEqualTo(2));
            assertThat(run.code()).as(run.err()).isZero();
            JsonNode set = Json.mapper().readTree(run.out());
            assertThat(set.get("status").asText()).isEqualTo("complete");
            assertThat(ServerSetBackupIT.databases(set)).containsExactlyElementsOf(databases);
        } finally {
            for (Connection c : locks.values()) {
                c.rollback();
                c.close();
            }
        }
    }

    /** A connection in a transaction that holds {@code t} of this database under an exclusive lock. */
    private static Connection lockedTable(TestServer server, String database) throws SQLException {
        Connection c = server.connect(database);
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("lock table t in access exclusive mode");
        }
        return c;
    }

    private static int pid(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Polls until {@code done} holds of the databases the set is working on, recording every look in {@code seen}. */
    private static Set<String> waitFor(TestServer server, List<String> databases, List<Integer> lockers,
                                       CompletableFuture<Cli.Run> backup, List<Set<String>> seen, Predicate<Set<String>> done)
            throws SQLException, InterruptedException {
        Instant until = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(until)) {
            Set<String> busy = busy(server, databases, lockers);
            seen.add(busy);
            if (done.test(busy)) {
                return busy;
            }
            if (backup.isDone()) {
                Cli.Run ended = backup.join();
                throw new AssertionError("the backup ended (" + ended.code() + ") while it was to wait: " + ended.err());
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("the set never got there; it was working on " + seen.get(seen.size() - 1));
    }

    /** The databases of this test with a session of the set's (pg_dump or our own) in them, not the lock holders. */
    private static Set<String> busy(TestServer server, List<String> databases, List<Integer> lockers)
            throws SQLException {
        Set<String> busy = new TreeSet<>();
        try (Connection c = server.connect("postgres"); PreparedStatement st = c.prepareStatement(
                "select distinct datname from pg_stat_activity where datname = any(?) and not (pid = any(?))"
                        + " and application_name = 'backupdesk'")) {
            Array names = c.createArrayOf("text", databases.toArray());
            Array pids = c.createArrayOf("int4", lockers.toArray());
            st.setArray(1, names);
            st.setArray(2, pids);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    busy.add(rs.getString(1));
                }
            }
        }
        return busy;
    }
}
