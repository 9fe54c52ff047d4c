package io.backupdesk.backup;

import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.JobStatus;
import io.backupdesk.testing.CliProcess;
import io.backupdesk.testing.EngineRig;
import io.backupdesk.testing.Fixtures;
import io.backupdesk.testing.Leftovers;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A killed app leaves partial files; the next start removes them and records the run, but never a live run's. */
@ExtendWith(PostgresServerExtension.class)
class CrashRecoveryIT {

    @Test
    void theNextStartCleansUpAfterAKilledBackup(TestServer server, @TempDir Path dir) throws Exception {
        String db = server.createDatabase();
        Fixtures.bigTable(server, db, 600_000);
        EngineRig rig = EngineRig.standard(dir, server);
        rig.addProfile("p", db);
        Process cli = CliProcess.start(CliProcess.command(rig.configDir, rig.backupRoot, "backup", "p",
                "--format", "plain", "--compress", "9"), Path.of(dir.toString()));

        await().atMost(Duration.ofSeconds(60)).until(() ->
                !Fixtures.filesEndingWith(rig.backupRoot, ".partial").isEmpty()
                        && !Fixtures.filesEndingWith(rig.configDir.resolve("runs"), ".json").isEmpty());
        List<ProcessHandle> children = cli.descendants().toList();
        cli.destroyForcibly().waitFor();
        children.forEach(ProcessHandle::destroyForcibly);
        assertThat(Fixtures.filesEndingWith(rig.backupRoot, ".partial")).hasSize(1);

        CliProcess.Outcome next = CliProcess.run(CliProcess.command(rig.configDir, rig.backupRoot, "list"));

        assertThat(next.exitCode()).isZero();
        assertThat(next.stderr()).contains("interrupted backup of p/" + db);
        Leftovers.assertNone(rig, 0);
        assertThat(rig.history.readAll()).extracting(r -> r.status()).containsExactly(JobStatus.INTERRUPTED);
    }

    @Test
    void anotherProcessStartingUpLeavesARunningBackupAlone(TestServer server, @TempDir Path dir) throws Exception {
        String db = server.createDatabase();
        Fixtures.bigTable(server, db, 600_000);
        EngineRig rig = EngineRig.standard(dir, server);
        ConnectionProfile profile = rig.addProfile("p", db);
        BackupOptions slow = new BackupOptions(null, io.backupdesk.core.Compression.parse("9"), 0, null, null, null, null,
                null, false, null, null, null);
        CompletableFuture<BackupRecord> running = CompletableFuture.supplyAsync(() -> rig.backup(profile, slow));
        await().atMost(Duration.ofSeconds(60)).until(() -> !Fixtures.filesEndingWith(rig.backupRoot, ".partial").isEmpty());

        CliProcess.Outcome other = CliProcess.run(CliProcess.command(rig.configDir, rig.backupRoot, "list"));
        List<?> recoveredHere = rig.runs.recoverInterrupted();

        assertThat(other.exitCode()).isZero();
        assertThat(other.stderr()).doesNotContain("interrupted");
        assertThat(recoveredHere).isEmpty();
        BackupRecord record = running.get();
        assertThat(rig.catalog.require(record.id()).archive()).exists();
        assertThat(Sha256.ofFile(rig.catalog.require(record.id()).archive())).isEqualTo(record.sha256());
        Leftovers.assertNone(rig, 1);
        assertThat(rig.history.readAll()).extracting(r -> r.status()).containsExactly(JobStatus.OK);
    }
}
