package io.backupdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupdesk.pg.ClientTool;
import io.backupdesk.store.Json;
import io.backupdesk.testing.Cli;
import io.backupdesk.testing.Fixtures;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * pg_dump's own switches reach the real pg_dump under their own names: each is seen in what pg_dump wrote (the
 * archive's table of contents or the SQL), the size limit stops a backup and keeps nothing, and the command shown
 * for a backup, run by hand, makes the same archive.
 */
@ExtendWith(PostgresServerExtension.class)
class DumpFlagsIT {
    @TempDir
    Path dir;
    private TestServer server;
    private String db;

    @BeforeEach
    void shop(TestServer server) {
        this.server = server;
        db = Fixtures.shopWithProfile(server, cli());
        server.execute(db, "create table shop.audit as select g as id from generate_series(1, 50) g;"
                + " grant select on shop.orders to public; select lo_from_bytea(0, 'a large object')");
    }

    @Test
    void sectionsExcludedTableDataAndLargeObjectsShapeTheArchive() throws IOException {
        List<String> preData = toc("--section", "pre-data");
        List<String> noAuditRows = toc("--exclude-table-data", "shop.audit", "--no-large-objects");
        List<String> everything = toc();

        assertThat(preData).noneMatch(l -> l.contains(" TABLE DATA ")).anyMatch(l -> l.contains(" TABLE shop orders "));
        assertThat(preData).noneMatch(l -> l.contains(" INDEX ") || l.contains(" CONSTRAINT "));
        assertThat(noAuditRows).anyMatch(l -> l.contains(" TABLE shop audit "))
                .noneMatch(l -> l.contains(" TABLE DATA shop audit ")).anyMatch(l -> l.contains(" TABLE DATA shop orders "))
                .noneMatch(l -> l.contains(" BLOB "));
        assertThat(everything).anyMatch(l -> l.contains(" TABLE DATA shop audit ")).anyMatch(l -> l.contains(" BLOB "));
    }

    @Test
    void rowsOfATableWhoseDataIsLeftOutAreNotCountedAsIfTheyWereInTheBackup() throws IOException {
        JsonNode backup = backupJson("--exclude-table-data", "shop.audit");

        assertThat(tableRows(backup, "orders")).isEqualTo(5000);
        assertThat(backup.get("tables").findValuesAsText("name")).doesNotContain("audit");
    }

    @Test
    void ownersPrivilegesInsertsQuotingEncodingAndCleanShapeThePlainSql() throws IOException {
        String plain = plainSql("--no-owner", "--no-privileges", "--column-inserts", "--quote-all-identifiers",
                "--encoding", "LATIN1", "--create", "--clean", "--if-exists");
        String defaults = plainSql();

        assertThat(defaults).contains("OWNER TO").contains("GRANT SELECT ON TABLE shop.orders TO PUBLIC")
                .contains("COPY shop.orders");
        assertThat(plain).doesNotContain("OWNER TO").doesNotContain("GRANT SELECT")
                .contains("INSERT INTO \"shop\".\"orders\" (\"id\", \"note\") VALUES")
                .contains("SET client_encoding = 'LATIN1'").contains("CREATE DATABASE")
                .contains("DROP DATABASE IF EXISTS \"" + db + "\"");
        assertThat(plainSql("--rows-per-insert", "2")).contains("VALUES\n\t(1, 'order 1'),\n\t(2, 'order 2');");
    }

