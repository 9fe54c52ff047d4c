package io.backupdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupdesk.pg.ClientTool;
import io.backupdesk.store.Json;
import io.backupdesk.testing.Cli;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * --exclude-schema leaves a schema out by its exact name, odd as it may be; --create makes the database as the backup
 * made it; the shown pg_restore command, run by hand, restores what the restore itself does.
 */
@ExtendWith(PostgresServerExtension.class)
class RestoreCreateAndSchemasIT {
    private static final String ODD = "we.ird \"s\" ü";

    @TempDir
    Path dir;
    private TestServer server;
    private String db;

    @BeforeEach
    void source(TestServer server) {
        this.server = server;
        // a collation other than the server's default, which only --create brings back
        db = server.reserveName();
        server.execute("postgres", "create database " + db + " template template0 encoding 'UTF8' lc_collate 'C'"
                + " lc_ctype 'C'");
        server.execute(db, RestoreSectionsIT.FIXTURE);
        server.execute(db, "comment on database " + db + " is 'the shop'; alter database " + db + " set work_mem = '3MB'");
        cli().addProfile(server, "prod", db);
    }

    @Test
    void aSchemaWithAnOddNameIsLeftOutWithItsCommentAndEverythingElseComesBack() throws Exception {
        String id = backUp();
        String copy = server.reserveName();

        Cli.Run run = cli().run("restore", id, "--target", "prod", "--database", copy, "--mode", "new-database",
                "--exclude-schema", ODD, "--yes", "--json");

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        JsonNode report = Json.mapper().readTree(run.out());
        assertThat(report.get("outcome").asText()).isEqualTo("complete");
        assertThat(report.get("tables").toString()).doesNotContain("we.ird");
        assertThat(count(copy, "select count(*) from pg_namespace where nspname = '" + ODD.replace("'", "''") + "'")).isZero();
        Map<String, Long> expected = PgTools.rowCounts(server, db);
        expected.remove(ODD + ".t");
        assertThat(PgTools.rowCounts(server, copy)).isEqualTo(expected);
    }

    @Test
    void inPlaceTheSchemaLeftOutStaysAsItIsWhileTheRestIsRestored() throws Exception {
        String id = backUp();
        Map<String, Long> before = PgTools.rowCounts(server, db);
        server.execute(db, "update \"we.ird \"\"s\"\" ü\".t set note = 'changed since'; delete from public.achild where id > 10");

        Cli.Run run = cli().run("restore", id, "--target", "prod", "--mode", "in-place", "--exclude-schema", ODD,
                "--terminate-sessions", "--yes", "--json");

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(PgTools.rowCounts(server, db)).isEqualTo(before);
        assertThat(count(db, "select count(*) from \"we.ird \"\"s\"\" ü\".t where note = 'changed since'")).isEqualTo(50);
    }

    @Test
    void aSchemaNameThatIsNotInTheBackupIsSaidByThePreflight() {
        String id = backUp();

        Cli.Run run = cli().run("restore", id, "--target", "prod", "--database", server.reserveName(), "--mode",
                "new-database", "--exclude-schema", "WE.IRD \"S\" Ü", "--preflight");

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("holds no schema named WE.IRD \"S\" Ü").contains(ODD);
    }

    @Test
    void createBringsTheDatabaseBackUnderItsNameWithItsCollationCommentAndSettings() throws Exception {
        String id = backUp();
        Map<String, Long> before = PgTools.rowCounts(server, db);
        server.execute("postgres", "drop database " + db + " with (force)");

        Cli.Run run = cli().run("restore", id, "--target", "prod", "--create", "--yes", "--json");

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(Json.mapper().readTree(run.out()).get("summary").asText()).contains("created as the backup made it");
        assertThat(PgTools.rowCounts(server, db)).isEqualTo(before);
        assertThat(text("select datcollate || '/' || datctype from pg_database where datname = '" + db + "'"))
                .isEqualTo("C/C");
        assertThat(text("select shobj_description(oid, 'pg_database') from pg_database where datname = '" + db + "'"))
                .isEqualTo("the shop");
        assertThat(text("select array_to_string(setconfig, ',') from pg_db_role_setting s join pg_database d"
                + " on d.oid = s.setdatabase where d.datname = '" + db + "' and s.setrole = 0")).isEqualTo("work_mem=3MB");
    }

    @Test
    void withoutCreateANewDatabaseHasTheServersDefaultsAndCreateRefusesToReplace() throws Exception {
        String id = backUp();
        String copy = server.reserveName();

        Cli.Run plain = cli().run("restore", id, "--target", "prod", "--database", copy, "--mode", "new-database", "--yes");
        Cli.Run replace = cli().run("restore", id, "--target", "prod", "--create", "--mode", "safe-replace", "--yes");

        assertThat(plain.code()).as(plain.out() + plain.err()).isZero();
        assertThat(text("select datcollate from pg_database where datname = '" + copy + "'")).isNotEqualTo("C");
        assertThat(text("select shobj_description(oid, 'pg_database') from pg_database where datname = '" + copy + "'"))
                .isNull();
        assertThat(replace.code()).isEqualTo(2);
        assertThat(replace.err()).contains("--create").contains("keeps those of " + db);
    }

    @Test
    void theShownCommandRunByHandRestoresWhatTheRestoreDoes() throws Exception {
        String id = backUp();
        String ours = server.reserveName();
        String byHand = server.reserveName();
        String[] options = {"--mode", "new-database", "--section", "pre-data", "--section", "data", "--no-owner"};

        Cli.Run shown = cli().run(concat(new String[] {"restore", id, "--target", "prod", "--database", byHand,
                "--print-command"}, options));
        Cli.Run restored = cli().run(concat(new String[] {"restore", id, "--target", "prod", "--database", ours, "--yes"},
                options));

        assertThat(shown.code()).as(shown.err()).isZero();
        assertThat(shown.out()).doesNotContain(server.password()).contains("# The database " + byHand + " is created");
        assertThat(restored.code()).as(restored.out() + restored.err()).isZero();
        server.execute("postgres", "create database " + byHand);
        ProcessBuilder shell = new ProcessBuilder("sh", "-c", "PATH=" + PgTools.tool(ClientTool.PG_RESTORE).getParent()
                + ":$PATH; " + shown.out()).redirectErrorStream(true);
        shell.environment().put("PGPASSWORD", server.password());
        Process process = shell.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        assertThat(PgTools.schema(server, byHand).replace(byHand, "DB")).isEqualTo(PgTools.schema(server, ours).replace(ours, "DB"));
        assertThat(PgTools.rowCounts(server, byHand)).isEqualTo(PgTools.rowCounts(server, ours));
    }

    private String backUp() {
        Cli.Run made = cli().run("backup", "prod", "--json");
        assertThat(made.code()).as(made.err()).isZero();
        try {
            return Json.mapper().readTree(made.out()).get("id").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private long count(String database, String sql) throws SQLException {
        return Long.parseLong(query(database, sql));
    }

    private String text(String sql) throws SQLException {
        return query("postgres", sql);
    }

    private String query(String database, String sql) throws SQLException {
        try (Connection c = server.connect(database); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private Cli cli() {
        return new Cli(dir.resolve("config"), dir.resolve("backups"));
    }
}
