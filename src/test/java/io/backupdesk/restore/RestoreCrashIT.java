package io.backupdesk.restore;

import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.testing.CliProcess;
import io.backupdesk.testing.EngineRig;
import io.backupdesk.testing.Fixtures;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.RunWatch;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A restore killed with its app leaves a half-filled temporary database and a pg_restore that goes on alone; the next
 * start stops the pg_restore, drops the database and records the restore as interrupted. The original is untouched.
 */
@ExtendWith(PostgresServerExtension.class)
class RestoreCrashIT {

    @Test
    void theNextStartDropsTheTemporaryDatabaseOfAKilledSafeReplace(TestServer server, @TempDir Path dir) throws Exception {
        Fixtures.BigTableSetup setup = Fixtures.bigTableSetup(server, dir, 1_500_000);
        EngineRig rig = setup.rig();
        String db = setup.database();
        BackupRecord record = rig.backup(setup.profile(), BackupOptions.defaults());
        server.execute(db, "delete from public.big where id > 1000000");
        Map<String, Long> before = PgTools.rowCounts(server, db);
        Process cli = CliProcess.start(CliProcess.command(rig.configDir, rig.backupRoot, "restore", record.id(),
                "--target", "p", "--jobs", "1", "--yes"), dir);
        // killed while pg_restore fills the temporary database, once the marker names both
        await().atMost(Duration.ofSeconds(60)).until(() -> !RunWatch.pgRestores(cli).isEmpty()
                && RunWatch.markerSays(rig, "\"pid\"") && RunWatch.markerSays(rig, db + "_restoring_"));
        List<ProcessHandle> tools = RunWatch.pgRestores(cli);

        cli.destroyForcibly().waitFor();
        assertThat(RestoreIT.databasesLike(server, db + "_restoring_")).as("left by the kill").hasSize(1);
        CliProcess.Outcome next = CliProcess.run(CliProcess.command(rig.configDir, rig.backupRoot, "list"));

        assertThat(next.exitCode()).as(next.stderr()).isZero();
        assertThat(next.stderr()).contains("interrupted restore of p/" + db).contains("was dropped");
        assertThat(tools).as("stopped by the next start").noneMatch(ProcessHandle::isAlive);
        assertThat(RestoreIT.databasesLike(server, db + "_")).isEmpty();
        assertThat(PgTools.rowCounts(server, db)).isEqualTo(before);
        assertThat(Fixtures.filesEndingWith(rig.configDir.resolve("runs"), ".json")).as("run markers").isEmpty();
        assertThat(rig.history.readAll()).filteredOn(r -> r.kind().equals(JobRun.KIND_RESTORE))
                .extracting(JobRun::status).containsExactly(JobStatus.INTERRUPTED);
    }
}
