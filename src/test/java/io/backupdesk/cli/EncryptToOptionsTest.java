package io.backupdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupdesk.crypto.AgeIdentity;
import io.backupdesk.store.Json;
import io.backupdesk.store.ProfileStore;
import io.backupdesk.store.ScheduleStore;
import io.backupdesk.testing.Cli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --encrypt-to} on {@code profiles add} and {@code schedule add}: a key made with {@code keys generate} or an
 * age1… public key is checked and kept, shown in the lists, and an entry that is neither is refused before anything
 * is saved.
 */
class EncryptToOptionsTest {
    private static final String THEIRS = AgeIdentity.generate().recipient().publicKey();
    private static final String URL = "postgresql://app@db1:5432/sales";

    @TempDir
    Path config;

    @BeforeEach
    void aStoredKey() {
        Cli.Run made = cli("keys", "generate", "ops-key");
        assertThat(made.code()).as(made.err()).isZero();
    }

    @Test
    void aProfileKeepsAStoredKeyAndAPublicKeyAndListsThem() throws IOException {
        Cli.Run added = cli("profiles", "add", "sales", "--url", URL, "--encrypt-to", "ops-key", "--encrypt-to", THEIRS);

        assertThat(added.code()).as(added.err()).isZero();
        assertThat(added.out()).contains("saved: app@db1:5432/sales; backups encrypted to ops-key, "
                + THEIRS.substring(0, 12) + "…" + THEIRS.substring(58));
        assertThat(profiles().require("sales").encryptTo()).containsExactly("ops-key", THEIRS);
        assertThat(cli("profiles", "list").out()).containsPattern("ENCRYPTED TO\\R")
                .containsPattern("sales +app@db1:5432/sales +prefer +not stored +ops-key, age1");
        JsonNode listed = Json.mapper().readTree(cli("profiles", "list", "--json").out());
        assertThat(listed.get(0).get("encryptTo")).hasSize(2);
        assertThat(listed.get(0).get("encryptTo").get(1).asText()).isEqualTo(THEIRS);
    }

    @Test
    void anEntryThatIsNeitherAStoredKeyNorAPublicKeyIsRefusedAndNothingIsSaved() {
        Cli.Run unknown = cli("profiles", "add", "sales", "--url", URL, "--encrypt-to", "no-such-key");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("error: ").contains("no-such-key").contains("hint: ");

        Cli.Run damaged = cli("profiles", "add", "sales", "--url", URL, "--encrypt-to", THEIRS.substring(0, 61) + "q");
        assertThat(damaged.code()).isEqualTo(2);
        assertThat(damaged.err()).contains("is damaged");
        assertThat(profiles().find("sales")).isEmpty();
    }

    @Test
    void replacingAProfileKeepsItsKeysUnlessItIsToldOtherwise() {
        cli("profiles", "add", "sales", "--url", URL, "--encrypt-to", "ops-key");

        Cli.Run moved = cli("profiles", "add", "sales", "--url", "postgresql://app@db2:5432/sales");
        assertThat(moved.out()).contains("replaced: app@db2:5432/sales; backups encrypted to ops-key (kept)");
        assertThat(profiles().require("sales").encryptTo()).containsExactly("ops-key");

        Cli.Run both = cli("profiles", "add", "sales", "--url", URL, "--encrypt-to", "ops-key", "--no-encryption");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("--encrypt-to and --no-encryption were both given");

        Cli.Run plain = cli("profiles", "add", "sales", "--url", URL, "--no-encryption");
        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(plain.out()).contains("its backups are no longer encrypted");
        assertThat(profiles().require("sales").encryptTo()).isEmpty();
    }

    @Test
    void aScheduleKeepsItsOwnKeysAndOtherwiseListsTheProfilesAsItsOwn() throws IOException {
        cli("profiles", "add", "sales", "--url", URL, "--encrypt-to", "ops-key");
        Cli.Run own = cli("schedule", "add", "sales", "--cron", "30 2 * * *", "--zone", "UTC", "--encrypt-to", THEIRS);
        assertThat(own.code()).as(own.err()).isZero();
        Cli.Run inherits = cli("schedule", "add", "sales", "--cron", "0 3 * * *", "--zone", "UTC");
        assertThat(inherits.code()).as(inherits.err()).isZero();

        assertThat(new ScheduleStore(config, w -> { }).list()).extracting(s -> s.options().encryptTo())
                .containsExactlyInAnyOrder(List.of(THEIRS), List.of());
        assertThat(cli("schedule", "list").out()).contains("ENCRYPTED TO").contains(THEIRS.substring(0, 12) + "…")
                .contains("ops-key (profile)");
        JsonNode listed = Json.mapper().readTree(cli("schedule", "list", "--json").out());
        assertThat(listed).hasSize(2).allSatisfy(s -> {
            boolean ownKeys = s.get("cron").asText().startsWith("30");
            assertThat(s.get("encryptTo").toString()).isEqualTo(ownKeys ? "[\"" + THEIRS + "\"]" : "[]");
            assertThat(s.get("encryptedTo").toString()).isEqualTo(ownKeys ? "[\"" + THEIRS + "\"]" : "[\"ops-key\"]");
        });
    }

    @Test
    void aScheduleRefusesAnUnknownKeyAndAnEncryptedDirectoryBackup() {
        cli("profiles", "add", "sales", "--url", URL);

        Cli.Run unknown = cli("schedule", "add", "sales", "--cron", "30 2 * * *", "--encrypt-to", "gone");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("gone");
        Cli.Run directory = cli("schedule", "add", "sales", "--cron", "30 2 * * *", "--format", "directory",
                "--encrypt-to", "ops-key");
        assertThat(directory.code()).isEqualTo(2);
        assertThat(directory.err()).contains("directory format cannot be encrypted").contains("--format custom");
        assertThat(new ScheduleStore(config, w -> { }).list()).isEmpty();
    }

    private ProfileStore profiles() {
        return new ProfileStore(config, w -> { });
    }

    private Cli.Run cli(String... args) {
        return new Cli(config).run(args);
    }
}
