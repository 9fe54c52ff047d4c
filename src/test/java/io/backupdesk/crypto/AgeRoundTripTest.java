package io.backupdesk.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static io.backupdesk.crypto.AgeStreams.decrypt;
import static io.backupdesk.crypto.AgeStreams.encrypt;
import static io.backupdesk.crypto.AgeStreams.plaintext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgeRoundTripTest {
    private static final int CHUNK = 64 * 1024;
    private static final AgeIdentity ALICE = AgeIdentity.generate();
    private static final AgeIdentity BOB = AgeIdentity.generate();
    private static final AgeIdentity MALLORY = AgeIdentity.generate();

    @ParameterizedTest
    @ValueSource(ints = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK + 17})
    void whatIsEncryptedToAPublicKeyComesBackWithItsSecretKeyAtEveryChunkBoundary(int size) throws IOException {
        byte[] plain = plaintext(size, size);
        byte[] sealed = encrypt(AgeEncryptor.toRecipients(List.of(ALICE.recipient())), plain);

        assertThat(new String(sealed, 0, 22, StandardCharsets.US_ASCII)).isEqualTo("age-encryption.org/v1\n");
        assertThat(decrypt(AgeDecryptor.withIdentities(List.of(ALICE)), sealed)).isEqualTo(plain);
    }

    @Test
    void everyRecipientOpensTheFileAndAnyOfSeveralKeysIsTried() throws IOException {
        byte[] plain = plaintext(100_000, 1);
        byte[] sealed = encrypt(AgeEncryptor.toRecipients(List.of(ALICE.recipient(), BOB.recipient())), plain);

        assertThat(decrypt(AgeDecryptor.withIdentities(List.of(BOB)), sealed)).isEqualTo(plain);
        assertThat(decrypt(AgeDecryptor.withIdentities(List.of(MALLORY, ALICE)), sealed)).isEqualTo(plain);
    }

    @Test
    void theWrongKeyFailsAtOpeningBeforeAnyPlaintextExists() throws IOException {
        byte[] sealed = encrypt(AgeEncryptor.toRecipients(List.of(ALICE.recipient(), BOB.recipient())), plaintext(10, 2));

        assertThatThrownBy(() -> AgeDecryptor.withIdentities(List.of(MALLORY)).decrypt(new ByteArrayInputStream(sealed)))
                .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.failure()).isEqualTo(CryptoException.Failure.WRONG_KEY))
                .hasMessage("The key given does not open this file, which was encrypted to 2 public keys.");
    }

    @Test
    void aPassphraseRoundTripsAndTheWrongOneIsRefusedByName() throws IOException {
        byte[] plain = plaintext(CHUNK + 5, 3);
        byte[] sealed;
        try (Passphrase right = Passphrase.of("correct horse battery staple".toCharArray())) {
            sealed = encrypt(AgeEncryptor.withPassphrase(right, 10), plain);
        }
        assertThat(new String(sealed, 0, 40, StandardCharsets.US_ASCII)).contains("\n-> scrypt ");

        try (Passphrase again = Passphrase.of("correct horse battery staple".toCharArray());
             Passphrase wrong = Passphrase.of("correct horse battery stapler".toCharArray())) {
            assertThat(decrypt(AgeDecryptor.withPassphrase(again), sealed)).isEqualTo(plain);
            assertThatThrownBy(() -> decrypt(AgeDecryptor.withPassphrase(wrong), sealed))
                    .isInstanceOfSatisfying(CryptoException.class,
                            e -> assertThat(e.failure()).isEqualTo(CryptoException.Failure.WRONG_PASSPHRASE));
        }
    }

    @Test
    void aPassphraseForAKeyFileAndAKeyForAPassphraseFileAreToldApart() throws IOException {
        byte[] toKey = encrypt(AgeEncryptor.toRecipients(List.of(ALICE.recipient())), plaintext(10, 4));
        try (Passphrase passphrase = Passphrase.of("pw".toCharArray())) {
            byte[] toPassphrase = encrypt(AgeEncryptor.withPassphrase(passphrase, 4), plaintext(10, 4));

            assertThatThrownBy(() -> decrypt(AgeDecryptor.withPassphrase(passphrase), toKey))
                    .hasMessage("This file was encrypted to public keys, not with a passphrase.");
            assertThatThrownBy(() -> decrypt(AgeDecryptor.withIdentities(List.of(ALICE)), toPassphrase))
                    .hasMessage("This file is protected by a passphrase, not encrypted to a key.");
        }
    }

    @Test
    void aFlippedByteInTheContentFailsTheStreamAndNeverEndsItCleanly() throws IOException {
        byte[] sealed = encrypt(AgeEncryptor.toRecipients(List.of(ALICE.recipient())), plaintext(3 * CHUNK, 5));
        int inSecondChunk = AgeStreams.payloadStart(sealed) + CHUNK + 16 + 100;
        sealed[inSecondChunk] ^= 1;

        try (InputStream in = AgeDecryptor.withIdentities(List.of(ALICE)).decrypt(new ByteArrayInputStream(sealed))) {
            assertThat(in.readNBytes(CHUNK)).hasSize(CHUNK);
            assertThatThrownBy(in::readAllBytes).isInstanceOfSatisfying(DamagedCiphertextException.class,
                    e -> assertThat(e.plaintextBytesBefore()).isEqualTo(CHUNK))
                    .hasMessageStartingWith("The encrypted file is damaged or incomplete");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16, CHUNK + 16, CHUNK + 17})
    void aFileCutShortAnywhereInTheContentIsRefusedEvenAtAChunkBoundary(int cut) throws IOException {
        byte[] sealed = encrypt(AgeEncryptor.toRecipients(List.of(ALICE.recipient())), plaintext(2 * CHUNK + 10, 6));
        byte[] truncated = Arrays.copyOf(sealed, AgeStreams.payloadStart(sealed) + CHUNK + 16 + 10 + 16 - cut);

        assertThatThrownBy(() -> decrypt(AgeDecryptor.withIdentities(List.of(ALICE)), truncated))
                .isInstanceOf(DamagedCiphertextException.class);
    }

    @Test
    void aFileCutAtTheLastFullChunkIsRefused() throws IOException {
        byte[] sealed = encrypt(AgeEncryptor.toRecipients(List.of(ALICE.recipient())), plaintext(2 * CHUNK, 7));
        byte[] oneChunk = Arrays.copyOf(sealed, AgeStreams.payloadStart(sealed) + CHUNK + 16);

        assertThatThrownBy(() -> decrypt(AgeDecryptor.withIdentities(List.of(ALICE)), oneChunk))
                .isInstanceOf(DamagedCiphertextException.class);
    }

    @Test
    void bytesAppendedAfterTheLastChunkAreRefused() throws IOException {
        byte[] sealed = encrypt(AgeEncryptor.toRecipients(List.of(ALICE.recipient())), plaintext(1000, 8));
        byte[] extended = Arrays.copyOf(sealed, sealed.length + 1);

        assertThatThrownBy(() -> decrypt(AgeDecryptor.withIdentities(List.of(ALICE)), extended))
                .isInstanceOf(DamagedCiphertextException.class);
    }

    @Test
    void anAlteredHeaderOrAFileEndingInItIsDamagedNotAWrongKey() throws IOException {
        byte[] sealed = encrypt(AgeEncryptor.toRecipients(List.of(ALICE.recipient(), BOB.recipient())), plaintext(1000, 9));
        String header = new String(sealed, StandardCharsets.ISO_8859_1);
        int bobsStanza = header.indexOf("-> X25519 ", header.indexOf("-> X25519 ") + 1);
        byte[] altered = Arrays.copyOf(sealed, sealed.length);
        altered[bobsStanza + 12] ^= 1;

        assertThatThrownBy(() -> decrypt(AgeDecryptor.withIdentities(List.of(ALICE)), altered))
                .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.failure()).isEqualTo(CryptoException.Failure.DAMAGED))
                .hasMessageContaining("header was altered");
        byte[] headerOnly = Arrays.copyOf(sealed, AgeStreams.payloadStart(sealed) - 8);
        assertThatThrownBy(() -> decrypt(AgeDecryptor.withIdentities(List.of(ALICE)), headerOnly))
                .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.failure()).isEqualTo(CryptoException.Failure.DAMAGED));
    }

    @Test
    void aFileThatIsNotAgeIsSaidToBeNotEncrypted() {
        byte[] dump = "PGDMP\u0001\u000e\u0000".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> decrypt(AgeDecryptor.withIdentities(List.of(ALICE)), dump))
                .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.failure()).isEqualTo(CryptoException.Failure.NOT_ENCRYPTED))
                .hasMessage("The file is not age-encrypted: it does not start with the age header.");
        assertThatThrownBy(() -> decrypt(AgeDecryptor.withIdentities(List.of(ALICE)), new byte[0]))
                .hasMessage("The file is empty; it is not an age-encrypted file.");
    }

    @Test
    void anAbortedFileIsRefusedAsIncompleteWhileAClosedOneOpens() throws IOException {
        AgeEncryptor encryptor = AgeEncryptor.toRecipients(List.of(ALICE.recipient()));
        ByteArrayOutputStream aborted = new ByteArrayOutputStream();
        try (AgeEncryptingOutputStream out = encryptor.encrypt(aborted)) {
            out.write(plaintext(3 * CHUNK, 10));
            out.abort();
        }

        assertThat(aborted.size()).isGreaterThan(2 * CHUNK);
        assertThatThrownBy(() -> decrypt(AgeDecryptor.withIdentities(List.of(ALICE)), aborted.toByteArray()))
                .isInstanceOf(DamagedCiphertextException.class);
    }

    @Test
    void byteByByteWritesAndReadsGiveTheSameFile() throws IOException {
        byte[] plain = plaintext(CHUNK + 3, 11);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (AgeEncryptingOutputStream out = AgeEncryptor.toRecipients(List.of(ALICE.recipient())).encrypt(sink)) {
            for (byte b : plain) {
                out.write(b);
            }
        }
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        try (InputStream in = AgeDecryptor.withIdentities(List.of(ALICE)).decrypt(new ByteArrayInputStream(sink.toByteArray()))) {
            for (int b = in.read(); b != -1; b = in.read()) {
                back.write(b);
            }
        }
        assertThat(back.toByteArray()).isEqualTo(plain);
    }
}
