package io.backupdesk.cli;

import io.backupdesk.engine.AppPaths;
import io.backupdesk.engine.Engine;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.pg.ClientTool;
import io.backupdesk.pg.Credentials;
import io.backupdesk.testing.PgTools;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each profile's password is its own: the real client programs, reading the pgpass file a run hands them, log in with
 * the right profile's password and with nobody else's.
 */
@ExtendWith(PostgresServerExtension.class)
class ProfilePasswordsIT {
    private record Run(int code, String out, String err) { }

    @Test
    void aProfileStillBacksUpAfterAnotherWithTheSameLoginWasAddedWithAWrongPassword(TestServer server, @TempDir Path dir) {
        String role = server.createRole("right-pw");
        String db = server.createDatabase();
        server.execute(db, "create table items as select generate_series(1, 3) as id; grant select on items to " + role);
        String url = "postgresql://" + role + "@" + server.host() + ":" + server.port() + "/" + db;

        assertThat(cli(dir, "right-pw\n", "profiles", "add", "a", "--url", url, "--password-stdin").code()).isZero();
        assertThat(cli(dir, "wrong-pw\n", "profiles", "add", "b", "--url", url, "--password-stdin").code()).isZero();
        Run a = cli(dir, "", "backup", "a", "--no-verify");
        Run b = cli(dir, "", "backup", "b", "--no-verify");
        Run listed = cli(dir, "", "profiles", "list");

        assertThat(a.code()).as(a.err()).isZero();
        assertThat(b.code()).isEqualTo(1);
        assertThat(b.err()).contains("password");
        assertThat(listed.out()).containsPattern("a\\s.*stored").containsPattern("b\\s.*stored");
    }

    @Test
    void libpqReadsTheRightPasswordForEachProfileAndNoneForAnotherLogin(TestServer server, @TempDir Path dir)
            throws Exception {
        String role = server.createRole("right-pw");
        String other = server.createRole("other-pw");
        String url = "postgresql://" + role + "@" + server.host() + ":" + server.port() + "/postgres";
        cli(dir, "right-pw\n", "profiles", "add", "a", "--url", url, "--password-stdin");
        cli(dir, "wrong-pw\n", "profiles", "add", "b", "--url", url, "--password-stdin");

        Path aFile = passFileOf(dir, "a");
        Path bFile = passFileOf(dir, "b");

        assertThat(psql(server, role, aFile)).startsWith("ok").contains(role);
        assertThat(psql(server, role, bFile)).contains("password authentication failed");
        assertThat(psql(server, other, aFile)).as("a's password is not offered for another login")
                .contains("no password supplied");
        assertThat(Files.readString(aFile)).doesNotContain("wrong-pw");
    }

    @Test
    void aStarForHostOrUserInTheUrlIsALiteralNameNotAWildcardThatLogsInAnywhere(TestServer server, @TempDir Path dir)
            throws Exception {
        String role = server.createRole("star-pw");
        String anyHost = "postgresql://" + role + "@*:" + server.port() + "/postgres";
        String anyUser = "postgresql://*@" + server.host() + ":" + server.port() + "/postgres";
        assertThat(cli(dir, "star-pw\n", "profiles", "add", "host", "--url", anyHost, "--password-stdin").code()).isZero();
        assertThat(cli(dir, "star-pw\n", "profiles", "add", "user", "--url", anyUser, "--password-stdin").code()).isZero();

        assertThat(psql(server, role, passFileOf(dir, "host"))).contains("no password supplied");
        assertThat(psql(server, role, passFileOf(dir, "user"))).contains("no password supplied");
    }

    @Test
    void removingAProfileForgetsItsPasswordAndLeavesTheOthers(TestServer server, @TempDir Path dir) throws Exception {
        String role = server.createRole("right-pw");
        String url = "postgresql://" + role + "@" + server.host() + ":" + server.port() + "/postgres";
        cli(dir, "right-pw\n", "profiles", "add", "a", "--url", url, "--password-stdin");
        cli(dir, "right-pw\n", "profiles", "add", "b", "--url", url, "--password-stdin");

        assertThat(cli(dir, "", "profiles", "remove", "b").code()).isZero();

        assertThat(psql(server, role, passFileOf(dir, "a"))).startsWith("ok");
        cli(dir, "", "profiles", "add", "b", "--url", url);
        assertThat(cli(dir, "", "profiles", "list").out()).containsPattern("b\\s.*not stored");
    }

    @Test
    void aPasswordInTheSharedFileOfAnEarlierVersionStillLogsItsProfileIn(TestServer server, @TempDir Path dir)
            throws Exception {
        String role = server.createRole("old-pw");
        String db = server.createDatabase();
        server.execute(db, "create table items as select 1 as id; grant select on items to " + role);
        String url = "postgresql://" + role + "@" + server.host() + ":" + server.port() + "/" + db;
        cli(dir, "", "profiles", "add", "old", "--url", url);
        Files.writeString(dir.resolve("config/pgpass"), server.host() + ":" + server.port() + ":*:" + role + ":old-pw\n");

        Run backup = cli(dir, "", "backup", "old", "--no-verify");

        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(dir.resolve("config/pgpass")).as("nothing else was in it").doesNotExist();
        assertThat(psql(server, role, passFileOf(dir, "old"))).startsWith("ok");
    }

    /** The pgpass file the engine hands the client programs for a run of this profile. */
    private static Path passFileOf(Path dir, String profile) {
        Engine engine = new Engine(AppPaths.forCurrentUser(dir.resolve("config")), dir.resolve("backups"), w -> { });
        ConnectionProfile p = engine.profiles().require(profile);
        Credentials.PassFile file = engine.credentials().passFileFor(p, Optional.empty(), "test-" + profile);
        assertThat(file.path()).as("a pgpass file for " + profile).isNotNull();
        return file.path();
    }

    /** psql as this login with only this pgpass file to read: "ok <user>", or libpq's complaint. */
    private static String psql(TestServer server, String user, Path passFile) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(PgTools.tool(ClientTool.PSQL).toString(), "--no-password",
                "--tuples-only", "--no-align", "-c", "select 'ok ' || current_user").redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.remove("PGPASSWORD");
        env.put("PGPASSFILE", passFile.toString());
        env.put("PGHOST", server.host());
        env.put("PGPORT", String.valueOf(server.port()));
        env.put("PGUSER", user);
        env.put("PGDATABASE", "postgres");
        env.put("LC_MESSAGES", "C");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    private static Run cli(Path dir, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new java.util.ArrayList<>(List.of("--config-dir", dir.resolve("config").toString(),
                "--backup-root", dir.resolve("backups").toString()));
        all.addAll(List.of(args));
        int code = BackupDeskCli.execute(all.toArray(String[]::new),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }
}
