package io.backupdesk.crypto;

import io.backupdesk.core.ShellQuoting;
import io.backupdesk.pg.ClientTool;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static io.backupdesk.crypto.AgeStreams.encrypt;
import static io.backupdesk.crypto.AgeStreams.plaintext;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recovery sheet's command lines, run as a user would paste them: files encrypted by the real {@code age} to the
 * key's public key file come back whole with the real {@code age}, and real dumps restore into a real server through
 * the sheet's pipes. Only the sheet's words to fill in are replaced: the backup's name and the database's.
 */
@ExtendWith(PostgresServerExtension.class)
class RecoverySheetIT {
    private static final String NAME = "sales_20261206-020000";

    @TempDir
    Path tmp;

    @BeforeAll
    static void theToolsAreThere() {
        AgeTool.requireInstalled();
    }

    @Test
    void everyDecryptLineOfTheSheetGivesBackWhatAgeEncryptedToTheKey() throws IOException {
        AgeKeyStore keys = store();
        keys.generate("offsite", null);
        String sheet = sheet(keys, "offsite");
        List<String> toFile = commandLines(sheet).stream().filter(l -> l.startsWith("age -d -i") && l.contains(" -o ")).toList();
        assertThat(toFile).hasSize(2);

        for (String line : toFile) {
            String ending = line.substring(line.indexOf(" -o " + RecoverySheet.BACKUP) + 4 + RecoverySheet.BACKUP.length()).split(" ")[0];
            byte[] plain = plaintext(200_000, ending.hashCode());
            ageEncryptTo(keys.publicFile("offsite"), plain, NAME + ending + ".age");

            AgeTool.Result result = bash(fill(line, "unused"), Map.of());

            assertThat(result.exitCode()).as(line + ": " + result.stderr()).isZero();
            assertThat(Files.readAllBytes(tmp.resolve(NAME + ending))).as(line).isEqualTo(plain);
        }
    }

    @Test
    void theSheetsRestoreLinesRestoreRealDumpsIntoARealServer(TestServer server) throws Exception {
        AgeKeyStore keys = store();
        keys.generate("offsite", null);
        List<String> lines = commandLines(sheet(keys, "offsite"));
        String source = server.createDatabase();
        try (Connection c = server.connect(source); Statement st = c.createStatement()) {
            st.execute("create table orders (id int primary key, note text)");
            st.execute("insert into orders select g, 'order ' || g from generate_series(1, 1234) g");
        }
        Path dump = PgTools.tool(ClientTool.PG_DUMP);
        runTool(server, dump.toString(), "-Fc", "-f", tmp.resolve("x.dump").toString(), source);
        runTool(server, dump.toString(), "-Ft", "-f", tmp.resolve("x.tar").toString(), source);
        runTool(server, dump.toString(), "-Fp", "-f", tmp.resolve("x.sql").toString(), source);
        ageEncryptTo(keys.publicFile("offsite"), Files.readAllBytes(tmp.resolve("x.dump")), NAME + ".dump.age");
        ageEncryptTo(keys.publicFile("offsite"), Files.readAllBytes(tmp.resolve("x.tar")), NAME + ".tar.age");
        ageEncryptTo(keys.publicFile("offsite"), gzip(Files.readAllBytes(tmp.resolve("x.sql"))), NAME + ".sql.gz.age");
        ageEncryptTo(keys.publicFile("offsite"), Files.readAllBytes(tmp.resolve("x.sql")), NAME + ".sql.age");
        ageEncryptTo(keys.publicFile("offsite"), "select 'roles restored' as marker;\n".getBytes(StandardCharsets.UTF_8),
                NAME + ".globals.sql.age");
        Map<String, String> env = new java.util.HashMap<>(server.toolEnvironment());
        env.put("PATH", dump.getParent() + ":" + System.getenv("PATH"));

        // decrypt to a file, then restore it; or the one-line pipes
        List<List<String>> restores = List.of(
                List.of(line(lines, "-o " + RecoverySheet.BACKUP + ".dump "), line(lines, "pg_restore -d DBNAME BACKUP.dump")),
                List.of(line(lines, ".dump.age | pg_restore")),
                List.of(line(lines, "-o " + RecoverySheet.BACKUP + ".tar "), line(lines, "pg_restore -d DBNAME BACKUP.tar")),
                List.of(line(lines, ".sql.gz.age | gunzip | psql")),
                List.of(line(lines, ".sql.age | psql")));
        for (List<String> steps : restores) {
            String target = server.createDatabase();
            for (String step : steps) {
                AgeTool.Result result = bash(fill(step, target), env);
                assertThat(result.exitCode()).as(step + ": " + result.stderr()).isZero();
            }
            assertThat(rows(server, target)).as(String.join(" && ", steps)).isEqualTo(1234);
        }
        AgeTool.Result roles = bash(fill(line(lines, ".globals.sql.age | psql -d postgres"), "unused"), env);
        assertThat(roles.exitCode()).as(roles.stderr()).isZero();
        assertThat(roles.output()).contains("roles restored");
    }

