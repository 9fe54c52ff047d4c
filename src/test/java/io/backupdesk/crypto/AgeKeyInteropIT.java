package io.backupdesk.crypto;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static io.backupdesk.crypto.AgeStreams.decrypt;
import static io.backupdesk.crypto.AgeStreams.encrypt;
import static io.backupdesk.crypto.AgeStreams.plaintext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Public-key encryption both ways between us and the real age 1.1 tools, with key files made by either side. */
class AgeKeyInteropIT {
    private static final int CHUNK = 64 * 1024;

    @TempDir
    Path tmp;

    @BeforeAll
    static void theToolsAreThere() {
        AgeTool.requireInstalled();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, CHUNK, 3 * CHUNK + 17})
    void whatWeEncryptToOurKeyAgeDecryptsWithOurIdentityFile(int size) throws IOException {
        AgeIdentity identity = AgeIdentity.generate();
        Path keyFile = Files.writeString(tmp.resolve("key.txt"), IdentityFile.format(identity, Instant.now()));
        byte[] plain = plaintext(size, size);
        Path sealed = Files.write(tmp.resolve("backup.age"), encrypt(AgeEncryptor.toRecipients(List.of(identity.recipient())), plain));

        AgeTool.Result result = AgeTool.run(List.of("age", "--decrypt", "-i", keyFile.toString(), sealed.toString()), new byte[0]);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo(plain);
    }

    @Test
    void ageKeygenDerivesFromOurIdentityFileThePublicKeyWeDerive() throws IOException {
        AgeIdentity identity = AgeIdentity.generate();
        Path keyFile = Files.writeString(tmp.resolve("key.txt"), IdentityFile.format(identity, Instant.now()));

        AgeTool.Result result = AgeTool.run(List.of("age-keygen", "-y", keyFile.toString()), new byte[0]);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(new String(result.stdout(), StandardCharsets.US_ASCII).strip()).isEqualTo(identity.recipient().publicKey());
    }

    @Test
    void whatWeEncryptToAnAgeKeygenPublicKeyAgeDecryptsWithThatKey() throws IOException {
        Path keyFile = ageKeygen("theirs.txt");
        AgeRecipient theirs = AgeRecipient.parse(publicKeyOf(keyFile));
        AgeIdentity ours = AgeIdentity.generate();
        byte[] plain = plaintext(2 * CHUNK + 3, 1);
        Path sealed = Files.write(tmp.resolve("backup.age"),
                encrypt(AgeEncryptor.toRecipients(List.of(ours.recipient(), theirs)), plain));

        AgeTool.Result result = AgeTool.run(List.of("age", "-d", "-i", keyFile.toString(), sealed.toString()), new byte[0]);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo(plain);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, CHUNK, 3 * CHUNK + 17})
    void whatAgeEncryptsToOurPublicKeyWeDecrypt(int size) throws IOException {
        AgeIdentity identity = AgeIdentity.generate();
        byte[] plain = plaintext(size, size + 1);

        AgeTool.Result sealed = AgeTool.run(List.of("age", "-e", "-r", identity.recipient().publicKey()), plain);

        assertThat(sealed.exitCode()).as(sealed.stderr()).isZero();
        assertThat(decrypt(AgeDecryptor.withIdentities(List.of(identity)), sealed.stdout())).isEqualTo(plain);
    }

    @Test
    void anAgeKeygenIdentityFileOpensWhatAgeEncryptedToSeveralRecipients() throws IOException {
        Path keyFile = ageKeygen("theirs.txt");
        byte[] plain = plaintext(CHUNK + 1, 2);
        AgeTool.Result sealed = AgeTool.run(List.of("age", "-e", "-r", AgeIdentity.generate().recipient().publicKey(),
                "-r", publicKeyOf(keyFile)), plain);

        List<AgeIdentity> identities = IdentityFile.read(keyFile, null);

        assertThat(identities).hasSize(1);
        assertThat(decrypt(AgeDecryptor.withIdentities(identities), sealed.stdout())).isEqualTo(plain);
    }

    @Test
    void ageEncryptsToTheStoresPublicKeyFileAndTheStoresSecretKeyFileOpensItInAge() throws IOException {
        AgeKeyStore store = new AgeKeyStore(tmp.resolve("keys"));
        store.generate("prod", null);
        byte[] plain = plaintext(1000, 3);

        AgeTool.Result sealed = AgeTool.run(List.of("age", "-e", "-R", store.publicFile("prod").toString()), plain);
        assertThat(sealed.exitCode()).as(sealed.stderr()).isZero();
        assertThat(decrypt(AgeDecryptor.withIdentities(store.identities("prod", null)), sealed.stdout())).isEqualTo(plain);

        Path ours = Files.write(tmp.resolve("ours.age"), encrypt(AgeEncryptor.toRecipients(store.recipients("prod")), plain));
        AgeTool.Result opened = AgeTool.run(List.of("age", "-d", "-i", store.secretFile("prod").toString(), ours.toString()), new byte[0]);
        assertThat(opened.exitCode()).as(opened.stderr()).isZero();
        assertThat(opened.stdout()).isEqualTo(plain);
    }

    @Test
    void anArmoredFileFromAgeDecryptsToo() throws IOException {
        AgeIdentity identity = AgeIdentity.generate();
        byte[] plain = plaintext(3 * CHUNK + 5, 4);

        AgeTool.Result sealed = AgeTool.run(List.of("age", "-e", "-a", "-r", identity.recipient().publicKey()), plain);

        assertThat(new String(sealed.stdout(), 0, 34, StandardCharsets.US_ASCII)).isEqualTo("-----BEGIN AGE ENCRYPTED FILE-----");
        assertThat(decrypt(AgeDecryptor.withIdentities(List.of(identity)), sealed.stdout())).isEqualTo(plain);
    }

    @Test
    void aDamagedOrCutFileFromAgeIsRefusedByUsAndOursByAge() throws IOException {
        AgeIdentity identity = AgeIdentity.generate();
        Path keyFile = Files.writeString(tmp.resolve("key.txt"), IdentityFile.format(identity, Instant.now()));
        byte[] plain = plaintext(2 * CHUNK, 5);
        byte[] theirs = AgeTool.run(List.of("age", "-e", "-r", identity.recipient().publicKey()), plain).stdout();
        byte[] flipped = theirs.clone();
        flipped[flipped.length - 100] ^= 0x40;

        assertThatThrownBy(() -> decrypt(AgeDecryptor.withIdentities(List.of(identity)), flipped))
                .isInstanceOf(DamagedCiphertextException.class);
        assertThatThrownBy(() -> decrypt(AgeDecryptor.withIdentities(List.of(identity)),
                Arrays.copyOf(theirs, AgeStreams.payloadStart(theirs) + CHUNK + 16)))
                .isInstanceOf(DamagedCiphertextException.class);

        byte[] ours = encrypt(AgeEncryptor.toRecipients(List.of(identity.recipient())), plain);
        Path cut = Files.write(tmp.resolve("cut.age"), Arrays.copyOf(ours, AgeStreams.payloadStart(ours) + CHUNK + 16));
        AgeTool.Result refused = AgeTool.run(List.of("age", "-d", "-i", keyFile.toString(), "-o",
                tmp.resolve("cut.out").toString(), cut.toString()), new byte[0]);
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("age: error");
    }

    @Test
    void theWrongKeyIsRefusedByUsAsByAge() throws IOException {
        Path keyFile = ageKeygen("stranger.txt");
        AgeIdentity owner = AgeIdentity.generate();
        Path sealed = Files.write(tmp.resolve("backup.age"), encrypt(AgeEncryptor.toRecipients(List.of(owner.recipient())), plaintext(10, 6)));

        AgeTool.Result refused = AgeTool.run(List.of("age", "-d", "-i", keyFile.toString(), sealed.toString()), new byte[0]);

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("no identity matched any of the recipients");
        assertThatThrownBy(() -> decrypt(AgeDecryptor.withIdentities(IdentityFile.read(keyFile, null)), Files.readAllBytes(sealed)))
                .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.failure()).isEqualTo(CryptoException.Failure.WRONG_KEY));
    }

    private Path ageKeygen(String name) {
        Path keyFile = tmp.resolve(name);
        AgeTool.Result made = AgeTool.run(List.of("age-keygen", "-o", keyFile.toString()), new byte[0]);
        assertThat(made.exitCode()).as(made.stderr()).isZero();
        return keyFile;
    }

    private static String publicKeyOf(Path keyFile) {
        AgeTool.Result result = AgeTool.run(List.of("age-keygen", "-y", keyFile.toString()), new byte[0]);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return new String(result.stdout(), StandardCharsets.US_ASCII).strip();
    }
}
