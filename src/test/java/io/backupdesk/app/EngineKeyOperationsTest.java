package io.backupdesk.app;

import io.backupdesk.crypto.RecipientsFile;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.engine.Engine;
import io.backupdesk.ui.settings.KeyOperations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The Keys section's operations on a real engine's key store, in a temporary configuration folder. */
class EngineKeyOperationsTest {
    @TempDir
    Path dir;
    private Engine engine;
    private KeyOperations keys;

    @BeforeEach
    void setUp() {
        engine = new Engine(new AppPaths(dir.resolve("config"), dir.resolve("config")), dir.resolve("backups"), w -> { });
        keys = new EngineKeyOperations(engine, Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void keysAreListedWithTheSecretKeyFileOfTheEnginesKeyFolder() {
        StoredKey made = keys.generate("offsite", null);

        assertThat(keys.list()).singleElement().satisfies(listed -> {
            assertThat(listed.key()).isEqualTo(made);
            assertThat(listed.secretFile()).isEqualTo(dir.resolve("config").resolve("keys").resolve("offsite.key"));
        });
    }

    @Test
    void theExportedPublicKeyIsARecipientsFileWithTheKeysPublicKey() {
        StoredKey made = keys.generate("offsite", null);
        Path target = dir.resolve("offsite.pub");

        keys.exportPublicKey("offsite", target);

        assertThat(RecipientsFile.read(target)).isEqualTo(made.recipients());
    }

    @Test
    void theRecoverySheetIsWrittenAsUtf8TextWithTheKeyAndWhenItWasWritten() throws Exception {
        StoredKey made = keys.importPublicKey("partner", engine.keys().generate("tmp", null).recipients().get(0).publicKey());
        Path target = dir.resolve("Schlüssel – partner.txt");

        keys.saveRecoverySheet("partner", target);

        String sheet = Files.readString(target, StandardCharsets.UTF_8);
        assertThat(sheet).contains("Key \"partner\", written 2026-12-06T10:00:00Z")
                .contains(made.recipients().get(0).publicKey()).contains("NOT on this computer");
    }
}
