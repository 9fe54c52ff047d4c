package io.backupdesk.crypto;

import com.exceptionfactory.jagged.bech32.Bech32;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyParsingTest {
    private static final AgeIdentity IDENTITY = AgeIdentity.generate();
    private static final String PUBLIC = IDENTITY.recipient().publicKey();
    private static final String SECRET = IDENTITY.secretKey();

    @Test
    void aPublicKeyIsTrimmedAndKeptInLowerCaseHoweverItWasPasted() {
        assertThat(PUBLIC).startsWith("age1").hasSize(62);
        assertThat(AgeRecipient.parse("  " + PUBLIC.toUpperCase(Locale.ROOT) + "\n")).isEqualTo(IDENTITY.recipient());
    }

    @Test
    void aSecretKeyPastedAsAPublicKeyIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> AgeRecipient.parse(SECRET))
                .hasMessage("A secret key (AGE-SECRET-KEY-1…) was given where a public key (age1…) belongs.")
                .satisfies(e -> assertThat(e.getMessage() + ((CryptoException) e).hint()).doesNotContain(SECRET.substring(16)));
    }

    @Test
    void publicKeysThatAreDamagedMixedCaseForPluginsOrSshAreRefusedEachWithItsReason() {
        String lastChanged = PUBLIC.substring(0, PUBLIC.length() - 1) + (PUBLIC.endsWith("q") ? "p" : "q");

        assertThatThrownBy(() -> AgeRecipient.parse(lastChanged)).hasMessageContaining("is damaged: its checksum or length is wrong");
        assertThatThrownBy(() -> AgeRecipient.parse(PUBLIC.substring(0, 40))).hasMessageContaining("is damaged");
        assertThatThrownBy(() -> AgeRecipient.parse("Age1" + PUBLIC.substring(4))).hasMessageContaining("mixes upper and lower case");
        assertThatThrownBy(() -> AgeRecipient.parse("age1yubikey1qwertyqwerty")).hasMessageContaining("age plugin");
        assertThatThrownBy(() -> AgeRecipient.parse("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH user@host")).hasMessage("SSH public keys are not supported here.");
        assertThatThrownBy(() -> AgeRecipient.parse("")).hasMessage("No public key was given.");
        assertThatThrownBy(() -> AgeRecipient.parse("npub1xyz")).hasMessageContaining("does not start with age1");
        String zeroPoint = Bech32.getEncoder().encode("age", new byte[32]).toString();
        assertThatThrownBy(() -> AgeRecipient.parse(zeroPoint)).hasMessageContaining("is not a usable X25519 key");
    }

    @Test
    void aSecretKeyParsesInEitherCaseAndNeverPrintsItself() {
        AgeIdentity lower = AgeIdentity.parse(SECRET.toLowerCase(Locale.ROOT));

        assertThat(lower.recipient()).isEqualTo(IDENTITY.recipient());
        assertThat(lower.toString()).isEqualTo("AgeIdentity[" + PUBLIC + "]").doesNotContain(SECRET);
    }

    @Test
    void aDamagedSecretKeyIsRefusedWithoutRepeatingIt() {
        String damaged = SECRET.substring(0, 30) + (SECRET.charAt(30) == 'Q' ? 'P' : 'Q') + SECRET.substring(31);

        assertThatThrownBy(() -> AgeIdentity.parse(damaged)).hasMessage("The secret key is damaged: its checksum or length is wrong.");
        assertThatThrownBy(() -> AgeIdentity.parse("AGE-PLUGIN-YUBIKEY-1QWERTY")).hasMessage("Keys of age plugins are not supported.");
        assertThatThrownBy(() -> AgeIdentity.parse(PUBLIC)).hasMessageContaining("does not start with AGE-SECRET-KEY-1");
    }

    @Test
    void anIdentityFileHasAgeKeygensShapeAndReadsBack() {
        String text = IdentityFile.format(IDENTITY, Instant.parse("2026-01-02T03:04:05.678Z"));

        assertThat(text).isEqualTo("# created: 2026-01-02T03:04:05Z\n# public key: " + PUBLIC + "\n" + SECRET + "\n");
        List<AgeIdentity> parsed = IdentityFile.parse(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), "key.txt", null);
        assertThat(parsed).extracting(AgeIdentity::recipient).containsExactly(IDENTITY.recipient());
    }

    @Test
    void aBadLineInAnIdentityFileIsNamedByItsNumberNeverQuoted() {
        String damaged = SECRET.substring(0, 30) + (SECRET.charAt(30) == 'Q' ? 'P' : 'Q') + SECRET.substring(31);
        byte[] file = ("# created: now\n\n" + damaged + "\n").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> IdentityFile.parse(file, "key.txt", null))
                .hasMessage("Line 3 of key.txt: The secret key is damaged: its checksum or length is wrong.");
        assertThatThrownBy(() -> IdentityFile.parse((PUBLIC + "\n").getBytes(StandardCharsets.UTF_8), "pub.txt", null))
                .hasMessageContaining("Line 1 of pub.txt is a public key");
        assertThatThrownBy(() -> IdentityFile.parse("# only a comment\n".getBytes(StandardCharsets.UTF_8), "key.txt", null))
                .hasMessage("key.txt holds no secret key.");
        assertThatThrownBy(() -> IdentityFile.parse("-----BEGIN OPENSSH PRIVATE KEY-----\n".getBytes(StandardCharsets.UTF_8), "id_ed25519", null))
                .hasMessage("id_ed25519 is an SSH or PEM key, which is not supported.");
        assertThatThrownBy(() -> IdentityFile.parse(new byte[] {(byte) 0xc3, 0x28}, "blob", null)).hasMessage("blob is not a text file.");
    }

    @Test
    void aRecipientsFileSkipsCommentsAndBlankLinesAndNamesTheLineOfABadKey() {
        AgeRecipient other = AgeIdentity.generate().recipient();
        String text = RecipientsFile.format(List.of(IDENTITY.recipient(), other), List.of("team keys", "two\nlines"));

        assertThat(text).startsWith("# team keys\n# two lines\n");
        assertThat(RecipientsFile.parse(text + "\n   \n", "team.txt")).containsExactly(IDENTITY.recipient(), other);
        assertThatThrownBy(() -> RecipientsFile.parse("# keys\n" + PUBLIC + "\nage1nonsense\n", "team.txt"))
                .hasMessageStartingWith("Line 3 of team.txt: The public key age1nonsense is damaged");
        assertThatThrownBy(() -> RecipientsFile.parse("# nothing\n", "team.txt")).hasMessage("team.txt holds no public key.");
    }
}
