package io.backupdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupdesk.restore.roles.Globals;
import io.backupdesk.restore.roles.GlobalsParser;
import io.backupdesk.store.Json;
import io.backupdesk.testing.Cli;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.StandaloneServer;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole-server set made by the real backup command on the main test server (only this test's own databases, by
 * an include pattern) and restored through the real command line onto a second, empty cluster started for the test.
 */
@ExtendWith(PostgresServerExtension.class)
class SetRestoreIT {
    private static final String DATABASE_LEVEL = "select pg_get_userbyid(d.datdba) || ' ' || coalesce(d.datacl::text, '-')"
            + " || ' ' || coalesce(shobj_description(d.oid, 'pg_database'), '-') || ' ' || coalesce((select"
            + " array_to_string(setconfig, '|') from pg_db_role_setting where setdatabase = d.oid and setrole = 0), '-')"
            + " from pg_database d where datname = ";

    @Test
    void aSetComesBackOnAnEmptyClusterWithItsRolesAndEveryDatabaseEqualsItsSource(TestServer main, @TempDir Path dir)
            throws Exception {
        String prefix = SetFixtures.prefix();
        SetFixtures.Roles roles = SetFixtures.threeDatabasesWithRoles(main, prefix);
        String a = prefix + "_a";
        String bystander = main.createRole("bystander");
        main.execute("postgres", "alter role " + bystander + " createdb");
        main.execute(a, "grant select on items to " + roles.member());
        main.execute("postgres", "alter database " + a + " owner to " + roles.owner() + ";"
                + " alter database " + a + " set work_mem = '3MB';"
                + " revoke all on database " + a + " from public;"
                + " grant connect on database " + a + " to " + roles.member() + ";"
                + " comment on database " + a + " is 'the shop''s items';"
                + " alter role " + roles.member() + " in database " + a + " set statement_timeout = '7s'");
        Cli cli = new Cli(dir.resolve("config"), dir.resolve("backups"));
        SetFixtures.addServerProfile(cli, main, main.user(), main.password(), "srv", "--include-database", prefix + "_*");
        JsonNode set = Json.mapper().readTree(cli.run("backup", "srv", "--json").out());
        String setId = set.get("id").asText();

        try (StandaloneServer second = StandaloneServer.startInstalled(dir.resolve("second"))) {
            TestServer target = second.server();
            target.execute("postgres", "create role " + bystander + " nologin connection limit 3");
            SetFixtures.addServerProfile(cli, target, target.user(), target.password(), "tgt");
            Set<String> before = roles(target);
            Globals globals = GlobalsParser.read(Path.of(set.get("rolesPath").asText()));

            Cli.Run preflight = cli.run("restore", setId, "--target", "tgt", "--preflight", "--json");
            Set<String> afterPreview = roles(target);
            Cli.Run restored = cli.run("restore", setId, "--target", "tgt", "--yes", "--json");

            assertThat(preflight.code()).as(preflight.out() + preflight.err()).isZero();
            JsonNode preview = Json.mapper().readTree(preflight.out());
            List<String> inFile = globals.roles().stream().map(Globals.Role::name).toList();
            assertThat(named(preview.get("roles").get("roles"), "CREATE")).as("exactly the roles the target lacks")
                    .containsExactlyElementsOf(inFile.stream().filter(r -> !before.contains(r)).toList())
                    .contains(roles.owner(), roles.member()).doesNotContain(bystander);
            assertThat(named(preview.get("roles").get("roles"), "EXISTS")).contains(bystander, "postgres");
            assertThat(preview.get("databases")).extracting(d -> d.get("targetName").asText())
                    .containsExactly(a, prefix + "_b", prefix + "_c");
            assertThat(preview.get("databases").get(0).get("checks")).filteredOn(c -> c.get("check").asText().equals("roles"))
                    .singleElement().satisfies(c -> assertThat(c.get("level").asText())
                            .as("the roles created first are counted as there").isEqualTo("ok"));
            assertThat(preview.get("databases").get(0).get("databaseLevel").asText())
                    .isEqualTo("owner " + roles.owner() + ", 2 settings, comment, 2 privilege statements");
            assertThat(afterPreview).as("the preview changed nothing").isEqualTo(before);

            assertThat(restored.code()).as(restored.out() + restored.err()).isZero();
            JsonNode report = Json.mapper().readTree(restored.out());
            assertThat(report.get("succeeded").asBoolean()).isTrue();
            Set<String> expected = new TreeSet<>(before);
            expected.addAll(named(preview.get("roles").get("roles"), "CREATE"));
            assertThat(roles(target)).as("exactly the previewed roles were created").isEqualTo(expected);
            for (String db : List.of(a, prefix + "_b", prefix + "_c")) {
                assertThat(PgTools.schema(target, db)).as("schema, owners and grants of " + db)
                        .isEqualTo(PgTools.schema(main, db));
                assertThat(PgTools.rowCounts(target, db)).isEqualTo(PgTools.rowCounts(main, db));
            }
            assertThat(query(target, "postgres", DATABASE_LEVEL + "'" + a + "'"))
                    .isEqualTo(query(main, "postgres", DATABASE_LEVEL + "'" + a + "'"))
                    .contains(roles.owner(), "the shop's items", "work_mem=3MB");
            String roleSettings = "select r.rolname || ' ' || coalesce(d.datname, '*') || ' ' || array_to_string(s.setconfig, '|')"
                    + " from pg_db_role_setting s join pg_roles r on r.oid = s.setrole left join pg_database d"
                    + " on d.oid = s.setdatabase where r.rolname in ('" + roles.owner() + "', '" + roles.member() + "')"
                    + " order by 1";
            assertThat(query(target, "postgres", roleSettings)).isEqualTo(query(main, "postgres", roleSettings))
                    .contains(roles.owner() + " * work_mem=8MB");
            assertThat(query(target, "postgres", "select 1 from pg_auth_members m join pg_roles r on r.oid = m.roleid"
                    + " join pg_roles u on u.oid = m.member where r.rolname = '" + roles.owner() + "' and u.rolname = '"
                    + roles.member() + "'")).isEqualTo("1");
            assertThat(query(target, "postgres", "select rolcanlogin || ' ' || rolcreatedb || ' ' || rolconnlimit"
                    + " from pg_roles where rolname = '" + bystander + "'")).as("an existing role is left as it is")
                    .isEqualTo("false false 3");
        }
    }

