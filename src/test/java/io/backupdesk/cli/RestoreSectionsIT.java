package io.backupdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupdesk.store.Json;
import io.backupdesk.testing.Cli;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sections and data-only reach the real pg_restore in the modes where they make sense (decision 0047), and what makes
 * none is refused before anything changes. The fixture's child table sorts before the table it refers to, so rows
 * loaded in the archive's order into tables that keep their keys would fail.
 */
@ExtendWith(PostgresServerExtension.class)
class RestoreSectionsIT {
    static final String FIXTURE = "create table public.achild (id int primary key, p int not null);"
            + " create table public.zparent (id int primary key, v text);"
            + " insert into public.zparent select g, 'p' || g from generate_series(1, 200) g;"
            + " insert into public.achild select g, 1 + g % 200 from generate_series(1, 1000) g;"
            + " alter table public.achild add constraint achild_p_fkey foreign key (p) references public.zparent (id);"
            + " create index zparent_v on public.zparent (v);"
            + " create schema \"we.ird \"\"s\"\" ü\"; comment on schema \"we.ird \"\"s\"\" ü\" is 'odd';"
            + " create table \"we.ird \"\"s\"\" ü\".t (id int primary key, note text);"
            + " insert into \"we.ird \"\"s\"\" ü\".t select g, 'n' || g from generate_series(1, 50) g;";

    @TempDir
    Path dir;
    private TestServer server;
    private String db;
    private String backupId;

    @BeforeEach
    void backedUp(TestServer server) throws Exception {
        this.server = server;
        db = server.createDatabase();
        server.execute(db, FIXTURE);
        cli().addProfile(server, "prod", db);
        Cli.Run made = cli().run("backup", "prod", "--json");
        assertThat(made.code()).as(made.err()).isZero();
        backupId = Json.mapper().readTree(made.out()).get("id").asText();
    }

    @Test
    void preDataAndDataMakeTablesWithTheirRowsAndNoIndexes() throws Exception {
        String copy = server.reserveName();

        Cli.Run run = cli().run("restore", backupId, "--target", "prod", "--database", copy, "--mode", "new-database",
                "--section", "pre-data", "--section", "data", "--yes", "--json");

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(Json.mapper().readTree(run.out()).get("outcome").asText()).isEqualTo("complete");
        assertThat(PgTools.rowCounts(server, copy)).isEqualTo(PgTools.rowCounts(server, db));
        assertThat(count(copy, "select count(*) from pg_indexes where schemaname not in ('pg_catalog')")).isZero();
        assertThat(count(copy, "select count(*) from pg_constraint where contype = 'f'")).isZero();
    }

    @Test
    void rowsGoInPlaceIntoTheTablesThatAreThereReplacingTheirsInTheOrderOfTheirKeys() throws Exception {
        String copy = server.reserveName();
        Cli.Run schema = cli().run("restore", backupId, "--target", "prod", "--database", copy, "--mode",
                "new-database", "--schema-only", "--yes");
        assertThat(schema.code()).as(schema.out() + schema.err()).isZero();
        // rows of its own, which the restore replaces: the table is emptied first, not appended to
        server.execute(copy, "insert into public.zparent values (9999, 'made since')");
        String schemaBefore = PgTools.schema(server, copy);

        Cli.Run rows = cli().run("restore", backupId, "--target", "prod", "--database", copy, "--mode", "in-place",
                "--data-only", "--yes", "--json");
        Cli.Run again = cli().run("restore", backupId, "--target", "prod", "--database", copy, "--mode", "in-place",
                "--data-only", "--yes", "--json");

        assertThat(rows.code()).as(rows.out() + rows.err()).isZero();
        JsonNode report = Json.mapper().readTree(rows.out());
        assertThat(report.get("outcome").asText()).isEqualTo("complete");
        assertThat(report.get("summary").asText()).contains("rows of the tables restored were replaced");
        assertThat(again.code()).as(again.out() + again.err()).isZero();
        assertThat(PgTools.rowCounts(server, copy)).isEqualTo(PgTools.rowCounts(server, db));
        assertThat(PgTools.schema(server, copy)).isEqualTo(schemaBefore);
    }

