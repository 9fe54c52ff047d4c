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

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A set is made "in the chosen format" (issue 18): the directory and tar formats, not only the default custom one, are
 * backed up as a set on the real server and restored onto a second, empty cluster with their roles and each database's
 * own settings, which are read from those archives' tables of contents.
 */
@ExtendWith(PostgresServerExtension.class)
class SetFormatsIT {
    private static final String OWN_SETTINGS = "select pg_get_userbyid(datdba) || ' ' || coalesce(shobj_description(oid,"
            + " 'pg_database'), '-') || ' ' || coalesce((select array_to_string(setconfig, '|') from pg_db_role_setting"
            + " where setdatabase = d.oid and setrole = 0), '-') from pg_database d where datname = ";

    @Test
    void setsInTheDirectoryAndTarFormatsComeBackWholeOnAnEmptyCluster(TestServer main, @TempDir Path dir)
            throws Exception {
        String prefix = SetFixtures.prefix();
        SetFixtures.Roles roles = SetFixtures.threeDatabasesWithRoles(main, prefix);
        String a = prefix + "_a";
        main.execute("postgres", "alter database " + a + " owner to " + roles.owner() + "; alter database " + a
                + " set work_mem = '3MB'; comment on database " + a + " is 'items'");
        Cli cli = new Cli(dir.resolve("config"), dir.resolve("backups"));
        SetFixtures.addServerProfile(cli, main, main.user(), main.password(), "srv", "--include-database", prefix + "_*");

        try (StandaloneServer second = StandaloneServer.startInstalled(dir.resolve("second"))) {
            TestServer target = second.server();
            SetFixtures.addServerProfile(cli, target, target.user(), target.password(), "tgt");
            for (String format : List.of("directory", "tar")) {
                Cli.Run made = cli.run("backup", "srv", "--format", format, "--jobs", "2", "--json");
                assertThat(made.code()).as(format + ": " + made.err()).isZero();
                JsonNode set = Json.mapper().readTree(made.out());
                JsonNode listed = Json.mapper().readTree(cli.run("list", "--json").out());
                for (JsonNode member : set.get("members")) {
                    JsonNode backup = ServerSetBackupIT.backupOf(listed, member.get("backupId").asText());
                    assertThat(backup.get("format").asText()).as(member.toString()).isEqualTo(format);
                    assertThat(backup.get("status").asText()).isEqualTo("verified");
                    assertThat(Files.isDirectory(Path.of(backup.get("path").asText())))
                            .as("a directory archive is a folder").isEqualTo(format.equals("directory"));
                }

                Cli.Run restored = cli.run("restore", set.get("id").asText(), "--target", "tgt", "--yes", "--json");

                assertThat(restored.code()).as(format + ": " + restored.out() + restored.err()).isZero();
                for (String db : List.of(a, prefix + "_b", prefix + "_c")) {
                    assertThat(PgTools.schema(target, db)).as(format + ": schema, owners and grants of " + db)
                            .isEqualTo(PgTools.schema(main, db));
                    assertThat(PgTools.rowCounts(target, db)).isEqualTo(PgTools.rowCounts(main, db));
                }
                assertThat(ownSettings(target, a)).as(format).isEqualTo(ownSettings(main, a))
                        .isEqualTo(roles.owner() + " items work_mem=3MB");
            }
        }
    }

    private static String ownSettings(TestServer server, String database) throws Exception {
        try (Connection c = server.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(OWN_SETTINGS + "'" + database + "'")) {
            assertThat(rs.next()).as(database + " is there").isTrue();
            return rs.getString(1);
        }
    }
}
