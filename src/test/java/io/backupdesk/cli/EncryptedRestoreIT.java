package io.backupdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.pg.ClientTool;
import io.backupdesk.store.Json;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.Cli;
import io.backupdesk.testing.Fixtures;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Restoring encrypted backups: with the key, refused without it or with the wrong one, and the copy cleaned up. */
@ExtendWith(PostgresServerExtension.class)
class EncryptedRestoreIT {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = BackupFormat.class, names = {"CUSTOM", "TAR", "PLAIN"})
    void anEncryptedBackupIsRestoredWithTheStoredKeyStreamedWithoutAPlaintextCopy(BackupFormat format,
                                                                                TestServer server) throws Exception {
        String db = shop(server);
        assertThat(cli("", "keys", "generate", "office").code()).isZero();
        String id = backUp("--encrypt-to", "office", "--format", format.cliName());
        String copy = server.reserveName();

        Cli.Run restored = cli("", "restore", id, "--target", "prod", "--database", copy, "--mode", "new-database", "--json");

        assertThat(restored.code()).as(restored.out() + restored.err()).isZero();
        assertThat(PgTools.rowCounts(server, copy)).isEqualTo(PgTools.rowCounts(server, db));
        assertThat(PgTools.schema(server, copy).replace(copy, "DB")).isEqualTo(PgTools.schema(server, db).replace(db, "DB"));
        assertThat(dir.resolve("config/runs/decrypted")).as("streamed: no plaintext copy was made").doesNotExist();
    }

    @Test
    void aSafeReplaceAndAnInPlaceRestoreOfAnEncryptedBackupPutTheDatabaseBackAsItWas(TestServer server) throws Exception {
        String db = shop(server);
        assertThat(cli("", "keys", "generate", "office").code()).isZero();
        String id = backUp("--encrypt-to", "office");
        Map<String, Long> before = PgTools.rowCounts(server, db);

        server.execute(db, "delete from shop.orders where id > 100");
        Cli.Run replaced = cli("", "restore", id, "--target", "prod", "--yes", "--terminate-sessions");
        Map<String, Long> afterReplace = PgTools.rowCounts(server, db);
        server.execute(db, "insert into shop.customers values (9999, 'made since')");
        Cli.Run inPlace = cli("", "restore", id, "--target", "prod", "--mode", "in-place", "--yes",
                "--terminate-sessions");

        assertThat(replaced.code()).as(replaced.out() + replaced.err()).isZero();
        assertThat(afterReplace).isEqualTo(before);
        assertThat(inPlace.code()).as(inPlace.out() + inPlace.err()).isZero();
        assertThat(PgTools.rowCounts(server, db)).isEqualTo(before);
        assertThat(decryptedCopies()).isEmpty();
    }

    @Test
    void withoutTheKeyWithAnotherKeyOrAWrongPassphraseTheRestoreIsRefusedBeforeAnythingChanges(TestServer server)
            throws Exception {
        shop(server);
        assertThat(cli("", "keys", "generate", "office").code()).isZero();
        String toKey = backUp("--encrypt-to", "office");
        String withPassphrase = json(cli("right horse\n", "backup", "prod", "--passphrase-stdin", "--json")).get("id").asText();
        String publicKey = Files.readAllLines(dir.resolve("config/keys/office.pub")).stream()
                .filter(l -> l.startsWith("age1")).findFirst().orElseThrow();
        Path otherKey = dir.resolve("other.key");
        assertThat(new ProcessBuilder("age-keygen", "-o", otherKey.toString()).start().waitFor()).isZero();
        Files.move(dir.resolve("config/keys/office.key"), dir.resolve("office.key.kept"));
        String target = server.reserveName();

        Cli.Run noKey = cli("", "restore", toKey, "--target", "prod", "--database", target, "--mode", "new-database");
        Cli.Run wrongKey = cli("", "restore", toKey, "--target", "prod", "--database", target, "--mode", "new-database",
                "--identity", otherKey.toString());
        Cli.Run wrongPassphrase = cli("wrong horse\n", "restore", withPassphrase, "--target", "prod", "--database", target,
                "--mode", "new-database", "--passphrase-stdin");
        Cli.Run rightKeyFile = cli("", "restore", toKey, "--target", "prod", "--database", target, "--mode", "new-database",
                "--identity", dir.resolve("office.key.kept").toString());

        assertThat(noKey.code()).isNotZero();
        assertThat(noKey.err()).contains(publicKey).contains("no secret key");
        assertThat(wrongKey.code()).isNotZero();
        assertThat(wrongKey.err()).contains(publicKey);
        assertThat(wrongPassphrase.code()).isNotZero();
        assertThat(wrongPassphrase.err()).containsIgnoringCase("passphrase");
        assertThat(rightKeyFile.code()).as("the same target, untouched by the refusals: " + rightKeyFile.err()).isZero();
        try (Connection c = server.connect(target); ResultSet rs = c.createStatement()
                .executeQuery("select count(*) from shop.orders")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(5000);
        }
    }

    @Test
    void aPassphraseBackupOpensWithAgeThroughATerminalAndRestoresWithThePassphrase(TestServer server) throws Exception {
        String db = shop(server);
        JsonNode made = json(cli("right horse\n", "backup", "prod", "--passphrase-stdin", "--json"));
        Path archive = Path.of(made.get("path").asText());
        assertThat(made.get("encrypted").asBoolean()).isTrue();
        assertThat(made.get("recipients")).isEmpty();

        Path plain = dir.resolve("opened.dump");
        // age reads a passphrase only from a terminal: script(1) gives it one
        Process age = new ProcessBuilder("script", "-qec", "age -d -o '" + plain + "' '" + archive + "'", "/dev/null")
                .redirectErrorStream(true).start();
        Thread.sleep(1000);
        age.getOutputStream().write("right horse\n".getBytes(StandardCharsets.UTF_8));
        age.getOutputStream().flush();
        assertThat(age.waitFor(60, TimeUnit.SECONDS)).isTrue();
        age.getOutputStream().close();
        String copyByHand = server.createDatabase();
        PgTools.restore(server, copyByHand, plain, BackupFormat.CUSTOM);
        String copyByUs = server.reserveName();
        Cli.Run restored = cli("right horse\n", "restore", made.get("id").asText(), "--target", "prod", "--database", copyByUs,
                "--mode", "new-database", "--passphrase-stdin");

        assertThat(PgTools.rowCounts(server, copyByHand)).isEqualTo(PgTools.rowCounts(server, db));
        assertThat(restored.code()).as(restored.err()).isZero();
        assertThat(PgTools.rowCounts(server, copyByUs)).isEqualTo(PgTools.rowCounts(server, db));
    }

    @Test
    void aDumpEncryptedByTheAgeToolIsImportedReadInFullAndRestoredAndRefusedWithoutItsKey(TestServer server)
            throws Exception {
        String db = shop(server);
        assertThat(cli("", "keys", "generate", "office").code()).isZero();
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        Path dump = outside.resolve("nightly.dump");
        PgTools.run(server, null, PgTools.tool(ClientTool.PG_DUMP).toString(), "-Fc", "-f", dump.toString(), "--dbname=" + db);
        Path sealed = outside.resolve("nightly.age");
        assertThat(new ProcessBuilder("age", "-R", dir.resolve("config/keys/office.pub").toString(), "-o",
                sealed.toString(), dump.toString()).start().waitFor()).isZero();
        Files.delete(dump);
        Path foreign = outside.resolve("foreign.dump.age");
        Path foreignKey = dir.resolve("foreign.key");
        assertThat(new ProcessBuilder("age-keygen", "-o", foreignKey.toString()).start().waitFor()).isZero();
        assertThat(new ProcessBuilder("sh", "-c", "age-keygen -y '" + foreignKey + "' > '" + dir.resolve("foreign.pub")
                + "' && age -R '" + dir.resolve("foreign.pub") + "' -o '" + foreign + "' '" + sealed + "'").start().waitFor())
                .isZero();

        Cli.Run imported = cli("", "import", sealed.toString(), "--profile", "prod", "--json");
        Cli.Run refused = cli("", "import", foreign.toString(), "--profile", "prod");

        JsonNode backup = json(imported);
        assertThat(backup.get("status").asText()).as("decrypted and read in full").isEqualTo("verified");
        assertThat(backup.get("encrypted").asBoolean()).isTrue();
        assertThat(backup.get("recipients").get(0).asText()).isEqualTo(Files.readAllLines(
                dir.resolve("config/keys/office.pub")).stream().filter(l -> l.startsWith("age1")).findFirst().orElseThrow());
        assertThat(Path.of(backup.get("path").asText()).getFileName().toString()).isEqualTo("nightly.dump.age");
        assertThat(refused.code()).isNotZero();
        assertThat(refused.err()).contains("No key stored here opens foreign.dump.age");
        String copy = server.reserveName();
        Cli.Run restored = cli("", "restore", backup.get("id").asText(), "--target", "prod", "--database", copy,
                "--mode", "new-database");
        assertThat(restored.code()).as(restored.err()).isZero();
        assertThat(PgTools.rowCounts(server, copy)).isEqualTo(PgTools.rowCounts(server, db));
    }

    @Test
    void aDecryptedCopyLeftByAKilledRunIsRemovedAtTheNextStartButOneInUseIsNot() throws Exception {
        Path abandoned = Files.createDirectories(dir.resolve("config/runs/decrypted/abc123"));
        Files.writeString(abandoned.resolve("shop.dump"), "plaintext rows");
        Files.writeString(abandoned.resolve(".in-use"), "");
        Path inUse = Files.createDirectories(dir.resolve("config/runs/decrypted/def456"));
        Files.writeString(inUse.resolve("shop.dump"), "plaintext rows");

        try (FileChannel held = FileChannel.open(Files.createFile(inUse.resolve(".in-use")), StandardOpenOption.WRITE);
             FileLock lock = held.lock()) {
            assertThat(cli("", "list").code()).isZero();
            assertThat(inUse.resolve("shop.dump")).as("a restore still reads it").exists();
        }

        assertThat(abandoned).doesNotExist();
    }

    private Stream<Path> decryptedCopies() throws IOException {
        Path folder = dir.resolve("config/runs/decrypted");
        return Files.isDirectory(folder) ? Files.list(folder) : Stream.empty();
    }

    private String shop(TestServer server) {
        return Fixtures.shopWithProfile(server, new Cli(dir.resolve("config"), dir.resolve("backups")));
    }

    private String backUp(String... options) throws IOException {
        String[] args = Stream.concat(Stream.of("backup", "prod", "--json"), Arrays.stream(options)).toArray(String[]::new);
        return json(cli("", args)).get("id").asText();
    }

    private static JsonNode json(Cli.Run run) throws IOException {
        assertThat(run.code()).as(run.err()).isZero();
        return Json.mapper().readTree(run.out());
    }

    private Cli.Run cli(String stdin, String... args) {
        return new Cli(dir.resolve("config"), dir.resolve("backups")).withInput(stdin, args);
    }
}
