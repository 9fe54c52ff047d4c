package io.backupdesk.backup;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.pg.ToolDiscovery;
import io.backupdesk.testing.EngineRig;
import io.backupdesk.testing.Leftovers;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Missing or too old client programs are refused before anything runs. No server here is newer than the installed
 * pg_dump, so an old pg_dump is a script that reports an old version: exactly the error path a real server cannot
 * produce on this machine.
 */
@ExtendWith(PostgresServerExtension.class)
class ClientToolFailuresIT {

    @Test
    void aMissingPgDumpIsReportedWithHowToInstallIt(TestServer server, @TempDir Path dir) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-tools"));
        EngineRig rig = new EngineRig(dir, server, ToolDiscovery.inFolders(List.of(empty)));
        ConnectionProfile profile = rig.addProfile("p", server.createDatabase());

        BackupDeskException failure = ConnectionFailuresIT.backupFails(rig, profile);

        assertThat(failure.kind()).isEqualTo(ErrorKind.TOOL_MISSING);
        assertThat(failure.getMessage()).contains("pg_dump was not found");
        assertThat(failure.hint()).containsAnyOf("apt-get install postgresql-client-", "dnf install", "brew install", "download");
        Leftovers.assertNone(rig, 0);
    }

    @Test
    void aPgDumpOlderThanTheServerIsRefusedBeforeItRuns(TestServer server, @TempDir Path dir) throws Exception {
        Path oldTools = Files.createDirectories(dir.resolve("pg12"));
        Path ranMarker = oldTools.resolve("ran");
        Path script = oldTools.resolve("pg_dump");
        Files.writeString(script, "#!/bin/sh\n"
                + "if [ \"$1\" = \"--version\" ]; then echo 'pg_dump (PostgreSQL) 12.22'; exit 0; fi\n"
                + "touch '" + ranMarker + "'\nexit 1\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        EngineRig rig = new EngineRig(dir, server, ToolDiscovery.inFolders(List.of(oldTools)));
        ConnectionProfile profile = rig.addProfile("p", server.createDatabase());

        BackupDeskException failure = ConnectionFailuresIT.backupFails(rig, profile);

        assertThat(failure.kind()).isEqualTo(ErrorKind.VERSION_MISMATCH);
        String serverMajor = failure.getMessage().replaceAll(".*runs PostgreSQL (\\d+).*", "$1");
        assertThat(failure.getMessage()).contains("12.22").contains("must be version " + serverMajor + " or newer");
        assertThat(failure.hint()).contains(serverMajor);
        assertThat(ranMarker).doesNotExist();
        Leftovers.assertNone(rig, 0);
    }
}
