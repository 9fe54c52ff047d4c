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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A set whose tables live in a tablespace of the source, restored onto a cluster without it: the roles step never
 * creates a tablespace (its place is on the source's disk), so the databases come back in the default one, whole.
 */
@ExtendWith(PostgresServerExtension.class)
class SetTablespaceIT {
    @Test
    void aDatabaseInATablespaceTheTargetLacksIsRestoredIntoTheDefaultOne(TestServer main, @TempDir Path dir)
            throws Exception {
        String prefix = SetFixtures.prefix();
        String tablespace = prefix + "_ts";
        Path location = tablespaceFolder(main, prefix);
        main.execute("postgres", "create tablespace " + tablespace + " location '" + location + "'");
        String a = prefix + "_a";
        try {
            SetFixtures.database(main, a);
            main.execute(a, "create table placed (id int) tablespace " + tablespace
                    + "; insert into placed select generate_series(1, 250)");
            Cli cli = new Cli(dir.resolve("config"), dir.resolve("backups"));
            SetFixtures.addServerProfile(cli, main, main.user(), main.password(), "srv", "--include-database", prefix + "_*");
            Cli.Run made = cli.run("backup", "srv", "--json");
            assertThat(made.code()).as(made.err()).isZero();
            String setId = Json.mapper().readTree(made.out()).get("id").asText();

            try (StandaloneServer second = StandaloneServer.startInstalled(dir.resolve("second"))) {
                TestServer target = second.server();
                SetFixtures.addServerProfile(cli, target, target.user(), target.password(), "tgt");

                Cli.Run preflight = cli.run("restore", setId, "--target", "tgt", "--preflight", "--json");
                Cli.Run restored = cli.run("restore", setId, "--target", "tgt", "--mode", "new-database", "--yes",
                        "--json");

                JsonNode preview = Json.mapper().readTree(preflight.out());
                assertThat(preview.get("roles").get("tablespaces").toString()).contains(tablespace).contains("MISSING");
                assertThat(restored.code()).as(restored.out() + restored.err()).isZero();
                assertThat(PgTools.rowCounts(target, a)).containsEntry("public.placed", 250L);
                try (Connection c = target.connect(a); Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("select reltablespace from pg_class where relname = 'placed'")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).as("the default tablespace").isZero();
                }
            }
        } finally {
            // the tablespace goes only once nothing is in it
            main.execute("postgres", "drop database if exists " + a + " with (force)");
            main.execute("postgres", "drop tablespace if exists " + tablespace);
            Files.deleteIfExists(location);
        }
    }

    /**
     * An empty folder the server may own, outside the test's own temporary folder (which the server's user cannot
     * enter). Skipped where the server is not on this machine, where its data folder cannot be seen.
     */
    private static Path tablespaceFolder(TestServer server, String prefix) throws Exception {
        Path data;
        try (Connection c = server.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select current_setting('data_directory')")) {
            rs.next();
            data = Path.of(rs.getString(1));
        } catch (java.sql.SQLException e) {
            data = null;
        }
        assumeTrue(data != null && Files.isDirectory(data), "the server's data folder is not on this machine");
        UserPrincipal owner = Files.getOwner(data);
        Path folder = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), prefix + "-ts",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            Files.setOwner(folder, owner);
        } catch (IOException e) {
            assumeTrue(false, "the folder cannot be given to the server's user: " + e.getMessage());
        }
        return folder;
    }
}