    @Test
    void oneDatabaseOfASetUnderAnotherNameWithRolesSkippedCreatesNoRoleAndTouchesNoOtherDatabase(TestServer main,
            @TempDir Path dir) throws Exception {
        String prefix = SetFixtures.prefix();
        SetFixtures.threeDatabasesWithRoles(main, prefix);
        String b = prefix + "_b";
        main.execute("postgres", "alter database " + b + " set work_mem = '5MB'; comment on database " + b + " is 'orders'");
        Cli cli = new Cli(dir.resolve("config"), dir.resolve("backups"));
        SetFixtures.addServerProfile(cli, main, main.user(), main.password(), "srv", "--include-database", prefix + "_*");
        JsonNode set = Json.mapper().readTree(cli.run("backup", "srv", "--json").out());
        String memberOfC = set.get("members").get(2).get("backupId").asText();

        try (StandaloneServer second = StandaloneServer.startInstalled(dir.resolve("second"))) {
            TestServer target = second.server();
            SetFixtures.addServerProfile(cli, target, target.user(), target.password(), "tgt");
            Set<String> before = roles(target);

            Cli.Run restored = cli.run("restore", set.get("id").asText(), "--target", "tgt", "--database", b, "--as",
                    "orders_copy", "--roles", "skip", "--no-owner", "--no-privileges", "--mode", "new-database", "--yes");
            Cli.Run single = cli.run("restore", memberOfC, "--target", "tgt", "--database", "notes_alone", "--mode",
                    "new-database", "--no-owner", "--json");

            assertThat(restored.code()).as(restored.out() + restored.err()).isZero();
            assertThat(restored.out()).contains("1 of 1 database restored").contains("Roles were not restored (skip)")
                    .contains("Database " + b + " as orders_copy: restored");
            assertThat(roles(target)).as("--roles skip creates no role").isEqualTo(before);
            assertThat(PgTools.rowCounts(target, "orders_copy")).isEqualTo(PgTools.rowCounts(main, b));
            assertThat(query(target, "postgres", DATABASE_LEVEL + "'orders_copy'"))
                    .isEqualTo("postgres - orders work_mem=5MB");
            assertThat(single.code()).as("one member restores as any backup: " + single.err()).isZero();
            assertThat(PgTools.rowCounts(target, "notes_alone")).isEqualTo(PgTools.rowCounts(main, prefix + "_c"));
            assertThat(query(target, "postgres", "select string_agg(datname, ',' order by datname) from pg_database"
                    + " where not datistemplate")).isEqualTo("notes_alone,orders_copy,postgres");

            String a = prefix + "_a";
            target.execute("postgres", "create database " + a);
            target.execute(a, "create table mine (id int)");
            Cli.Run onePast = cli.run("restore", set.get("id").asText(), "--target", "tgt", "--mode", "new-database",
                    "--roles", "skip", "--no-owner", "--no-privileges", "--override", "target", "--yes", "--json");

            assertThat(onePast.code()).as("one database failed: " + onePast.out() + onePast.err()).isEqualTo(1);
            JsonNode report = Json.mapper().readTree(onePast.out());
            assertThat(report.get("succeeded").asBoolean()).isFalse();
            assertThat(report.get("databases")).extracting(d -> d.get("targetName").asText() + " " + d.get("status").asText())
                    .containsExactly(a + " failed", b + " restored", prefix + "_c restored");
            assertThat(report.get("databases").get(0).get("error").asText()).contains("already exists");
            assertThat(PgTools.rowCounts(target, a)).as("the database that was there is as it was")
                    .containsOnlyKeys("public.mine");
            assertThat(PgTools.rowCounts(target, prefix + "_c")).isEqualTo(PgTools.rowCounts(main, prefix + "_c"));
        }
    }

