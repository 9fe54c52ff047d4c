package io.backupdesk.backup;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.JobStatus;
import io.backupdesk.testing.CliProcess;
import io.backupdesk.testing.EngineRig;
import io.backupdesk.testing.Fixtures;
import io.backupdesk.testing.Leftovers;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup folder that stops taking bytes. The CLI runs in its own JVM under a file size limit, so the kernel
 * refuses writes past it, to pg_dump (custom) and to our own gzip writer (plain) alike, as a full disk would.
 */
@ExtendWith(PostgresServerExtension.class)
class WriteFailureIT {
    private static final int LIMIT_KB = 1024;

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = BackupFormat.class, names = {"CUSTOM", "PLAIN"})
    void aWriteFailureFailsTheRunAndKeepsEarlierBackups(BackupFormat format, TestServer server, @TempDir Path dir) throws Exception {
        String db = server.createDatabase();
        EngineRig rig = EngineRig.standard(dir, server);
        ConnectionProfile profile = rig.addProfile("p", db);
        server.execute(db, "create table small as select generate_series(1, 10) as id");
        BackupRecord earlier = rig.backup(profile, BackupOptions.defaults());
        Fixtures.bigTable(server, db, 200_000);

        CliProcess.Outcome outcome = CliProcess.run(CliProcess.withFileSizeLimit(LIMIT_KB,
                CliProcess.command(rig.configDir, rig.backupRoot, "backup", "p", "--format", format.cliName())));

        assertThat(outcome.exitCode()).as(outcome.stderr()).isEqualTo(1);
        assertThat(outcome.stderr()).contains("error: Writing the backup failed: the file size limit was reached.")
                .contains("hint: Free space");
        assertThat(Sha256.ofFile(rig.catalog.require(earlier.id()).archive())).isEqualTo(earlier.sha256());
        Leftovers.assertNone(rig, 1);
        var last = ConnectionFailuresIT.lastRun(rig);
        assertThat(last.status()).isEqualTo(JobStatus.FAILED);
        assertThat(last.errorKind()).isEqualTo(ErrorKind.DISK_FULL);
    }
}
