package io.backupdesk.crypto;

import com.exceptionfactory.jagged.RecipientStanzaWriter;
import com.exceptionfactory.jagged.framework.stream.StandardEncryptingChannelFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;

import static io.backupdesk.crypto.AgeStreams.decrypt;
import static io.backupdesk.crypto.AgeStreams.encrypt;
import static io.backupdesk.crypto.AgeStreams.plaintext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Passphrases both ways between us and the real age 1.1, which reads them from a terminal only: our scrypt stanza
 * opens in {@code age -d}, {@code age -p} opens here, passphrase-protected key files work in both, and the headers
 * the spec forbids are refused by both.
 */
class AgePassphraseInteropIT {
    private static final String PASSPHRASE = "vier Wörter, kein Muster";

    @TempDir
    Path tmp;

    @BeforeAll
    static void theToolsAreThere() {
        AgeTool.requireInstalled();
    }

    @Test
    void whatWeEncryptWithAPassphraseAgeDecryptsWithItAndNotWithAnother() throws IOException {
        byte[] plain = plaintext(70_000, 1);
        Path sealed = tmp.resolve("backup.age");
        try (Passphrase passphrase = Passphrase.of(PASSPHRASE.toCharArray())) {
            Files.write(sealed, encrypt(AgeEncryptor.withPassphrase(passphrase, 12), plain));
        }

        AgeTool.Result opened = AgeTool.atTerminal(ageDecrypt(sealed, tmp.resolve("plain")), PASSPHRASE);
        AgeTool.Result refused = AgeTool.atTerminal(ageDecrypt(sealed, tmp.resolve("wrong")), PASSPHRASE + "!");

        assertThat(opened.exitCode()).as(opened.output()).isZero();
        assertThat(Files.readAllBytes(tmp.resolve("plain"))).isEqualTo(plain);
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("incorrect passphrase");
        assertThat(tmp.resolve("wrong")).doesNotExist();
    }

    @Test
    void ourDefaultWorkFactorIsAgesAndAgeOpensIt() throws IOException {
        Path sealed = tmp.resolve("backup.age");
        try (Passphrase passphrase = Passphrase.of(PASSPHRASE.toCharArray())) {
            Files.write(sealed, encrypt(AgeEncryptor.withPassphrase(passphrase), plaintext(10, 2)));
        }
        assertThat(new String(Files.readAllBytes(sealed), StandardCharsets.ISO_8859_1).lines().skip(1).findFirst().orElseThrow())
                .matches("-> scrypt [A-Za-z0-9+/]{22} 18");

        AgeTool.Result opened = AgeTool.atTerminal(ageDecrypt(sealed, tmp.resolve("plain")), PASSPHRASE);

        assertThat(opened.exitCode()).as(opened.output()).isZero();
        assertThat(Files.readAllBytes(tmp.resolve("plain"))).isEqualTo(plaintext(10, 2));
    }

    @Test
    void whatAgeEncryptsWithAPassphraseWeDecryptWithItAndRefuseWithAnother() throws IOException {
        byte[] plain = plaintext(200_000, 3);
        Path input = Files.write(tmp.resolve("plain"), plain);
        Path sealed = tmp.resolve("theirs.age");

        AgeTool.Result made = AgeTool.atTerminal(List.of("age", "-p", "-o", sealed.toString(), input.toString()), PASSPHRASE, PASSPHRASE);

        assertThat(made.exitCode()).as(made.output()).isZero();
        try (Passphrase right = Passphrase.of(PASSPHRASE.toCharArray()); Passphrase wrong = Passphrase.of("vier Worter".toCharArray())) {
            assertThat(decrypt(AgeDecryptor.withPassphrase(right), Files.readAllBytes(sealed))).isEqualTo(plain);
            assertThatThrownBy(() -> decrypt(AgeDecryptor.withPassphrase(wrong), Files.readAllBytes(sealed)))
                    .isInstanceOfSatisfying(CryptoException.class,
                            e -> assertThat(e.failure()).isEqualTo(CryptoException.Failure.WRONG_PASSPHRASE));
        }
    }

    @Test
    void ourPassphraseProtectedKeyFileOpensInAgeAfterItAsksThePassphrase() throws IOException {
        AgeKeyStore store = new AgeKeyStore(tmp.resolve("keys"));
        try (Passphrase protection = Passphrase.of(PASSPHRASE.toCharArray())) {
            store.generate("offsite", protection);
        }
        byte[] plain = plaintext(100_000, 4);
        Path sealed = Files.write(tmp.resolve("backup.age"), encrypt(AgeEncryptor.toRecipients(store.recipients("offsite")), plain));
        List<String> decrypt = List.of("age", "-d", "-i", store.secretFile("offsite").toString(), "-o",
                tmp.resolve("plain").toString(), sealed.toString());

        AgeTool.Result opened = AgeTool.atTerminal(decrypt, PASSPHRASE);

        assertThat(opened.exitCode()).as(opened.output()).isZero();
        assertThat(opened.output()).contains("Enter passphrase for identity file");
        assertThat(Files.readAllBytes(tmp.resolve("plain"))).isEqualTo(plain);
        AgeTool.Result refused = AgeTool.atTerminal(decrypt, "not it");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("incorrect passphrase");
    }