    @Test
    void aSetWhoseManifestClaimsAnotherSetsBackupIsRefusedAndNothingIsRestored(TestServer main, @TempDir Path dir)
            throws Exception {
        String prefix = SetFixtures.prefix();
        SetFixtures.threeDatabasesWithRoles(main, prefix);
        Cli cli = new Cli(dir.resolve("config"), dir.resolve("backups"));
        SetFixtures.addServerProfile(cli, main, main.user(), main.password(), "srv", "--include-database", prefix + "_*");
        JsonNode first = Json.mapper().readTree(cli.run("backup", "srv", "--json").out());
        JsonNode second = Json.mapper().readTree(cli.run("backup", "srv", "--json").out());
        Path manifest = Path.of(second.get("rolesPath").asText().replace(".globals.sql", ".set.json"));
        String theirs = first.get("members").get(0).get("backupId").asText();
        Files.writeString(manifest, Files.readString(manifest)
                .replace(second.get("members").get(0).get("backupId").asText(), theirs));
        String secondId = second.get("id").asText();

        try (StandaloneServer other = StandaloneServer.startInstalled(dir.resolve("second"))) {
            TestServer target = other.server();
            SetFixtures.addServerProfile(cli, target, target.user(), target.password(), "tgt");
            Set<String> before = roles(target);

            Cli.Run refused = cli.run("restore", secondId, "--target", "tgt", "--yes");

            assertThat(refused.code()).isNotZero();
            assertThat(refused.err()).contains("The set '" + secondId + "' is not used").contains(theirs)
                    .contains("does not name this set");
            assertThat(roles(target)).isEqualTo(before);
            assertThat(query(target, "postgres", "select count(*) from pg_database where not datistemplate"))
                    .isEqualTo("1");
        }
    }

