package io.backupdesk.cli;

import io.backupdesk.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input on the command line is a usage error (exit 2) with a clear message, found before anything connects:
 * the profile points at a host that does not exist, so reaching the server would fail differently.
 */
class CommandLineInputTest {
    private static final String URL = "postgresql://u@no-such-host.invalid:5432/db";

    @TempDir
    Path config;

    private String out;
    private String err;

    private int run(String... args) {
        Cli.Run run = new Cli(config).run(args);
        out = run.out();
        err = run.err();
        return run.code();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "65", "100000"})
    void jobsOutsideOneToSixtyFourAreRefusedBeforeConnecting(String jobs) {
        run("profiles", "add", "p", "--url", URL);

        assertThat(run("backup", "p", "--format", "directory", "--jobs", jobs)).as(err).isEqualTo(2);
        assertThat(err).contains("error: " + jobs + " parallel jobs are out of range").contains("1 to 64")
                .contains("hint: ").contains("e.g. --jobs 4.");
    }

    @Test
    void restoreJobsAreCheckedTheSameWay() {
        assertThat(run("restore", "some-id", "--target", "p", "--jobs", "0")).as(err).isEqualTo(2);
        assertThat(err).contains("error: 0 parallel jobs are out of range").contains("e.g. --jobs 4.");
    }

    @Test
    void aTimeoutBeyondAnyUseIsAUsageErrorNotAnUnexpectedFailure() {
        run("profiles", "add", "p", "--url", URL);

        assertThat(run("backup", "p", "--timeout", "99999999999999h")).isEqualTo(2);
        assertThat(err).contains("error: '99999999999999h' is longer than").doesNotContain("unexpected");
    }

    @Test
    void aUrlWithABrokenPercentEscapeIsAUsageErrorThatDoesNotEchoTheUrl() {
        assertThat(run("profiles", "add", "q", "--url", "postgresql://u:secret@h:5432/d%ZZ")).isEqualTo(2);
        assertThat(err).contains("error: The URI has a '%' that is not followed by two hex digits")
                .doesNotContain("secret").doesNotContain("unexpected");
    }

    @Test
    void aLabelTooLongForAFileNameIsRefusedBeforeConnecting() {
        run("profiles", "add", "p", "--url", URL);

        assertThat(run("backup", "p", "--label", "x".repeat(300))).isEqualTo(2);
        assertThat(err).contains("error: The label is 300 characters long").contains("hint: ");
        assertThat(run("backup", "p", "--label", "line\nbreak")).isEqualTo(2);
        assertThat(err).contains("control character");
    }

    @ParameterizedTest
    @ValueSource(strings = {"backup --help", "backup p --help", "profiles add --help", "profiles --help",
            "schedule run-due --help", "restore -h", "list --help"})
    void helpOnEveryCommandPrintsItsUsageAndSucceeds(String line) {
        assertThat(run(line.split(" "))).as(err).isZero();
        assertThat(out).contains("Usage: backupdesk " + line.replace(" p ", " ").replace(" --help", "").replace(" -h", ""));
        assertThat(err).isEmpty();
    }

    @Test
    void aMistypedCommandIsAnErrorWithAHintLikeEveryOther() {
        assertThat(run("bakup", "prod")).isEqualTo(2);
        assertThat(err.lines().toList()).first().asString().startsWith("error: Unknown command 'bakup'");
        assertThat(err).contains("hint: Did you mean").contains("backup");
    }

    @Test
    void theLogFileIsReadableByItsOwnerOnly() throws IOException {
        assertThat(run("profiles", "list")).isZero();
        // the file is made when logging starts, which a list of profiles does not need
        LoggerFactory.getLogger(CommandLineInputTest.class).info("a line for the log");

        Path log = config.resolve("logs/backupdesk.log");
        assertThat(log).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
    }

    @Test
    void anUnexpectedFailureIsLoggedWithItsStackTrace() throws IOException {
        StringWriter text = new StringWriter();
        IllegalStateException bug = new IllegalStateException("a bug for the log");

        int code = BackupDeskCli.report(bug, new PrintWriter(text, true), config);

        assertThat(code).isEqualTo(1);
        assertThat(text.toString()).contains("error: an unexpected failure happened").contains("hint:");
        assertThat(Files.readString(config.resolve("logs/backupdesk.log"))).contains("a bug for the log")
                .contains("at io.backupdesk.cli.CommandLineInputTest");
    }
}