    @Test
    void theRoleIsSetBeforeDumpingSoARoleThatMayNotReadTheTablesFails() {
        String reader = server.createRole("pw");

        // the large object is left out: it would need a grant of its own
        Cli.Run refused = cli().run("backup", "prod", "--role", reader, "--no-large-objects");

        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).containsIgnoringCase("permission denied");
        server.execute(db, "grant usage on schema shop to " + reader + "; grant select on all tables in schema shop to "
                + reader);
        Cli.Run allowed = cli().run("backup", "prod", "--role", reader, "--no-large-objects");
        assertThat(allowed.code()).as(allowed.err()).isZero();
    }

    @Test
    void switchesPgDumpWouldRefuseAreRefusedBeforeConnecting() {
        Cli.Run clean = cli().run("backup", "prod", "--clean");
        Cli.Run sections = cli().run("backup", "prod", "--schema-only", "--section", "data");
        Cli.Run badSection = cli().run("backup", "prod", "--section", "indexes");

        assertThat(clean.code()).isEqualTo(2);
        assertThat(clean.err()).contains("plain SQL only");
        assertThat(sections.code()).isEqualTo(2);
        assertThat(badSection.err()).contains("'indexes' is not a section");
    }

    @Test
    void aBackupThatGrowsPastItsSizeLimitIsStoppedAndNothingOfItIsKept() throws IOException {
        Fixtures.bigTable(server, db, 200_000);

        Cli.Run stopped = cli().run("backup", "prod", "--compress", "0", "--max-size", "1MB");

        assertThat(stopped.code()).isEqualTo(1);
        assertThat(stopped.err()).contains("size limit of 1.0 MB").contains("nothing of it was kept");
        try (Stream<Path> files = Files.walk(dir.resolve("backups"))) {
            assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
        }
        assertThat(cli().run("history", "--json").out()).contains("TOO_LARGE");
        assertThat(cli().run("backup", "prod", "--max-size", "1GB").code()).isZero();
    }

    @Test
    void theShownCommandRunByHandMakesTheSameArchiveAsTheBackup() throws Exception {
        String[] options = {"--exclude-table-data", "shop.audit", "--no-owner", "--section", "pre-data", "--section", "data"};
        Cli.Run shown = cli().run(concat(new String[] {"backup", "prod", "--print-command"}, options));
        assertThat(shown.code()).as(shown.err()).isZero();
        String command = shown.out().strip();
        assertThat(command).startsWith("pg_dump ").contains("--exclude-table-data=shop.audit", "--no-owner")
                .doesNotContain(server.password()).doesNotContain("--snapshot");
        assertThat(dir.resolve("backups")).doesNotExist();

        Path byHand = Files.createDirectories(dir.resolve("by-hand"));
        ProcessBuilder shell = new ProcessBuilder("sh", "-c", "PATH=" + PgTools.tool(ClientTool.PG_DUMP).getParent()
                + ":$PATH; " + command).directory(byHand.toFile()).redirectErrorStream(true);
        shell.environment().put("PGPASSWORD", server.password());
        Process process = shell.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        Path archive;
        try (Stream<Path> made = Files.list(byHand)) {
            archive = made.findFirst().orElseThrow();
        }
        JsonNode ours = backupJson(options);

        assertThat(archive.getFileName().toString()).endsWith(".dump");
        assertThat(entries(archive)).isEqualTo(entries(Path.of(ours.get("path").asText())));
    }

    private List<String> toc(String... options) throws IOException {
        return entries(Path.of(backupJson(options).get("path").asText()));
    }

    /** The table of contents without its header, whose lines name the file and the time. */
    private List<String> entries(Path archive) throws IOException {
        return PgTools.run(server, null, PgTools.tool(ClientTool.PG_RESTORE).toString(), "--list", archive.toString())
                .lines().filter(l -> !l.startsWith(";")).map(l -> l.replaceAll("^\\d+; ", "")).toList();
    }

    private JsonNode backupJson(String... options) throws IOException {
        Cli.Run run = cli().run(concat(new String[] {"backup", "prod", "--json"}, options));
        assertThat(run.code()).as(run.err()).isZero();
        return Json.mapper().readTree(run.out());
    }

    private String plainSql(String... options) throws IOException {
        Path file = Path.of(backupJson(concat(new String[] {"--format", "plain"}, options)).get("path").asText());
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long tableRows(JsonNode backup, String table) {
        for (JsonNode t : backup.get("tables")) {
            if (t.get("name").asText().equals(table)) {
                return t.get("rows").asLong();
            }
        }
        throw new AssertionError("no table " + table + " in " + backup);
    }

    private static String[] concat(String[] a, String[] b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }

    private Cli cli() {
        return new Cli(dir.resolve("config"), dir.resolve("backups"));
    }
}
