package io.backupdesk.crypto;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.backupdesk.crypto.AgeStreams.decrypt;
import static io.backupdesk.crypto.AgeStreams.encrypt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgeKeyStoreTest {
    private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

    @TempDir
    Path tmp;

    private Path folder() {
        return tmp.resolve("config").resolve("keys");
    }

    private AgeKeyStore store() {
        return new AgeKeyStore(folder(), Clock.fixed(NOW, ZoneOffset.UTC), 4);
    }

    private static Passphrase passphrase(String text) {
        return Passphrase.of(text.toCharArray());
    }

    @Test
    void aGeneratedKeyIsASecretKeyFileAndAPublicKeyFileBothOwnerOnly() throws IOException {
        StoredKey key = store().generate("prod", null);

        assertThat(key).isEqualTo(new StoredKey("prod", key.recipients(), true, false, ""));
        assertThat(Files.readString(folder().resolve("prod.key")))
                .isEqualTo("# created: 2026-03-04T05:06:07Z\n# public key: " + key.recipients().get(0) + "\n"
                        + store().identities("prod", null).get(0).secretKey() + "\n");
        assertThat(Files.readString(folder().resolve("prod.pub"))).endsWith("\n" + key.recipients().get(0) + "\n").contains("# ");
        for (String file : List.of("prod.key", "prod.pub")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder().resolve(file)))).isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder()))).isEqualTo("rwx------");
    }

    @Test
    void whatIsEncryptedToAStoredKeysPublicKeyOpensWithItsSecretKey() throws IOException {
        AgeKeyStore store = store();
        store.generate("prod", null);

        byte[] sealed = encrypt(AgeEncryptor.toRecipients(store.recipients("prod")), "dump".getBytes(StandardCharsets.UTF_8));

        assertThat(decrypt(AgeDecryptor.withIdentities(store.identities("prod", null)), sealed)).asString().isEqualTo("dump");
    }

    @Test
    void aProtectedKeyEncryptsWithoutItsPassphraseAndDecryptsOnlyWithIt() throws IOException {
        AgeKeyStore store = store();
        try (Passphrase protection = passphrase("s3cret")) {
            assertThat(store.generate("offsite", protection).passphraseProtected()).isTrue();
        }
        assertThat(new String(Files.readAllBytes(store.secretFile("offsite")), 0, 22, StandardCharsets.US_ASCII))
                .isEqualTo("age-encryption.org/v1\n");

        byte[] sealed = encrypt(AgeEncryptor.toRecipients(store.recipients("offsite")), new byte[] {1, 2, 3});

        assertThatThrownBy(() -> store.identities("offsite", null)).isInstanceOfSatisfying(CryptoException.class,
                e -> assertThat(e.failure()).isEqualTo(CryptoException.Failure.PASSPHRASE_REQUIRED));
        try (Passphrase wrong = passphrase("secret"); Passphrase right = passphrase("s3cret")) {
            assertThatThrownBy(() -> store.identities("offsite", wrong)).isInstanceOfSatisfying(CryptoException.class,
                    e -> assertThat(e.failure()).isEqualTo(CryptoException.Failure.WRONG_PASSPHRASE));
            assertThat(decrypt(AgeDecryptor.withIdentities(store.identities("offsite", right)), sealed)).containsExactly(1, 2, 3);
        }
    }

    @Test
    void theListShowsEveryKeyByNameWithoutNeedingASecretOrPassphrase() {
        AgeKeyStore store = store();
        try (Passphrase protection = passphrase("pw")) {
            store.generate("b-offsite", protection);
        }
        store.generate("a-prod", null);
        store.importRecipients("c-team", List.of(AgeIdentity.generate().recipient(), AgeIdentity.generate().recipient()));

        assertThat(store.list()).extracting(StoredKey::name, StoredKey::hasSecretKey, StoredKey::passphraseProtected, k -> k.recipients().size())
                .containsExactly(Tuple.tuple("a-prod", true, false, 1),
                        Tuple.tuple("b-offsite", true, true, 1),
                        Tuple.tuple("c-team", false, false, 2));
        assertThat(store.show("c-team").isUsable()).isTrue();
        assertThatThrownBy(() -> store.identities("c-team", null)).hasMessage("The key 'c-team' has only its public key here; it cannot decrypt.");
        assertThatThrownBy(() -> store.show("nope")).hasMessageStartingWith("There is no key named 'nope' in ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../prod", "a/b", ".hidden", "-dash", "with space", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void aNameThatIsNotAPortableFileNameIsRefused(String name) {
        assertThatThrownBy(() -> store().generate(name, null)).hasMessage("'" + name + "' is not a valid key name.");
        assertThat(folder()).doesNotExist();
    }

    @Test
    void aNameIsTakenOnceWhateverItsCase() {
        AgeKeyStore store = store();
        store.generate("Prod", null);

        assertThatThrownBy(() -> store.generate("Prod", null)).hasMessage("A key named 'Prod' exists already.");
        assertThatThrownBy(() -> store.importRecipients("prod", List.of(AgeIdentity.generate().recipient())))
                .hasMessage("A key named 'Prod' exists already.");
    }

    @Test
    void anAgeKeygenFileIsImportedWithItsPublicKeyAndARecipientsFileAsPublicKeysOnly() throws IOException {
        AgeIdentity identity = AgeIdentity.generate();
        Path keygen = Files.writeString(tmp.resolve("key.txt"), "# created: 2024-01-01T00:00:00+01:00\r\n# public key: "
                + identity.recipient() + "\r\n" + identity.secretKey() + "\r\n");
        AgeRecipient colleague = AgeIdentity.generate().recipient();
        Path team = Files.writeString(tmp.resolve("team.txt"), "# ops\n" + colleague + "\n\n" + identity.recipient() + "\n");
        AgeKeyStore store = store();

        StoredKey mine = store.importFile("mine", keygen, null);
        StoredKey theirs = store.importFile("team", team, null);

        assertThat(mine).isEqualTo(new StoredKey("mine", List.of(identity.recipient()), true, false, ""));
        assertThat(Files.readString(store.secretFile("mine"))).isEqualTo("# imported: 2026-03-04T05:06:07Z\n# public key: "
                + identity.recipient() + "\n" + identity.secretKey() + "\n");
        assertThat(store.identities("mine", null)).extracting(AgeIdentity::recipient).containsExactly(identity.recipient());
        assertThat(theirs).isEqualTo(new StoredKey("team", List.of(colleague, identity.recipient()), false, false, ""));
        assertThat(store.secretFile("team")).doesNotExist();
    }

    @Test
    void importRefusesWhatIsNotAKeyFileWithASentence() throws IOException {
        AgeKeyStore store = store();
        Path garbage = Files.writeString(tmp.resolve("notes.txt"), "# keys\nhello\n");
        Path big = Files.write(tmp.resolve("big"), new byte[KeyFileText.MAX_BYTES + 1]);
        Path plain = Files.writeString(tmp.resolve("key.txt"), IdentityFile.format(AgeIdentity.generate(), NOW));

        assertThatThrownBy(() -> store.importFile("x", garbage, null))
                .hasMessage("Line 2 of " + garbage + ": This is not an age public key: it does not start with age1.");
        assertThatThrownBy(() -> store.importFile("x", big, null)).hasMessageContaining("too large to be a key file");
        assertThatThrownBy(() -> store.importFile("x", tmp, null)).hasMessage(tmp + " is not a regular file.");
        assertThatThrownBy(() -> store.importFile("x", tmp.resolve("missing"), null)).hasMessage(tmp.resolve("missing") + " does not exist.");
        try (Passphrase passphrase = passphrase("pw")) {
            assertThatThrownBy(() -> store.importFile("x", plain, passphrase)).hasMessage(plain + " is not protected by a passphrase.");
        }
        assertThat(store.list()).isEmpty();
    }

    @Test
    void aKeyFileThatIsALinkIsNeverFollowedAndItsTargetStaysUntouched() throws IOException {
        AgeKeyStore store = store();
        store.generate("real", null);
        Path outside = Files.writeString(tmp.resolve("outside.txt"), IdentityFile.format(AgeIdentity.generate(), NOW));
        Files.createSymbolicLink(folder().resolve("linked.key"), outside);
        Files.createSymbolicLink(folder().resolve("linked.pub"), store.publicFile("real"));

        StoredKey linked = store.show("linked");

        assertThat(linked.isUsable()).isFalse();
        assertThat(linked.problem()).contains("is a symbolic link; links in the key folder are not followed");
        assertThatThrownBy(() -> store.recipients("linked")).hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> store.identities("linked", null)).hasMessageContaining("symbolic link");
        store.remove("linked");
        assertThat(folder().resolve("linked.key")).doesNotExist();
        assertThat(outside).exists();
        assertThat(store.show("real").isUsable()).isTrue();
    }

    @Test
    void aDamagedOrSwappedPublicKeyFileIsListedWithItsProblemAndNeverEncryptedTo() throws IOException {
        AgeKeyStore store = store();
        store.generate("good", null);
        store.generate("swapped", null);
        store.generate("garbled", null);
        Files.writeString(store.publicFile("swapped"), AgeIdentity.generate().recipient() + "\n");
        Files.writeString(store.publicFile("garbled"), "age1garbage\n");

        List<StoredKey> keys = store.list();

        assertThat(keys).extracting(StoredKey::name).containsExactly("garbled", "good", "swapped");
        assertThat(keys.get(0).problem()).startsWith("Line 1 of " + store.publicFile("garbled"));
        assertThat(keys.get(1).isUsable()).isTrue();
        assertThat(keys.get(2).problem()).isEqualTo(store.publicFile("swapped") + " does not hold the public key of " + store.secretFile("swapped") + ".");
        assertThatThrownBy(() -> store.recipients("swapped")).hasMessageContaining("does not hold the public key");
    }

    @Test
    void aSecretKeyWithoutItsPublicFileStillListsWhenPlainAndSaysSoWhenProtected() throws IOException {
        AgeKeyStore store = store();
        StoredKey plain = store.generate("plain", null);
        try (Passphrase protection = passphrase("pw")) {
            store.generate("sealed", protection);
        }
        Files.delete(store.publicFile("plain"));
        Files.delete(store.publicFile("sealed"));

        assertThat(store.show("plain").recipients()).isEqualTo(plain.recipients());
        assertThat(store.show("sealed").problem()).isEqualTo("The public key file " + store.publicFile("sealed") + " is missing.");
        assertThatThrownBy(() -> store.recipients("sealed")).hasMessageContaining("is missing");
    }

    @Test
    void removingDeletesBothFilesAndAnUnknownNameSaysSo() {
        AgeKeyStore store = store();
        store.generate("old", null);

        store.remove("old");

        assertThat(store.secretFile("old")).doesNotExist();
        assertThat(store.publicFile("old")).doesNotExist();
        assertThat(store.list()).isEmpty();
        assertThatThrownBy(() -> store.remove("old")).hasMessageStartingWith("There is no key named 'old'");
    }
}
