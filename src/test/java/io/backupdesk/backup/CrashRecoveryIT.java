package io.backupdesk.backup;

import io.backupdesk.core.BackupFormat;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A killed app leaves partial files, and in the directory format a pg_dump that goes on without it; the next start
 * stops that pg_dump, removes the files and records the run, but never touches a live run's.
 */
@ExtendWith(PostgresServerExtension.class)
class CrashRecoveryIT {

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = BackupFormat.class, names = {"PLAIN", "DIRECTORY"})
    void theNextStartCleansUpAfterAKilledBackup(BackupFormat format, TestServer server, @TempDir Path dir) throws Exception {
        Fixtures.BigTableSetup setup = Fixtures.bigTableSetup(server, dir, 600_000);
        EngineRig rig = setup.rig();
        String db = setup.database();
        Process cli = CliProcess.start(CliProcess.command(rig.configDir, rig.backupRoot, "backup", "p",
                "--format", format.cliName(), "--compress", "9"), dir);
        // killed only once the run has noted pg_dump in its marker, a few milliseconds after starting it
        await().atMost(Duration.ofSeconds(60)).until(() -> !pgDumps(cli).isEmpty() && markerNamesAProcess(rig));
        List<ProcessHandle> dumps = pgDumps(cli);

        cli.destroyForcibly().waitFor();
        assertThat(Fixtures.filesEndingWith(rig.backupRoot, ".partial")).hasSize(1);
        CliProcess.Outcome next = CliProcess.run(CliProcess.command(rig.configDir, rig.backupRoot, "list"));

        assertThat(next.exitCode()).as(next.stderr()).isZero();
        assertThat(next.stderr()).contains("interrupted backup of p/" + db);
        assertThat(dumps).as("stopped by the next start, not finished on their own").noneMatch(ProcessHandle::isAlive);
        Leftovers.assertNone(rig, 0);
        assertThat(rig.history.readAll()).extracting(r -> r.status()).containsExactly(JobStatus.INTERRUPTED);
    }

    @Test
    void aPoliteKillCancelsTheRunWhichCleansUpBeforeTheAppExits(TestServer server, @TempDir Path dir) throws Exception {
        Fixtures.BigTableSetup setup = Fixtures.bigTableSetup(server, dir, 600_000);
        EngineRig rig = setup.rig();
        Process cli = CliProcess.start(CliProcess.command(rig.configDir, rig.backupRoot, "backup", "p", "--compress", "9"), dir);
        await().atMost(Duration.ofSeconds(60)).until(() -> !pgDumps(cli).isEmpty());
        List<ProcessHandle> dumps = pgDumps(cli);

        cli.destroy();

        assertThat(cli.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(dumps).noneMatch(ProcessHandle::isAlive);
        Leftovers.assertNone(rig, 0);
        assertThat(rig.history.readAll()).extracting(r -> r.status()).containsExactly(JobStatus.CANCELLED);
    }

    @Test
    void startingUpBesideARunningBackupLeavesItAlone(TestServer server, @TempDir Path dir) throws Exception {
        Fixtures.BigTableSetup setup = Fixtures.bigTableSetup(server, dir, 600_000);
        EngineRig rig = setup.rig();
        ConnectionProfile profile = setup.profile();
        BackupOptions slow = BackupOptions.builder().compression(io.backupdesk.core.Compression.parse("9")).build();
        CompletableFuture<BackupRecord> running = CompletableFuture.supplyAsync(() -> rig.backup(profile, slow));
        await().atMost(Duration.ofSeconds(60)).until(() -> !Fixtures.filesEndingWith(rig.backupRoot, ".partial").isEmpty());

        List<?> recoveredHere = rig.runs.recoverInterrupted();
        CliProcess.Outcome other = CliProcess.run(CliProcess.command(rig.configDir, rig.backupRoot, "list"));

        assertThat(recoveredHere).isEmpty();
        assertThat(other.exitCode()).isZero();
        assertThat(other.stderr()).as("another process must still see the run's lock").doesNotContain("interrupted");
        BackupRecord record = running.get();
        assertThat(Sha256.ofFile(rig.catalog.require(record.id()).archive())).isEqualTo(record.sha256());
        Leftovers.assertNone(rig, 1);
        assertThat(rig.history.readAll()).extracting(r -> r.status()).containsExactly(JobStatus.OK);
    }

    private static boolean markerNamesAProcess(EngineRig rig) throws java.io.IOException {
        for (Path marker : Fixtures.filesEndingWith(rig.configDir.resolve("runs"), ".json")) {
            if (java.nio.file.Files.readString(marker).contains("\"pid\"")) {
                return true;
            }
        }
        return false;
    }

    /** The pg_dump processes (workers included) below the CLI's JVM. */
    private static List<ProcessHandle> pgDumps(Process cli) {
        return cli.descendants().filter(p -> p.info().command().orElse("").endsWith("pg_dump")).toList();
    }
}
