package io.backupdesk.cli;

import io.backupdesk.testing.CliProcess;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A command stopped from outside, and one refused before it would use up the server: against the real server. */
@ExtendWith(PostgresServerExtension.class)
class CommandLineStopsIT {
    @Test
    void sigtermDuringABackupCancelsItSaysSoAndLeavesNothingThatLooksLikeABackup(TestServer server, @TempDir Path dir)
            throws Exception {
        String db = server.createDatabase();
        server.execute(db, "create table items as select generate_series(1, 10) as id");
        add(dir, server, "p", server.user(), server.password(), db);
        Path backups = dir.resolve("backups");
        Process process;
        try (Connection blocker = server.connect(db)) {
            // holds pg_dump at the table until the signal has come
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("lock table items in access exclusive mode");
            process = CliProcess.start(CliProcess.command(dir.resolve("config"), backups, "backup", "p"), dir);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partials(backups).isEmpty() && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(partials(backups)).as("the backup was under way").isNotEmpty();

            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            blocker.rollback();
        }
        String stderr = Files.readString(dir.resolve("stderr.txt"));

        assertThat(process.exitValue()).as(stderr).isEqualTo(143);
        assertThat(stderr).contains("error: ").containsIgnoringCase("cancelled").contains("SIGTERM");
        try (Stream<Path> left = Files.walk(backups)) {
            assertThat(left.filter(Files::isRegularFile)).as("files left in the backup folder").isEmpty();
        }
    }

    @Test
    void moreParallelJobsThanTheLoginMayConnectAreRefusedBeforePgDumpStarts(TestServer server, @TempDir Path dir) {
        String role = server.createRole("jobs-pw");
        String db = server.createDatabase();
        server.execute(db, "create table items as select 1 as id; grant select on items to " + role
                + "; alter role " + role + " connection limit 3");
        add(dir, server, "p", role, "jobs-pw", db);

        StringWriter err = new StringWriter();
        int code = cli(dir, err, "backup", "p", "--format", "directory", "--jobs", "4");
        StringWriter fits = new StringWriter();
        int fitting = cli(dir, fits, "backup", "p", "--format", "directory", "--jobs", "1", "--no-verify");

        assertThat(code).as(err.toString()).isEqualTo(2);
        assertThat(err.toString()).contains("4 parallel jobs need 5 connections").contains("only 2 are free")
                .contains("hint: Use fewer jobs (--jobs 1 or less)");
        assertThat(fitting).as(fits.toString()).isZero();
    }

    private static List<Path> partials(Path backups) throws Exception {
        if (!Files.isDirectory(backups)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(backups)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".partial")).toList();
        }
    }

    private static void add(Path dir, TestServer server, String name, String user, String password, String db) {
        String url = "postgresql://" + user + "@" + server.host() + ":" + server.port() + "/" + db;
        StringWriter err = new StringWriter();
        assertThat(withInput(dir, err, password + "\n", "profiles", "add", name, "--url", url, "--password-stdin"))
                .as(err.toString()).isZero();
    }

    private static int cli(Path dir, StringWriter err, String... args) {
        return withInput(dir, err, "", args);
    }

    private static int withInput(Path dir, StringWriter err, String stdin, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("--config-dir", dir.resolve("config").toString(),
                "--backup-root", dir.resolve("backups").toString()));
        all.addAll(List.of(args));
        return BackupDeskCli.execute(all.toArray(String[]::new),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(new StringWriter()),
                new PrintWriter(err));
    }
}
