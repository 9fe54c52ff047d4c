package io.backupdesk.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static io.backupdesk.crypto.AgeStreams.decrypt;
import static io.backupdesk.crypto.AgeStreams.encrypt;
import static io.backupdesk.crypto.AgeStreams.plaintext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScryptStanzaTest {
    private static final String SALT = "lo+fYoYsrln18nuLpkk5eQ";

    @Test
    void thePassphraseStanzaIsTheOnlyOneAndCarriesASixteenByteSaltTheWorkFactorAndAThirtyTwoByteBody() throws IOException {
        byte[] sealed;
        try (Passphrase passphrase = Passphrase.of("pw".toCharArray())) {
            sealed = encrypt(AgeEncryptor.withPassphrase(passphrase, 9), plaintext(5, 1));
        }
        List<String> header = new String(sealed, StandardCharsets.ISO_8859_1).lines().limit(4).toList();

        assertThat(header.get(0)).isEqualTo("age-encryption.org/v1");
        assertThat(header.get(1)).matches("-> scrypt [A-Za-z0-9+/]{21}[AQgw] 9");
        assertThat(header.get(2)).matches("[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]");
        assertThat(header.get(3)).startsWith("--- ");
    }

    @Test
    void twoFilesWithOnePassphraseGetDifferentSalts() throws IOException {
        try (Passphrase passphrase = Passphrase.of("pw".toCharArray())) {
            AgeEncryptor encryptor = AgeEncryptor.withPassphrase(passphrase, 4);
            String first = new String(encrypt(encryptor, new byte[0]), StandardCharsets.ISO_8859_1).lines().skip(1).findFirst().orElseThrow();
            String second = new String(encrypt(encryptor, new byte[0]), StandardCharsets.ISO_8859_1).lines().skip(1).findFirst().orElseThrow();

            assertThat(first).isNotEqualTo(second);
        }
    }

    @ParameterizedTest
    @CsvSource({"23, REFUSED, above the 22 that age itself accepts", "99, REFUSED, work factor 99",
            "123, REFUSED, work factor 123", "010, DAMAGED, not a plain number", "0, DAMAGED, not a plain number",
            "-1, DAMAGED, not a plain number", "1e3, DAMAGED, not a plain number"})
    void aWorkFactorThatIsTooHighOrNotPlainDigitsIsRefusedBeforeScryptRuns(String workFactor, CryptoException.Failure failure,
                                                                           String message) {
        try (Passphrase passphrase = Passphrase.of("pw".toCharArray())) {
            ScryptRecipientStanzaReader reader = new ScryptRecipientStanzaReader(passphrase, () -> 0L);

            assertThatThrownBy(() -> reader.getFileKey(List.of(new AgeStanza("scrypt", List.of(SALT, workFactor), new byte[32]))))
                    .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.failure()).isEqualTo(failure))
                    .hasMessageContaining(message);
        }
    }

    @Test
    void aWorkFactorThisHeapCannotAffordIsRefusedWithTheMemoryItNeeds() {
        try (Passphrase passphrase = Passphrase.of("pw".toCharArray())) {
            ScryptRecipientStanzaReader reader = new ScryptRecipientStanzaReader(passphrase, () -> 100L << 20);

            assertThatThrownBy(() -> reader.getFileKey(List.of(new AgeStanza("scrypt", List.of(SALT, "17"), new byte[32]))))
                    .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.failure()).isEqualTo(CryptoException.Failure.REFUSED))
                    .hasMessage("The passphrase needs 128 MiB of memory for scrypt (work factor 17), more than the 100 MiB this program can use.");
        }
    }

    @ParameterizedTest
    @CsvSource({"lo+fYoYsrln18nuLpkk5e, 32, salt", "lo+fYoYsrln18nuLpkk5eR, 32, salt", "lo+fYoYsrln18nuLpkk5eQ==, 32, salt",
            "lo+fYoYsrln18nuLpkk5eQ, 31, sealed file key"})
    void aSaltOrBodyOfTheWrongShapeMakesTheHeaderDamaged(String salt, int bodyBytes, String what) {
        try (Passphrase passphrase = Passphrase.of("pw".toCharArray())) {
            ScryptRecipientStanzaReader reader = new ScryptRecipientStanzaReader(passphrase);

            assertThatThrownBy(() -> reader.getFileKey(List.of(new AgeStanza("scrypt", List.of(salt, "10"), new byte[bodyBytes]))))
                    .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.failure()).isEqualTo(CryptoException.Failure.DAMAGED))
                    .hasMessageContaining(what);
        }
    }

    @Test
    void twoPassphraseStanzasAreRefusedLikeAMixedHeader() {
        try (Passphrase passphrase = Passphrase.of("pw".toCharArray())) {
            AgeStanza stanza = new AgeStanza("scrypt", List.of(SALT, "10"), new byte[32]);

            assertThatThrownBy(() -> new ScryptRecipientStanzaReader(passphrase).getFileKey(List.of(stanza, stanza)))
                    .hasMessageContaining("mixes a passphrase stanza with other recipients");
        }
    }

    @Test
    void anEncryptorRefusesAWorkFactorAgeCouldNotOpen() {
        try (Passphrase passphrase = Passphrase.of("pw".toCharArray())) {
            assertThatThrownBy(() -> AgeEncryptor.withPassphrase(passphrase, 23)).hasMessage("The scrypt work factor 23 is outside 1 to 22.");
            assertThatThrownBy(() -> AgeEncryptor.withPassphrase(passphrase, 0)).isInstanceOf(CryptoException.class);
        }
    }

    @Test
    void onePassphraseOpensEachFileWithItsOwnSaltAgainAndAgainAndAWrongOneStaysWrong() throws IOException {
        byte[] first;
        byte[] second;
        try (Passphrase writer = Passphrase.of("pw".toCharArray())) {
            first = encrypt(AgeEncryptor.withPassphrase(writer, 4), plaintext(70_000, 1));
            second = encrypt(AgeEncryptor.withPassphrase(writer, 4), plaintext(70_000, 2));
        }

        try (Passphrase reader = Passphrase.of("pw".toCharArray()); Passphrase wrong = Passphrase.of("pv".toCharArray())) {
            AgeDecryptor decryptor = AgeDecryptor.withPassphrase(reader);
            assertThat(decrypt(decryptor, first)).isEqualTo(plaintext(70_000, 1));
            assertThat(decrypt(decryptor, second)).isEqualTo(plaintext(70_000, 2));
            assertThat(decrypt(AgeDecryptor.withPassphrase(reader), first)).isEqualTo(plaintext(70_000, 1));
            for (int attempt = 0; attempt < 2; attempt++) {
                assertThatThrownBy(() -> decrypt(AgeDecryptor.withPassphrase(wrong), first))
                        .isInstanceOfSatisfying(CryptoException.class,
                                e -> assertThat(e.failure()).isEqualTo(CryptoException.Failure.WRONG_PASSPHRASE));
            }
        }
    }

    @Test
    void aPassphraseRunsScryptOncePerSaltAndWorkFactorAndForgetsTheKeysWhenClosed() {
        AtomicInteger runs = new AtomicInteger();
        Function<byte[], byte[]> scrypt = password -> new byte[] {(byte) runs.incrementAndGet()};
        byte[] salt = new byte[16];
        byte[] otherSalt = new byte[16];
        otherSalt[0] = 1;
        Passphrase passphrase = Passphrase.of("pw".toCharArray());

        byte[] firstKey = passphrase.wrapKey(salt, 4, scrypt);
        Arrays.fill(firstKey, (byte) 0);
        assertThat(passphrase.wrapKey(salt, 4, scrypt)).as("remembered, and a wiped copy wipes nothing else")
                .containsExactly(1);
        assertThat(passphrase.wrapKey(salt, 5, scrypt)).containsExactly(2);
        assertThat(passphrase.wrapKey(otherSalt, 4, scrypt)).containsExactly(3);
        passphrase.close();

        assertThatThrownBy(() -> passphrase.wrapKey(salt, 4, scrypt)).isInstanceOf(IllegalStateException.class);
        assertThat(runs).hasValue(3);
    }

    @Test
    void thePassphraseFromStandardInputIsItsFirstLineWithoutTheLineEnd() throws IOException {
        byte[] sealed;
        try (Passphrase typed = Passphrase.of("pässword".toCharArray())) {
            sealed = encrypt(AgeEncryptor.withPassphrase(typed, 4), plaintext(3, 2));
        }
        byte[] stdin = "pässword\r\nsecond line\n".getBytes(StandardCharsets.UTF_8);

        try (Passphrase piped = Passphrase.readFirstLine(new ByteArrayInputStream(stdin))) {
            assertThat(decrypt(AgeDecryptor.withPassphrase(piped), sealed)).isEqualTo(plaintext(3, 2));
        }
        try (Passphrase unterminated = Passphrase.readFirstLine(new ByteArrayInputStream("pässword".getBytes(StandardCharsets.UTF_8)))) {
            assertThat(decrypt(AgeDecryptor.withPassphrase(unterminated), sealed)).isEqualTo(plaintext(3, 2));
        }
    }

    @Test
    void anEmptyOverlongOrNonUtf8PassphraseIsRefusedAndAClosedOneCannotBeUsed() {
        assertThatThrownBy(() -> Passphrase.readFirstLine(new ByteArrayInputStream("\nsecret\n".getBytes(StandardCharsets.UTF_8))))
                .hasMessage("The passphrase is empty.");
        assertThatThrownBy(() -> Passphrase.readFirstLine(new ByteArrayInputStream(new byte[2000])))
                .hasMessageContaining("longer than 1024 bytes");
        assertThatThrownBy(() -> Passphrase.readFirstLine(new ByteArrayInputStream(new byte[] {(byte) 0xff, 'a'})))
                .hasMessageContaining("not UTF-8");

        Passphrase closed = Passphrase.of("pw".toCharArray());
        closed.close();
        assertThat(closed).hasToString("Passphrase[hidden]");
        assertThatThrownBy(() -> AgeStreams.encrypt(AgeEncryptor.withPassphrase(closed, 4), new byte[1]))
                .isInstanceOf(IllegalStateException.class);
    }
}
