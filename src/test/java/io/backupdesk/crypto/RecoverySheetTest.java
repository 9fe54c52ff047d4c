package io.backupdesk.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a recovery sheet says about a key; {@code RecoverySheetIT} runs its command lines. */
class RecoverySheetTest {
    private static final Instant NOW = Instant.parse("2026-12-06T10:15:30.123Z");

    @TempDir
    Path dir;

    private AgeKeyStore store() {
        return new AgeKeyStore(dir.resolve("keys"), Clock.fixed(NOW, ZoneOffset.UTC), 4);
    }

    @Test
    void aKeyWithItsSecretHereIsNamedWithItsPublicKeyAndTheFullPathOfItsSecretKeyFile() throws Exception {
        AgeKeyStore keys = store();
        StoredKey key = keys.generate("offsite", null);

        String sheet = RecoverySheet.of(key, keys.secretFile("offsite"), NOW);

        assertThat(sheet).contains("Key \"offsite\", written 2026-12-06T10:15:30Z")
                .contains("    " + key.recipients().get(0).publicKey())
                .contains("    " + keys.secretFile("offsite"))
                .contains("not protected by a passphrase")
                .contains("KEEP A COPY OF THIS FILE ELSEWHERE")
                .contains("Without the secret key these backups cannot be restored");
        String secretLine = Files.readAllLines(keys.secretFile("offsite")).stream()
                .filter(l -> l.startsWith("AGE-SECRET-KEY-")).findFirst().orElseThrow();
        assertThat(sheet).doesNotContain(secretLine).doesNotContain("AGE-SECRET-KEY");
    }

    @Test
    void aProtectedKeySaysThatAgeAsksForThePassphraseAndNeverHoldsIt() {
        AgeKeyStore keys = store();
        StoredKey key;
        try (Passphrase protection = Passphrase.of("correct horse".toCharArray())) {
            key = keys.generate("vault", protection);
        }

        String sheet = RecoverySheet.of(key, keys.secretFile("vault"), NOW);

        assertThat(sheet).contains("It is protected by a passphrase: age asks for it").doesNotContain("correct horse");
    }

    @Test
    void aKeyWithoutItsSecretHereSaysSoAndUsesAWordToFillIn() {
        AgeKeyStore keys = store();
        StoredKey key = keys.importRecipients("partner", List.of(AgeIdentity.generate().recipient(), AgeIdentity.generate().recipient()));

        String sheet = RecoverySheet.of(key, keys.secretFile("partner"), NOW);

        assertThat(sheet).contains("Public keys (they encrypt").contains(key.recipients().get(1).publicKey())
                .contains("The secret key is NOT on this computer")
                .contains("age -d -i KEYFILE -o BACKUP.dump BACKUP.dump.age")
                .doesNotContain(keys.secretFile("partner").toString());
    }

    @Test
    void everyFormatHasItsLineAndThePathIsQuotedForAShell() {
        AgeKeyStore keys = new AgeKeyStore(dir.resolve("Alice's keys"), Clock.fixed(NOW, ZoneOffset.UTC), 4);
        StoredKey key = keys.generate("offsite", null);
        String quoted = "'" + dir.resolve("Alice'\\''s keys").resolve("offsite.key") + "'";

        String sheet = RecoverySheet.of(key, keys.secretFile("offsite"), NOW);

        assertThat(sheet).contains("age -d -i " + quoted + " -o BACKUP.dump BACKUP.dump.age")
                .contains("pg_restore -d DBNAME BACKUP.dump")
                .contains("age -d -i " + quoted + " BACKUP.dump.age | pg_restore -d DBNAME")
                .contains("age -d -i " + quoted + " -o BACKUP.tar BACKUP.tar.age")
                .contains("pg_restore -d DBNAME BACKUP.tar")
                .contains("age -d -i " + quoted + " BACKUP.sql.gz.age | gunzip | psql -d DBNAME")
                .contains("age -d -i " + quoted + " BACKUP.globals.sql.age | psql -d postgres")
                .contains("age -d -o BACKUP.dump BACKUP.dump.age");
    }
}