    @Test
    void rowsIntoANewDatabaseAreRefusedAndNothingIsCreated() throws Exception {
        String copy = server.reserveName();

        Cli.Run run = cli().run("restore", backupId, "--target", "prod", "--database", copy, "--mode", "new-database",
                "--data-only", "--yes");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("A new database has no tables").contains("--section pre-data");
        assertThat(count("postgres", "select count(*) from pg_database where datname = '" + copy + "'")).isZero();
    }

    @Test
    void aSafeReplaceWithOnlySomeSectionsIsRefusedAndTheDatabaseIsUntouched() throws Exception {
        Map<String, Long> before = PgTools.rowCounts(server, db);

        Cli.Run run = cli().run("restore", backupId, "--target", "prod", "--section", "post-data", "--yes");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("safe replace swaps the whole database").contains("--mode in-place");
        assertThat(PgTools.rowCounts(server, db)).isEqualTo(before);
    }

    @Test
    void rowsInPlaceAreRefusedBeforeAnythingChangesWhenATableThatStaysRefersToThem() throws Exception {
        server.execute(db, "create table public.notes (id int primary key, parent int references public.zparent (id));"
                + " insert into public.notes values (1, 5)");
        server.execute(db, "delete from public.achild where id > 10");
        Map<String, Long> before = PgTools.rowCounts(server, db);

        Cli.Run run = cli().run("restore", backupId, "--target", "prod", "--mode", "in-place", "--data-only", "--yes");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("nothing was changed").contains("\"public\".\"notes\" refers to \"public\".\"zparent\"");
        assertThat(PgTools.rowCounts(server, db)).isEqualTo(before);
        assertThat(cli().run("list", "--json").out()).doesNotContain("before-restore");
    }

    @Test
    void rowsInPlaceNeedNoRightToCreateDatabasesAndThePreflightSaysWhatStays() {
        String owner = server.createRole("pw-owner");
        server.execute("postgres", "alter database " + db + " owner to " + owner);
        String url = "postgresql://" + owner + "@" + server.host() + ":" + server.port() + "/" + db;
        assertThat(cli().withInput("pw-owner\n", "profiles", "add", "owner", "--url", url, "--password-stdin").code())
                .isZero();

        Cli.Run rows = cli().run("restore", backupId, "--target", "owner", "--mode", "in-place", "--data-only",
                "--preflight");
        Cli.Run whole = cli().run("restore", backupId, "--target", "owner", "--mode", "in-place", "--preflight");

        assertThat(rows.out()).containsPattern("OK +privileges").contains("the rows of the tables restored replaced")
                .containsPattern("OK +tables +The rows of 3 tables");
        assertThat(whole.out()).as("a whole restore in place makes the database again").containsPattern(
                "BLOCK +privileges +The role " + owner + " may not create databases");
    }

    @Test
    void postDataInPlaceMakesTheIndexesAndKeysAgainAndLeavesTheRows() throws Exception {
        server.execute(db, "alter table public.achild drop constraint achild_p_fkey; drop index public.zparent_v;"
                + " insert into public.zparent values (9999, 'made since')");
        Map<String, Long> before = PgTools.rowCounts(server, db);

        Cli.Run run = cli().run("restore", backupId, "--target", "prod", "--mode", "in-place", "--section", "post-data",
                "--terminate-sessions", "--yes", "--json");

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(Json.mapper().readTree(run.out()).get("summary").asText()).contains("no rows were restored");
        assertThat(PgTools.rowCounts(server, db)).isEqualTo(before);
        assertThat(count(db, "select count(*) from pg_indexes where indexname = 'zparent_v'")).isEqualTo(1);
        assertThat(count(db, "select count(*) from pg_constraint where conname = 'achild_p_fkey'")).isEqualTo(1);
    }

    private long count(String database, String sql) throws SQLException {
        try (Connection c = server.connect(database); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Cli cli() {
        return new Cli(dir.resolve("config"), dir.resolve("backups"));
    }
}
