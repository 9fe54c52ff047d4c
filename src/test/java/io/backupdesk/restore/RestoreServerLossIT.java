package io.backupdesk.restore;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.Progress;
import io.backupdesk.testing.EngineRig;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.StandaloneServer;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server lost in the middle of a restore in place, on a server of its own that the test can stop: the user is told
 * both failures and the command that puts the safety backup back, the next start says so again, and that command
 * brings the data back.
 */
class RestoreServerLossIT {

    @Test
    void aServerLostDuringAnInPlaceRestoreNamesTheSafetyBackupAndTheNextStartSaysSo(@TempDir Path dir) throws Exception {
        try (StandaloneServer standalone = StandaloneServer.start(14, dir.resolve("pg14"))) {
            Backed b = Backed.up(standalone, dir);
            TestServer server = b.server();
            String db = b.db();
            EngineRig rig = b.rig();
            server.execute(db, "insert into big values (-1, 'made after the backup')");
            Map<String, Long> before = PgTools.rowCounts(server, db);

            Throwable failure = restoreLosingTheServer(standalone, rig, b.plan(RestoreMode.IN_PLACE, false));

            assertThat(failure).isInstanceOf(BackupDeskException.class);
            String safetyId = rig.catalog.scan().stream().filter(e -> "before-restore".equals(e.record().label()))
                    .findFirst().orElseThrow().record().id();
            assertThat(failure.getMessage()).contains("in place failed")
                    .contains("Putting " + db + " back from the safety backup failed too")
                    .contains("backupdesk restore " + safetyId + " --target p --database " + db);
            assertThat(((BackupDeskException) failure).hint()).contains("safety backup " + safetyId).doesNotContain("--");
            assertThat(((BackupDeskException) failure).commandLineHint()).contains("backupdesk restore " + safetyId);

            standalone.startAgain();
            List<JobRun> told = rig.startupHousekeeping();
            assertThat(told).singleElement().satisfies(run -> {
                assertThat(run.status()).isEqualTo(JobStatus.FAILED);
                assertThat(run.error()).contains("backupdesk restore " + safetyId);
            });
            assertThat(rig.startupHousekeeping()).as("told once").isEmpty();

            RestoreReport putBack = rig.restores.restore(new RestorePlan(rig.catalog.require(safetyId), b.profile(), db,
                            RestoreMode.SAFE_REPLACE, 0, false, false, false, List.of(), List.of(), true, true, Set.of()),
                    Optional.empty(), Progress.NONE, line -> { }, new Cancellation());
            assertThat(putBack.outcome()).as(putBack.summary()).isEqualTo(RestoreReport.Outcome.COMPLETE);
            assertThat(PgTools.rowCounts(server, db)).isEqualTo(before);
        }
    }

    @Test
    void aServerLostDuringASafeReplaceLeavesTheOriginalAndTheNextStartDropsTheCopy(@TempDir Path dir) throws Exception {
        try (StandaloneServer standalone = StandaloneServer.start(14, dir.resolve("pg14"))) {
            Backed b = Backed.up(standalone, dir);
            TestServer server = b.server();
            String db = b.db();
            EngineRig rig = b.rig();
            server.execute(db, "delete from big where id > 300000");
            Map<String, Long> before = PgTools.rowCounts(server, db);

            Throwable failure = restoreLosingTheServer(standalone, rig, b.plan(RestoreMode.SAFE_REPLACE, true));

            assertThat(failure).isInstanceOf(BackupDeskException.class);
            standalone.startAgain();
            assertThat(PgTools.rowCounts(server, db)).as("the original, untouched").isEqualTo(before);
            rig.startupHousekeeping();
            assertThat(RestoreIT.databasesLike(server, db + "_")).as("the half-made copy, dropped at the next start")
                    .isEmpty();
        }
    }

    /** A database with a table big enough that pg_restore copies it for a while, backed up. */
    private record Backed(TestServer server, String db, EngineRig rig, ConnectionProfile profile, BackupRecord backup) {
        static Backed up(StandaloneServer standalone, Path dir) {
            TestServer server = standalone.server();
            String db = server.createDatabase();
            server.execute(db, "create table big (id int primary key, body text);"
                    + " insert into big select g, repeat(md5(g::text), 8) from generate_series(1, 400000) g");
            EngineRig rig = EngineRig.standard(dir.resolve("rig"), server);
            ConnectionProfile profile = rig.addProfile("p", db);
            return new Backed(server, db, rig, profile, rig.backup(profile, BackupOptions.ofFormat(BackupFormat.CUSTOM)));
        }

        /** A restore of the backup over its own database, by one worker so that the copy takes a while. */
        RestorePlan plan(RestoreMode mode, boolean terminateSessions) {
            return new RestorePlan(rig.catalog.require(backup.id()), profile, db, mode, 1, false, false, false, List.of(),
                    List.of(), true, terminateSessions, Set.of());
        }
    }

    /** Runs the restore and stops the server once pg_restore copies data; returns what the restore threw. */
    private static Throwable restoreLosingTheServer(StandaloneServer standalone, EngineRig rig, RestorePlan plan)
            throws Exception {
        CountDownLatch copying = new CountDownLatch(1);
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                rig.restores.restore(plan, Optional.empty(), Progress.NONE, line -> {
                    if (line.contains("processing data for table")) {
                        copying.countDown();
                    }
                }, new Cancellation());
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        CompletableFuture.anyOf(outcome, CompletableFuture.runAsync(() -> {
            try {
                copying.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })).get(130, TimeUnit.SECONDS);
        assertThat(copying.getCount()).as("pg_restore began copying; the restore ended first with: "
                + (outcome.isDone() ? outcome.get() : "nothing yet")).isZero();
        standalone.kill();
        return outcome.get(120, TimeUnit.SECONDS);
    }
}
