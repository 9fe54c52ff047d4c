package io.backupdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.store.Json;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.Cli;
import io.backupdesk.testing.Fixtures;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Encrypted backups made by the command line and opened by the real {@code age} tool: what a user does when Backup
 * Desk is gone.
 */
@ExtendWith(PostgresServerExtension.class)
class EncryptedBackupIT {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = BackupFormat.class, names = {"CUSTOM", "TAR", "PLAIN"})
    void aBackupEncryptedToAKeyIsOpenedByTheAgeToolAndRestoredByTheRawTools(BackupFormat format, TestServer server)
            throws Exception {
        String db = shopWithRows(server);
        assertThat(cli("", "keys", "generate", "office").code()).isZero();

        Cli.Run made = cli("", "backup", "prod", "--encrypt-to", "office", "--format", format.cliName(), "--globals", "--json");

        assertThat(made.code()).as(made.err()).isZero();
        JsonNode backup = Json.mapper().readTree(made.out());
        Path archive = Path.of(backup.get("path").asText());
        String ending = switch (format) {
            case CUSTOM -> ".dump.age";
            case TAR -> ".tar.age";
            default -> ".sql.gz.age";
        };
        assertThat(archive.getFileName().toString()).endsWith(ending);
        assertThat(backup.get("encrypted").asBoolean()).isTrue();
        assertThat(backup.get("recipients").get(0).asText()).isEqualTo(publicKeyOf("office"));
        assertThat(backup.get("status").asText()).as("read back as it was written").isEqualTo("verified");
        assertThat(new String(Files.readAllBytes(archive), 0, 21, StandardCharsets.US_ASCII)).isEqualTo("age-encryption.org/v1");
        assertThat(cli("", "list").out()).contains("[encrypted]");
        Path globals = Path.of(backup.get("globalsPath").asText());
        assertThat(globals.getFileName().toString()).endsWith(".globals.sql.age");

        Path plain = dir.resolve("opened" + ending.substring(0, ending.length() - 4));
        age("-d", "-i", dir.resolve("config/keys/office.key").toString(), "-o", plain.toString(), archive.toString());
        String copy = server.createDatabase();
        PgTools.restore(server, copy, plain, format);
        assertThat(PgTools.rowCounts(server, copy)).isEqualTo(PgTools.rowCounts(server, db));
        assertThat(PgTools.schema(server, copy).replace(copy, "DB")).isEqualTo(PgTools.schema(server, db).replace(db, "DB"));
        Path roles = dir.resolve("roles.sql");
        age("-d", "-i", dir.resolve("config/keys/office.key").toString(), "-o", roles.toString(), globals.toString());
        assertThat(Files.readString(roles)).contains("CREATE ROLE " + server.user());
    }

    @ParameterizedTest
    @EnumSource(value = BackupFormat.class, names = {"CUSTOM", "PLAIN"})
    void verifyChecksTheEncryptedFileWithoutTheKeyAndFindsItDamaged(BackupFormat format, TestServer server)
            throws Exception {
        shopWithRows(server);
        assertThat(cli("", "keys", "generate", "office").code()).isZero();
        JsonNode backup = Json.mapper().readTree(cli("", "backup", "prod", "--encrypt-to", "office", "--format",
                format.cliName(), "--json").out());
        String id = backup.get("id").asText();
        Path archive = Path.of(backup.get("path").asText());
        // the secret key is gone: only the public key is left on this desk
        Files.delete(dir.resolve("config/keys/office.key"));

        Cli.Run intact = cli("", "verify", id);
        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(archive, bytes);
        Cli.Run damaged = cli("", "verify", id);

        assertThat(intact.code()).as(intact.out() + intact.err()).isZero();
        assertThat(intact.out()).contains("checksum of the encrypted file matched");
        assertThat(damaged.code()).isEqualTo(1);
        assertThat(damaged.out() + damaged.err()).contains("checksum does not match");
    }

    private String shopWithRows(TestServer server) {
        return Fixtures.shopWithProfile(server, new Cli(dir.resolve("config"), dir.resolve("backups")));
    }

    private String publicKeyOf(String key) throws IOException {
        return Files.readAllLines(dir.resolve("config/keys/" + key + ".pub")).stream()
                .filter(l -> l.startsWith("age1")).findFirst().orElseThrow();
    }

    private static void age(String... args) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Stream.concat(Stream.of("age"), Arrays.stream(args)).toList())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }

    private Cli.Run cli(String stdin, String... args) {
        return new Cli(dir.resolve("config"), dir.resolve("backups")).withInput(stdin, args);
    }
}
