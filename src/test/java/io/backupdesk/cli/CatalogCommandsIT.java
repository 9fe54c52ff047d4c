package io.backupdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupdesk.pg.ClientTool;
import io.backupdesk.store.Json;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** import, list and verify on a catalog that went wrong: damaged dumps, damaged metadata, a folder that cannot be written. */
@ExtendWith(PostgresServerExtension.class)
class CatalogCommandsIT {
    private record Run(int code, String out, String err) { }

    @Test
    void aDumpDamagedBeforeItsImportIsImportedMarkedCorruptAndTheImportExitsOne(TestServer server, @TempDir Path dir)
            throws Exception {
        String db = server.createDatabase();
        server.execute(db, "create table items as select generate_series(1, 60000) as id, md5(random()::text) as note");
        Path intact = Files.createDirectories(dir.resolve("elsewhere")).resolve("intact.dump");
        PgTools.run(server, null, PgTools.tool(ClientTool.PG_DUMP).toString(), "-Fc", "-f", intact.toString(), "--dbname=" + db);
        Path damaged = dir.resolve("elsewhere/damaged.dump");
        byte[] bytes = Files.readAllBytes(intact);
        // the table of contents at the start survives, so pg_restore --list still reads it
        Files.write(damaged, Arrays.copyOf(bytes, bytes.length * 2 / 3));

        Run good = cli(dir, "import", intact.toString(), "--json");
        Run bad = cli(dir, "import", damaged.toString(), "--json");
        JsonNode listed = Json.mapper().readTree(cli(dir, "list", "--json").out());

        assertThat(good.code()).as(good.err()).isZero();
        assertThat(Json.mapper().readTree(good.out()).get("status").asText()).isEqualTo("verified");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("damaged.dump is damaged").contains("marked corrupt");
        JsonNode imported = Json.mapper().readTree(bad.out());
        assertThat(imported.get("status").asText()).isEqualTo("corrupt");
        assertThat(imported.get("verification").get("message").asText()).contains("pg_restore could not read it to the end");
        assertThat(listed).extracting(n -> n.get("status").asText()).containsExactlyInAnyOrder("verified", "corrupt");
        assertThat(damaged).as("the original is never moved").exists();
    }

    @Test
    void aBackupWhoseMetadataWasDamagedIsListedAsUnreadableAndComesBackByImportingItsDump(TestServer server,
            @TempDir Path dir) throws Exception {
        String db = prodWithItems(server, dir);
        JsonNode made = Json.mapper().readTree(cli(dir, "backup", "prod", "--json").out());
        Path archive = Path.of(made.get("path").asText());
        Path sidecar = archive.resolveSibling(archive.getFileName().toString().replace(".dump", ".backup.json"));
        Files.writeString(sidecar, "{ \"schemaVersion\": 1, \"id\": \"" + made.get("id").asText() + "\", ");

        Run listed = cli(dir, "list");
        JsonNode listedJson = Json.mapper().readTree(cli(dir, "list", "--json").out());
        Run imported = cli(dir, "import", archive.toString(), "--profile", "prod");
        JsonNode after = Json.mapper().readTree(cli(dir, "list", "--json").out());

        assertThat(listed.out()).contains("unreadable  " + sidecar).contains("not valid JSON");
        assertThat(listedJson).singleElement().satisfies(n -> {
            assertThat(n.get("status").asText()).isEqualTo("unreadable");
            assertThat(n.get("sidecar").asText()).isEqualTo(sidecar.toString());
            assertThat(n.get("id").isNull()).as("no id can be read from it").isTrue();
            assertThat(n.get("reason").asText()).contains("not valid JSON");
        });
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.err()).contains("kept as " + sidecar + ".corrupt-");
        assertThat(after).singleElement().satisfies(n -> {
            assertThat(n.get("path").asText()).isEqualTo(archive.toString());
            assertThat(n.get("database").asText()).isEqualTo(db);
            assertThat(n.get("status").asText()).isEqualTo("verified");
        });
        try (Stream<Path> files = Files.list(sidecar.getParent())) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith(sidecar.getFileName() + ".corrupt-")))
                    .singleElement().satisfies(aside -> assertThat(Files.readString(aside)).startsWith("{ \"schemaVersion\""));
        }
    }

    @Test
    void verifyOnAFolderThatCannotBeWrittenPrintsTheOutcomeAndExitsOne(TestServer server, @TempDir Path dir)
            throws Exception {
        prodWithItems(server, dir);
        JsonNode made = Json.mapper().readTree(cli(dir, "backup", "prod", "--json").out());
        Path folder = Path.of(made.get("path").asText()).getParent();
        readOnly(folder, true);
        Run one;
        Run all;
        try {
            one = cli(dir, "verify", made.get("id").asText());
            all = cli(dir, "verify", "--all");
        } finally {
            readOnly(folder, false);
        }

        for (Run run : new Run[] {one, all}) {
            assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(run.out()).contains(made.get("id").asText() + "  verified").contains("read back in full");
            assertThat(run.err()).contains("could not be recorded");
        }
    }

    /**
     * A folder nobody may write to. Permissions stop everyone but root, and tests may run as root: then the folder
     * is made immutable as well, which stops root too.
     */
    private static void readOnly(Path folder, boolean on) throws IOException, InterruptedException {
        if (!on) {
            try {
                new ProcessBuilder("chattr", "-i", folder.toString()).redirectErrorStream(true).start().waitFor();
            } catch (IOException noSuchTool) {
                // then it was never made immutable
            }
        }
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString(on ? "r-x------" : "rwx------"));
        Path probe = folder.resolve(".probe");
        if (on && canCreate(probe)) {
            int code = new ProcessBuilder("chattr", "+i", folder.toString()).redirectErrorStream(true).start().waitFor();
            assumeThat(code == 0 && !canCreate(probe)).as("a folder that cannot be written can be made here").isTrue();
        }
    }

    private static boolean canCreate(Path probe) {
        try {
            Files.delete(Files.createFile(probe));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String prodWithItems(TestServer server, Path dir) {
        String db = server.createDatabase();
        server.execute(db, "create table items as select generate_series(1, 7) as id");
        String url = "postgresql://" + server.user() + "@" + server.host() + ":" + server.port() + "/" + db;
        Run added = cliWithInput(dir, server.password() + "\n", "profiles", "add", "prod", "--url", url, "--password-stdin");
        assertThat(added.code()).as(added.err()).isZero();
        return db;
    }

    private static Run cli(Path dir, String... args) {
        return cliWithInput(dir, "", args);
    }

    private static Run cliWithInput(Path dir, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = Stream.concat(Stream.of("--config-dir", dir.resolve("config").toString(), "--backup-root",
                dir.resolve("backups").toString()), Arrays.stream(args)).toArray(String[]::new);
        int code = BackupDeskCli.execute(all, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }
}