    @Test
    void aPassphraseProtectedKeyFileOpensTheBackupAtATerminalWithItsPassphrase() throws IOException {
        AgeKeyStore keys = store();
        try (Passphrase protection = Passphrase.of("correct horse".toCharArray())) {
            keys.generate("vault", protection);
        }
        String sheet = sheet(keys, "vault");
        assertThat(sheet).contains("protected by a passphrase").doesNotContain("correct horse");
        byte[] plain = plaintext(70_000, 7);
        ageEncryptTo(keys.publicFile("vault"), plain, NAME + ".dump.age");
        String line = line(commandLines(sheet), "-o " + RecoverySheet.BACKUP + ".dump ");

        AgeTool.Result result = AgeTool.atTerminal(List.of("bash", "-c", "cd " + ShellQuoting.quote(tmp.toString())
                + " && " + fill(line, "unused")), "correct horse");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(Files.readAllBytes(tmp.resolve(NAME + ".dump"))).isEqualTo(plain);
    }

    @Test
    void thePassphraseBackupLineOpensAFileEncryptedWithAPassphrase() throws IOException {
        AgeKeyStore keys = store();
        keys.generate("offsite", null);
        byte[] plain = plaintext(70_000, 11);
        try (Passphrase passphrase = Passphrase.of("battery staple".toCharArray())) {
            Files.write(tmp.resolve(NAME + ".dump.age"), encrypt(AgeEncryptor.withPassphrase(passphrase, 10), plain));
        }
        String line = line(commandLines(sheet(keys, "offsite")), "age -d -o ");

        AgeTool.Result result = AgeTool.atTerminal(List.of("bash", "-c", "cd " + ShellQuoting.quote(tmp.toString())
                + " && " + fill(line, "unused")), "battery staple");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(Files.readAllBytes(tmp.resolve(NAME + ".dump"))).isEqualTo(plain);
    }

    @Test
    void aKeyWhoseSecretIsElsewhereHasLinesThatNameTheKeyFileToFillIn() throws IOException {
        Path theirs = tmp.resolve("their key.txt");
        AgeTool.Result keygen = AgeTool.run(List.of("age-keygen", "-o", theirs.toString()), new byte[0]);
        assertThat(keygen.exitCode()).as(keygen.stderr()).isZero();
        AgeKeyStore keys = store();
        keys.importRecipients("partner", List.of(AgeRecipient.parse(
                new String(AgeTool.run(List.of("age-keygen", "-y", theirs.toString()), new byte[0]).stdout(), StandardCharsets.US_ASCII))));
        String sheet = sheet(keys, "partner");
        assertThat(sheet).contains("NOT on this computer").doesNotContain(keys.secretFile("partner").toString());
        byte[] plain = plaintext(1000, 3);
        ageEncryptTo(keys.publicFile("partner"), plain, NAME + ".tar.age");
        String line = line(commandLines(sheet), "-o " + RecoverySheet.BACKUP + ".tar ");

        AgeTool.Result result = bash(fill(line, "unused").replace(RecoverySheet.KEY_FILE, ShellQuoting.quote(theirs.toString())), Map.of());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(Files.readAllBytes(tmp.resolve(NAME + ".tar"))).isEqualTo(plain);
    }

    /** In a folder whose name needs quoting, so that the sheet's quoting is tried too. */
    private AgeKeyStore store() {
        return new AgeKeyStore(tmp.resolve("my keys (Alice's)"), Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC), 10);
    }

    private static String sheet(AgeKeyStore keys, String name) {
        return RecoverySheet.of(keys.show(name), keys.secretFile(name), Instant.now());
    }

    /** The sheet's command lines: indented, starting with a program. */
    private static List<String> commandLines(String sheet) {
        return sheet.lines().filter(l -> l.startsWith("    ")).map(String::strip)
                .filter(l -> l.startsWith("age ") || l.startsWith("pg_restore ")).toList();
    }

    /** The first line with the text: the key's own lines come before the passphrase part's look-alikes. */
    private static String line(List<String> lines, String containing) {
        List<String> found = lines.stream().filter(l -> l.contains(containing)).toList();
        assertThat(found).as("a line with '" + containing + "' in " + lines).isNotEmpty();
        return found.get(0);
    }

    private static String fill(String line, String database) {
        return line.replace(RecoverySheet.BACKUP, NAME).replace(RecoverySheet.DATABASE, database);
    }

    private void ageEncryptTo(Path publicFile, byte[] plain, String target) throws IOException {
        Path plainFile = Files.write(tmp.resolve("plain-" + target), plain);
        AgeTool.Result result = AgeTool.run(List.of("age", "-R", publicFile.toString(), "-o", tmp.resolve(target).toString(),
                plainFile.toString()), new byte[0]);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        Files.delete(plainFile);
    }

    private AgeTool.Result bash(String line, Map<String, String> env) {
        StringBuilder exports = new StringBuilder();
        env.forEach((k, v) -> exports.append("export ").append(k).append('=').append(ShellQuoting.quote(v)).append("; "));
        return AgeTool.run(List.of("bash", "-c", "set -o pipefail; " + exports + "cd " + ShellQuoting.quote(tmp.toString())
                + " && " + line), new byte[0]);
    }

    private void runTool(TestServer server, String... command) throws IOException {
        PgTools.run(server, null, command);
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    private static long rows(TestServer server, String database) throws Exception {
        try (Connection c = server.connect(database); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from orders")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