    @Test
    void anEncryptedSetIsRestoredWithTheStoredKeyAndLeavesNoPlaintextBehind(TestServer main, @TempDir Path dir)
            throws Exception {
        String prefix = SetFixtures.prefix();
        SetFixtures.Roles roles = SetFixtures.threeDatabasesWithRoles(main, prefix);
        String a = prefix + "_a";
        main.execute("postgres", "comment on database " + a + " is 'sealed'");
        Cli cli = new Cli(dir.resolve("config"), dir.resolve("backups"));
        assertThat(cli.run("keys", "generate", "office").code()).isZero();
        SetFixtures.addServerProfile(cli, main, main.user(), main.password(), "srv", "--include-database", prefix + "_*");
        JsonNode set = Json.mapper().readTree(cli.run("backup", "srv", "--encrypt-to", "office", "--json").out());

        try (StandaloneServer second = StandaloneServer.startInstalled(dir.resolve("second"))) {
            TestServer target = second.server();
            SetFixtures.addServerProfile(cli, target, target.user(), target.password(), "tgt");

            Cli.Run restored = cli.run("restore", set.get("id").asText(), "--target", "tgt", "--database", a, "--yes");

            assertThat(set.get("encrypted").asBoolean()).isTrue();
            assertThat(new String(Files.readAllBytes(Path.of(set.get("rolesPath").asText())), StandardCharsets.ISO_8859_1))
                    .as("the roles file is ciphertext").startsWith("age-encryption.org/v1").doesNotContain(roles.owner());
            assertThat(restored.code()).as(restored.out() + restored.err()).isZero();
            assertThat(roles(target)).contains(roles.owner(), roles.member());
            assertThat(PgTools.rowCounts(target, a)).isEqualTo(PgTools.rowCounts(main, a));
            assertThat(query(target, "postgres", "select shobj_description(oid, 'pg_database') from pg_database"
                    + " where datname = '" + a + "'")).isEqualTo("sealed");
            Path work = dir.resolve("config/runs/decrypted");
            try (var left = Files.isDirectory(work) ? Files.list(work) : java.util.stream.Stream.<Path>empty()) {
                assertThat(left).as("no plaintext copy of a member or the roles file is left").isEmpty();
            }
        }
    }

    @Test
    void anEncryptedSetsRolesFileIsReadAsItIsDecryptedWithNoPlaintextCopyOnDisk(TestServer main, @TempDir Path dir)
            throws Exception {
        String prefix = SetFixtures.prefix();
        SetFixtures.Roles roles = SetFixtures.threeDatabasesWithRoles(main, prefix);
        String a = prefix + "_a";
        Cli cli = new Cli(dir.resolve("config"), dir.resolve("backups"));
        assertThat(cli.run("keys", "generate", "office").code()).isZero();
        SetFixtures.addServerProfile(cli, main, main.user(), main.password(), "srv", "--include-database", prefix + "_*");
        JsonNode set = Json.mapper().readTree(cli.run("backup", "srv", "--encrypt-to", "office", "--json").out());
        // no decrypted copy can be made at all: a file where the owner-only folder for decrypted copies would be
        Files.createDirectories(dir.resolve("config/runs"));
        Files.writeString(dir.resolve("config/runs/decrypted"), "");

        try (StandaloneServer second = StandaloneServer.startInstalled(dir.resolve("second"))) {
            TestServer target = second.server();
            SetFixtures.addServerProfile(cli, target, target.user(), target.password(), "tgt");

            Cli.Run restored = cli.run("restore", set.get("id").asText(), "--target", "tgt", "--database", a, "--yes");

            assertThat(restored.code()).as("the roles file and the database stream: " + restored.out() + restored.err())
                    .isZero();
            assertThat(roles(target)).contains(roles.owner(), roles.member());
            assertThat(PgTools.rowCounts(target, a)).isEqualTo(PgTools.rowCounts(main, a));
        }
    }

    private static List<String> named(JsonNode lines, String action) {
        return StreamSupport.stream(lines.spliterator(), false).filter(l -> l.get("action").asText().equals(action))
                .map(l -> l.get("name").asText()).toList();
    }

    private static Set<String> roles(TestServer server) throws SQLException {
        return new TreeSet<>(List.of(query(server, "postgres", "select string_agg(rolname, ',') from pg_roles").split(",")));
    }

    /** The rows of a query, one line each. */
    private static String query(TestServer server, String database, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = server.connect(database); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return String.join("\n", rows);
    }
}
