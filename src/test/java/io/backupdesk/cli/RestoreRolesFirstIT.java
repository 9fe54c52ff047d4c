package io.backupdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupdesk.store.Json;
import io.backupdesk.testing.Cli;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.StandaloneServer;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roles file of one backup ({@code backup --globals}) restored first with {@code --roles create-missing}: previewed
 * before anything changes, then exactly the previewed roles created, onto a second, empty cluster (the roles file holds
 * every role of the main server, which other tests create and drop while this one runs).
 */
@ExtendWith(PostgresServerExtension.class)
class RestoreRolesFirstIT {
    @TempDir
    Path dir;

    @Test
    void theRolesThePreviewShowsAreCreatedFirstAndOwnTheRestoredTables(TestServer main) throws Exception {
        Source source = source(main, "--globals");
        try (StandaloneServer second = StandaloneServer.startInstalled(dir.resolve("second"))) {
            TestServer target = second.server();
            cli().addProfile(target, "tgt", "postgres");
            Set<String> before = roles(target);

            Cli.Run preview = cli().run("restore", source.id(), "--target", "tgt", "--database", "shop", "--mode",
                    "new-database", "--roles", "create-missing", "--preflight");
            Set<String> afterPreview = roles(target);
            Cli.Run restored = cli().run("restore", source.id(), "--target", "tgt", "--database", "shop", "--mode",
                    "new-database", "--roles", "create-missing", "--yes", "--json");

            assertThat(preview.code()).as(preview.out() + preview.err()).isZero();
            assertThat(preview.out()).contains("Roles (create-missing):").containsPattern("CREATE +" + source.owner())
                    .containsPattern("CREATE +" + source.reader()).containsPattern("EXISTS +postgres")
                    .containsPattern("OK +roles +Every role the backup names is on the target once the roles file.s missing roles");
            assertThat(afterPreview).as("the preview changed nothing").isEqualTo(before);
            assertThat(restored.code()).as(restored.out() + restored.err()).isZero();
            JsonNode report = Json.mapper().readTree(restored.out());
            assertThat(report.get("outcome").asText()).isEqualTo("complete");
            assertThat(report.get("summary").asText()).startsWith("Roles: ");
            assertThat(report.get("roles").get("created").toString()).contains(source.owner(), source.reader());
            assertThat(roles(target)).containsAll(before).contains(source.owner(), source.reader());
            assertThat(query(target, "shop", "select tableowner from pg_tables where tablename = 'orders'"))
                    .isEqualTo(source.owner());
            assertThat(query(target, "shop", "select has_table_privilege('" + source.reader() + "', 'shop.orders',"
                    + " 'select')")).isEqualTo("t");
            assertThat(PgTools.rowCounts(target, "shop")).isEqualTo(source.rows());
        }
    }

    @Test
    void nothingChangesNoRoleEitherWhenTheRestoreWouldBeRefused(TestServer main) throws Exception {
        Source withRoles = source(main, "--globals");
        String withoutRoles = backUp();
        try (StandaloneServer second = StandaloneServer.startInstalled(dir.resolve("second"))) {
            TestServer target = second.server();
            cli().addProfile(target, "tgt", "postgres");
            target.execute("postgres", "create database taken");
            Set<String> before = roles(target);

            Cli.Run noFile = cli().run("restore", withoutRoles, "--target", "tgt", "--database", "shop", "--mode",
                    "new-database", "--roles", "create-missing", "--yes");
            Cli.Run blocked = cli().run("restore", withRoles.id(), "--target", "tgt", "--database", "taken", "--mode",
                    "new-database", "--roles", "create-missing", "--yes");
            Cli.Run skipped = cli().run("restore", withRoles.id(), "--target", "tgt", "--database", "shop", "--mode",
                    "new-database", "--preflight");

            assertThat(noFile.code()).isEqualTo(2);
            assertThat(noFile.err()).contains("has no roles file").contains("--globals");
            assertThat(blocked.code()).isEqualTo(1);
            assertThat(blocked.err()).contains("nothing was changed, no role either").contains("already exists");
            assertThat(skipped.out()).contains("fix:").contains("(--roles create-missing)")
                    .doesNotContain("Roles (create-missing)");
            assertThat(roles(target)).isEqualTo(before);
            assertThat(query(target, "postgres", "select count(*) from pg_database where datname = 'shop'")).isEqualTo("0");
        }
    }

    @Test
    void theRolesFileOfAnEncryptedBackupIsDecryptedWithItsKey(TestServer main) throws Exception {
        assertThat(cli().run("keys", "generate", "office").code()).isZero();
        Source source = source(main, "--globals", "--encrypt-to", "office");
        try (StandaloneServer second = StandaloneServer.startInstalled(dir.resolve("second"))) {
            TestServer target = second.server();
            cli().addProfile(target, "tgt", "postgres");

            Cli.Run restored = cli().run("restore", source.id(), "--target", "tgt", "--database", "shop", "--mode",
                    "new-database", "--roles", "create-missing", "--yes");

            assertThat(restored.code()).as(restored.out() + restored.err()).isZero();
            assertThat(restored.out()).contains("Roles (create-missing):").contains("created: ");
            assertThat(roles(target)).contains(source.owner(), source.reader());
            assertThat(PgTools.rowCounts(target, "shop")).isEqualTo(source.rows());
        }
    }

    /** A backup made on the main server of a database whose table is owned by one role and read by another. */
    private record Source(String id, String owner, String reader, Map<String, Long> rows) { }

    private Source source(TestServer main, String... backupOptions) throws Exception {
        String db = main.createDatabase();
        String owner = main.createRole("pw-owner");
        String reader = main.createRole("pw-reader");
        main.execute(db, "create schema shop authorization " + owner + ";"
                + " create table shop.orders (id int primary key, note text);"
                + " insert into shop.orders select g, 'order ' || g from generate_series(1, 300) g;"
                + " alter table shop.orders owner to " + owner + "; grant select on shop.orders to " + reader);
        cli().addProfile(main, "prod", db);
        String[] args = new String[backupOptions.length + 3];
        args[0] = "backup";
        args[1] = "prod";
        args[2] = "--json";
        System.arraycopy(backupOptions, 0, args, 3, backupOptions.length);
        Cli.Run made = cli().run(args);
        assertThat(made.code()).as(made.err()).isZero();
        return new Source(Json.mapper().readTree(made.out()).get("id").asText(), owner, reader,
                PgTools.rowCounts(main, db));
    }

    private String backUp() throws Exception {
        Cli.Run made = cli().run("backup", "prod", "--json");
        assertThat(made.code()).as(made.err()).isZero();
        return Json.mapper().readTree(made.out()).get("id").asText();
    }

    private static Set<String> roles(TestServer server) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Connection c = server.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select rolname from pg_roles where rolname !~ '^pg_'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static String query(TestServer server, String database, String sql) throws SQLException {
        try (Connection c = server.connect(database); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private Cli cli() {
        return new Cli(dir.resolve("config"), dir.resolve("backups"));
    }
}