    @Test
    void aKeyFileProtectedWithAgePIsReadAndImportedWithItsPassphrase() throws IOException {
        Path keyFile = tmp.resolve("key.txt");
        assertThat(AgeTool.run(List.of("age-keygen", "-o", keyFile.toString()), new byte[0]).exitCode()).isZero();
        String publicKey = new String(AgeTool.run(List.of("age-keygen", "-y", keyFile.toString()), new byte[0]).stdout(),
                StandardCharsets.US_ASCII).strip();
        Path protectedFile = tmp.resolve("key.age");
        AgeTool.Result sealed = AgeTool.atTerminal(List.of("age", "-p", "-a", "-o", protectedFile.toString(), keyFile.toString()),
                PASSPHRASE, PASSPHRASE);
        assertThat(sealed.exitCode()).as(sealed.output()).isZero();
        byte[] plain = plaintext(1000, 5);
        byte[] backup = AgeTool.run(List.of("age", "-e", "-r", publicKey), plain).stdout();

        assertThatThrownBy(() -> IdentityFile.read(protectedFile, null))
                .isInstanceOfSatisfying(CryptoException.class,
                        e -> assertThat(e.failure()).isEqualTo(CryptoException.Failure.PASSPHRASE_REQUIRED));
        try (Passphrase passphrase = Passphrase.of(PASSPHRASE.toCharArray()); Passphrase wrong = Passphrase.of("no".toCharArray())) {
            assertThat(decrypt(AgeDecryptor.withIdentities(IdentityFile.read(protectedFile, passphrase)), backup)).isEqualTo(plain);
            assertThatThrownBy(() -> IdentityFile.read(protectedFile, wrong))
                    .hasMessage("The passphrase does not open the key file " + protectedFile + ".");

            AgeKeyStore store = new AgeKeyStore(tmp.resolve("keys"));
            StoredKey imported = store.importFile("laptop", protectedFile, passphrase);
            assertThat(imported.recipients()).extracting(AgeRecipient::publicKey).containsExactly(publicKey);
            assertThat(imported.passphraseProtected()).isTrue();
            assertThat(decrypt(AgeDecryptor.withIdentities(store.identities("laptop", passphrase)), backup)).isEqualTo(plain);
        }
    }

    @Test
    void aWorkFactorAboveAgesLimitIsRefusedByUsAsByAge() throws IOException {
        byte[] sealed;
        try (Passphrase passphrase = Passphrase.of(PASSPHRASE.toCharArray())) {
            sealed = encrypt(AgeEncryptor.withPassphrase(passphrase, 10), plaintext(10, 6));
        }
        String text = new String(sealed, StandardCharsets.ISO_8859_1);
        Path crafted = Files.write(tmp.resolve("costly.age"),
                text.replaceFirst("(-> scrypt \\S+) 10\n", "$1 23\n").getBytes(StandardCharsets.ISO_8859_1));

        AgeTool.Result age = AgeTool.atTerminal(ageDecrypt(crafted, tmp.resolve("out")), PASSPHRASE);

        assertThat(age.exitCode()).isNotZero();
        assertThat(age.output()).contains("work factor too large");
        try (Passphrase passphrase = Passphrase.of(PASSPHRASE.toCharArray())) {
            assertThatThrownBy(() -> decrypt(AgeDecryptor.withPassphrase(passphrase), Files.readAllBytes(crafted)))
                    .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.failure()).isEqualTo(CryptoException.Failure.REFUSED))
                    .hasMessageContaining("work factor 23");
        }
    }

    @Test
    void aPassphraseStanzaBesideAPublicKeyIsRefusedByUsAsByAge() throws IOException, GeneralSecurityException {
        AgeIdentity identity = AgeIdentity.generate();
        ByteArrayOutputStream mixed = new ByteArrayOutputStream();
        try (Passphrase passphrase = Passphrase.of(PASSPHRASE.toCharArray())) {
            List<RecipientStanzaWriter> writers = List.of(new ScryptRecipientStanzaWriter(passphrase, 10),
                    identity.recipient().stanzaWriter());
            try (WritableByteChannel out = new StandardEncryptingChannelFactory().newEncryptingChannel(Channels.newChannel(mixed), writers)) {
                out.write(ByteBuffer.wrap(plaintext(10, 7)));
            }
        }
        Path crafted = Files.write(tmp.resolve("mixed.age"), mixed.toByteArray());

        AgeTool.Result age = AgeTool.atTerminal(ageDecrypt(crafted, tmp.resolve("out")), PASSPHRASE);

        assertThat(age.exitCode()).isNotZero();
        assertThat(age.output()).contains("must be the only one");
        try (Passphrase passphrase = Passphrase.of(PASSPHRASE.toCharArray())) {
            assertThatThrownBy(() -> decrypt(AgeDecryptor.withPassphrase(passphrase), mixed.toByteArray()))
                    .hasMessageContaining("mixes a passphrase stanza with other recipients");
        }
        assertThatThrownBy(() -> decrypt(AgeDecryptor.withIdentities(List.of(identity)), mixed.toByteArray()))
                .hasMessageContaining("mixes a passphrase stanza with other recipients");
    }

    private static List<String> ageDecrypt(Path sealed, Path output) {
        return List.of("age", "-d", "-o", output.toString(), sealed.toString());
    }
}
