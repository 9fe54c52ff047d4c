package io.backupdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupdesk.store.Json;
import io.backupdesk.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code backupdesk keys}: keys the real {@code age} tool encrypts to and decrypts with, and their listing. */
class KeysCommandIT {
    @TempDir
    Path dir;

    @Test
    void aGeneratedKeyEncryptsAndDecryptsWithTheAgeToolAndIsListedWithoutItsSecret() throws Exception {
        Cli.Run made = cli("", "keys", "generate", "office");
        assertThat(made.code()).as(made.err()).isZero();
        String publicKey = made.out().lines().filter(l -> l.strip().startsWith("age1")).findFirst().orElseThrow().strip();
        Path secret = dir.resolve("config/keys/office.key");
        Path pub = dir.resolve("config/keys/office.pub");

        Path plain = Files.writeString(dir.resolve("note.txt"), "rows of the shop\n");
        Path sealed = dir.resolve("note.txt.age");
        assertThat(run("age", "-e", "-R", pub.toString(), "-o", sealed.toString(), plain.toString())).isZero();
        Path opened = dir.resolve("opened.txt");
        assertThat(run("age", "-d", "-i", secret.toString(), "-o", opened.toString(), sealed.toString())).isZero();
        assertThat(opened).hasContent("rows of the shop");
        assertThat(run("age", "-e", "-r", publicKey, "-o", dir.resolve("again.age").toString(), plain.toString()))
                .as("the printed public key is the key's").isZero();

        Cli.Run sheet = cli("", "keys", "sheet", "office");
        assertThat(sheet.code()).as(sheet.err()).isZero();
        assertThat(sheet.out()).contains(publicKey).contains(secret.toString()).contains("age -d")
                .doesNotContain("AGE-SECRET-KEY");

        Cli.Run shown = cli("", "keys", "show", "office");
        assertThat(shown.out()).startsWith(publicKey).contains(secret.toString()).doesNotContain("AGE-SECRET-KEY");
        JsonNode listed = Json.mapper().readTree(cli("", "keys", "list", "--json").out());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("name").asText()).isEqualTo("office");
        assertThat(listed.get(0).get("publicKeys").get(0).asText()).isEqualTo(publicKey);
        assertThat(listed.get(0).get("hasSecretKey").asBoolean()).isTrue();
        assertThat(listed.toString()).doesNotContain("AGE-SECRET-KEY");
    }

    @Test
    void aPassphraseProtectsTheSecretKeyFileAsAgeDoes() throws Exception {
        Cli.Run made = cli("correct horse battery\n", "keys", "generate", "vault", "--passphrase-stdin");
        assertThat(made.code()).as(made.err()).isZero();
        byte[] secret = Files.readAllBytes(dir.resolve("config/keys/vault.key"));
        assertThat(new String(secret, StandardCharsets.US_ASCII)).startsWith("age-encryption.org/v1")
                .doesNotContain("AGE-SECRET-KEY");
        JsonNode listed = Json.mapper().readTree(cli("", "keys", "list", "--json").out());
        assertThat(listed.get(0).get("passphraseProtected").asBoolean()).isTrue();
    }

    @Test
    void aPublicKeyAloneIsKeptAndASecretKeyIsRemovedOnlyWhenConfirmed() throws Exception {
        assertThat(cli("", "keys", "generate", "office").code()).isZero();
        String theirs = new String(new ProcessBuilder("age-keygen").start().getInputStream().readAllBytes(),
                StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("# public key: ")).findFirst().orElseThrow()
                .substring("# public key: ".length());
        Cli.Run kept = cli("", "keys", "import", "partner", theirs);
        assertThat(kept.code()).as(kept.err()).isZero();
        assertThat(cli("", "keys", "list").out()).contains("partner").contains("elsewhere").contains(theirs);

        Cli.Run refused = cli("", "keys", "remove", "office");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("will be deleted").contains("add --yes");
        assertThat(dir.resolve("config/keys/office.key")).exists();
        assertThat(cli("", "keys", "remove", "office", "--yes").code()).isZero();
        assertThat(dir.resolve("config/keys/office.key")).doesNotExist();
        assertThat(cli("", "keys", "remove", "partner").code()).as("no secret key, nothing to confirm").isZero();
    }

    private int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        p.getInputStream().transferTo(System.out);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    private Cli.Run cli(String stdin, String... args) {
        return new Cli(dir.resolve("config")).withInput(stdin, args);
    }
}
