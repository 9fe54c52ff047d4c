package io.backupdesk.pg;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The stderr lines are what pg_dump 15 really printed for each failure. */
class ToolErrorsTest {
    private static final String TARGET = "probe on 127.0.0.1:5432";

    private static BackupDeskException classify(String... stderr) {
        return ToolErrors.classify("pg_dump", new ProcessRunner.Result(1, List.of(stderr)), TARGET);
    }

    @Test
    void aRejectedPasswordIsAnAuthenticationError() {
        BackupDeskException e = classify("pg_dump: error: connection to server at \"127.0.0.1\", port 5432 failed: "
                + "FATAL:  password authentication failed for user \"backupdesk\"");

        assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
        assertThat(e.getMessage()).isEqualTo("pg_dump could not log in to " + TARGET + ": the password was rejected.");
        assertThat(e.hint()).contains("password stored with the connection profile").contains("pg_hba.conf");
        assertThat(ToolErrors.commandLineHintFor(e.kind())).get().asString().contains("--password-stdin");
    }

    @Test
    void aMissingPgHbaEntryIsAnAuthenticationErrorThatSaysSo() {
        BackupDeskException e = classify("pg_dump: error: connection to server at \"10.0.0.5\", port 5432 failed: FATAL:  "
                + "no pg_hba.conf entry for host \"10.0.0.9\", user \"backupdesk\", database \"probe\", no encryption");

        assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
        assertThat(e.getMessage()).endsWith("the server's pg_hba.conf does not admit this user from here.");
    }

    @Test
    void anUnknownHostNameIsAConnectionError() {
        BackupDeskException e = classify(
                "pg_dump: error: could not translate host name \"nohost\" to address: Name or service not known");

        assertThat(e.kind()).isEqualTo(ErrorKind.CONNECTION);
        assertThat(e.getMessage()).endsWith(": the host name is unknown.");
    }

    @Test
    void aMissingDatabaseIsNamedInTheMessage() {
        BackupDeskException e = classify("pg_dump: error: connection to server at \"127.0.0.1\", port 5432 failed: "
                + "FATAL:  database \"nosuchdb\" does not exist");

        assertThat(e.kind()).isEqualTo(ErrorKind.UNKNOWN_DATABASE);
        assertThat(e.getMessage()).isEqualTo("The database 'nosuchdb' does not exist on " + TARGET + ".");
    }

    @Test
    void aServerLostWhileTheDumpRanIsToldAsLostNotAsNeverReached() {
        BackupDeskException e = classify("pg_dump: error: Dumping the contents of table \"big\" failed: PQgetResult() failed.",
                "pg_dump: detail: Error message from server: server closed the connection unexpectedly",
                "\tThis probably means the server terminated abnormally");

        assertThat(e.kind()).isEqualTo(ErrorKind.CONNECTION);
        assertThat(e.getMessage()).contains("lost its connection").contains("while it ran").doesNotContain("could not connect");
    }

    @Test
    void aRefusedConnectionIsAConnectionError() {
        BackupDeskException e = classify(
                "pg_dump: error: connection to server at \"127.0.0.1\", port 1 failed: Connection refused",
                "\tIs the server running on that host and accepting TCP/IP connections?");

        assertThat(e.kind()).isEqualTo(ErrorKind.CONNECTION);
        assertThat(e.getMessage()).isEqualTo("pg_dump could not connect to " + TARGET
                + ": the connection was refused (is the server running on that port?).");
        assertThat(e.hint()).contains("listen_addresses");
    }

    @Test
    void noSpaceLeftOnDeviceIsADiskFullError() {
        BackupDeskException e = classify("pg_dump: error: could not write to output file: No space left on device");

        assertThat(e.kind()).isEqualTo(ErrorKind.DISK_FULL);
        assertThat(e.getMessage()).isEqualTo("Writing the backup failed: the disk is full.");
        assertThat(e.hint()).contains("earlier backups were not touched");
    }

    @Test
    void fileTooLargeCountsAsADiskFullErrorThatNamesTheSizeLimit() {
        BackupDeskException e = classify("pg_dump: error: could not write to output file: File too large");
        assertThat(e.kind()).isEqualTo(ErrorKind.DISK_FULL);
        assertThat(e.getMessage()).isEqualTo("Writing the backup failed: the file size limit was reached.");
    }

    @Test
    void noPasswordSuppliedMeansAPasswordIsRequired() {
        BackupDeskException e = classify("pg_dump: error: connection to server at \"127.0.0.1\", port 5432 failed: "
                + "fe_sendauth: no password supplied");

        assertThat(e.kind()).isEqualTo(ErrorKind.PASSWORD_REQUIRED);
        assertThat(e.getMessage()).contains("the server wants a password and none is stored");
    }

    @Test
    void aPermissionErrorNamesTheObject() {
        BackupDeskException e = classify("pg_dump: error: query failed: ERROR:  permission denied for table secret_stuff");

        assertThat(e.kind()).isEqualTo(ErrorKind.PERMISSION_DENIED);
        assertThat(e.getMessage()).isEqualTo("Permission denied on table secret_stuff while running pg_dump on " + TARGET + ".");
        assertThat(e.hint()).contains("exclude its table or schema");
        assertThat(ToolErrors.commandLineHintFor(e.kind())).get().asString().contains("--exclude-table");
    }

    @Test
    void aVersionMismatchQuotesBothVersionsFromTheDetailLine() {
        BackupDeskException e = classify(
                "pg_dump: error: aborting because of server version mismatch",
                "pg_dump: detail: server version: 16.1; pg_dump version: 15.18");

        assertThat(e.kind()).isEqualTo(ErrorKind.VERSION_MISMATCH);
        assertThat(e.getMessage()).isEqualTo("pg_dump is older than the server of " + TARGET
                + ". server version: 16.1, pg_dump version: 15.18.");
    }

    @Test
    void aLockTimeoutIsATimeout() {
        BackupDeskException e = classify("pg_dump: error: query failed: ERROR:  canceling statement due to lock timeout");

        assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(e.getMessage()).contains("gave up waiting for a lock on " + TARGET);
    }

    @Test
    void noMatchingTablesIsAUsageError() {
        BackupDeskException e = classify("pg_dump: error: no matching tables were found");

        assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
        assertThat(e.kind().isUsageError()).isTrue();
        assertThat(e.getMessage()).isEqualTo("pg_dump found nothing to do: no matching tables were found");
    }

    @Test
    void somethingUnknownKeepsTheToolsOwnWordsAndExitCode() {
        BackupDeskException e = ToolErrors.classify("pg_dump", new ProcessRunner.Result(3, List.of(
                "pg_dump: warning: something odd", "pg_dump: error: out of cheese")), TARGET);

        assertThat(e.kind()).isEqualTo(ErrorKind.TOOL_FAILED);
        assertThat(e.getMessage()).isEqualTo("pg_dump failed with exit code 3: out of cheese");
    }

    @Test
    void withoutOutputTheMessageSaysSo() {
        assertThat(ToolErrors.classify("pg_dump", new ProcessRunner.Result(1, List.of()), TARGET).getMessage())
                .endsWith("(no output)");
    }

    @Test
    void theStderrTailTravelsAlongAsDetails() {
        BackupDeskException e = classify("pg_dump: error: aborting because of server version mismatch",
                "pg_dump: detail: server version: 16.1; pg_dump version: 15.18");

        assertThat(e.details()).containsExactly("pg_dump: error: aborting because of server version mismatch",
                "pg_dump: detail: server version: 16.1; pg_dump version: 15.18");
    }

    @Test
    void everyKindHasAHint() {
        for (ErrorKind kind : ErrorKind.values()) {
            assertThat(ToolErrors.hintFor(kind)).as(kind.name()).isNotBlank();
        }
    }

    @Test
    void theHintOfEveryKindIsForEveryFrontAndNamesNoCommandLineOption() {
        for (ErrorKind kind : ErrorKind.values()) {
            // the desktop and the alert mails show these too, where no option can be typed
            assertThat(ToolErrors.hintFor(kind)).as(kind.name()).doesNotContain("--").doesNotContain("backupdesk ");
        }
        assertThat(ToolErrors.commandLineHintFor(ErrorKind.PASSWORD_REQUIRED)).get().asString().contains("--password-stdin");
        assertThat(ToolErrors.commandLineHintFor(ErrorKind.CONNECTION)).isEmpty();
    }
}
