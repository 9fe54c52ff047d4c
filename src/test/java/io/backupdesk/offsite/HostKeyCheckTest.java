package io.backupdesk.offsite;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static io.backupdesk.offsite.SftpTesting.destination;
import static org.assertj.core.api.Assertions.assertThat;

/** The strict check on its own, with keys made here: what is known, new, changed or revoked for which host. */
class HostKeyCheckTest {
    private static final SftpAddress NAS = SftpAddress.of(destination("sftp://u@nas.example.org:2222/b", null));

    private final PublicKey serverKey = newKey();

    @TempDir
    Path dir;

    @Test
    void aKeyOnRecordForTheHostAndPortIsAccepted() throws Exception {
        HostKeyCheck check = check("[nas.example.org]:2222 " + entry(serverKey));

        assertThat(check.verifyServerKey(null, null, serverKey)).isTrue();
        assertThat(check.verdict()).isEqualTo(HostKeyCheck.Verdict.KNOWN);
        assertThat(check.refusal("sftp://u@nas.example.org:2222/b")).isEmpty();
    }

    @Test
    void aHashedHostNameIsRecognized() throws Exception {
        HostKeyCheck check = check(hashed("[nas.example.org]:2222") + " " + entry(serverKey));

        assertThat(check.verifyServerKey(null, null, serverKey)).isTrue();
    }

    @Test
    void anEntryWithoutAPortIsForPortTwentyTwoOnly() throws Exception {
        HostKeyCheck check = check("nas.example.org " + entry(serverKey));

        assertThat(check.verifyServerKey(null, null, serverKey)).isFalse();
        assertThat(check.verdict()).isEqualTo(HostKeyCheck.Verdict.UNKNOWN);
    }

    @Test
    void aNewHostIsRefusedWithTheKeysFingerprint() throws Exception {
        HostKeyCheck check = check("[other]:2222 " + entry(serverKey));

        assertThat(check.verifyServerKey(null, null, serverKey)).isFalse();
        HostKey offered = check.offeredKey().orElseThrow();
        assertThat(offered.type()).isEqualTo("ecdsa-sha2-nistp256");
        assertThat(offered.fingerprintSha256()).startsWith("SHA256:");
        assertThat(offered.knownHostsLine()).isEqualTo("[nas.example.org]:2222 " + entry(serverKey));
        BackupDeskException refusal = check.refusal("sftp://u@nas.example.org:2222/b").orElseThrow();
        assertThat(refusal.kind()).isEqualTo(ErrorKind.CONFIGURATION);
        assertThat(refusal.getMessage()).contains("not known", offered.fingerprintSha256(), "ecdsa-sha2-nistp256");
        assertThat(refusal.hint()).contains("ssh_host_ecdsa_key.pub");
    }

    @Test
    void anotherKeyOfTheSameTypeIsAChangeAndRefusedLoudly() throws Exception {
        PublicKey recorded = newKey();
        HostKeyCheck check = check("[nas.example.org]:2222 " + entry(recorded));

        assertThat(check.verifyServerKey(null, null, serverKey)).isFalse();
        assertThat(check.verdict()).isEqualTo(HostKeyCheck.Verdict.CHANGED);
        BackupDeskException refusal = check.refusal("sftp://u@nas.example.org:2222/b").orElseThrow();
        assertThat(refusal.kind()).isEqualTo(ErrorKind.CONFIGURATION);
        assertThat(refusal.getMessage()).contains("CHANGED", "man-in-the-middle",
                check.offeredKey().orElseThrow().fingerprintSha256());
    }

    @Test
    void aRevokedKeyIsRefusedEvenWhenAlsoOnRecord() throws Exception {
        HostKeyCheck check = check("@revoked * " + entry(serverKey) + "\n[nas.example.org]:2222 " + entry(serverKey));

        assertThat(check.verifyServerKey(null, null, serverKey)).isFalse();
        assertThat(check.verdict()).isEqualTo(HostKeyCheck.Verdict.REVOKED);
        assertThat(check.trusts(offer(serverKey))).isFalse();
    }

    @Test
    void anOfferedKeyIsTrustedOnlyWhenOnRecordForThisHost() throws Exception {
        assertThat(check("[nas.example.org]:2222 " + entry(serverKey)).trusts(offer(serverKey))).isTrue();
        assertThat(check("[nas.example.org]:2222 " + entry(newKey())).trusts(offer(serverKey))).isFalse();
        assertThat(check("[other]:2222 " + entry(serverKey)).trusts(offer(serverKey))).isFalse();
    }

    private static HostKey offer(PublicKey key) {
        return new HostKey("ecdsa-sha2-nistp256", "SHA256:x", "[nas.example.org]:2222 " + entry(key));
    }

    @Test
    void aMissingFileKnowsNoHost() {
        HostKeyCheck check = HostKeyCheck.against(dir.resolve("missing"), NAS);

        assertThat(check.verifyServerKey(null, null, serverKey)).isFalse();
        assertThat(check.verdict()).isEqualTo(HostKeyCheck.Verdict.UNKNOWN);
    }

    @Test
    void theKeyExchangeAsksFirstForTheKeyTypesOnRecordAndNeverForCertificates() {
        List<NamedFactory<Signature>> factories = List.of(BuiltinSignatures.ed25519_cert, BuiltinSignatures.ed25519,
                BuiltinSignatures.nistp256, BuiltinSignatures.rsaSHA512, BuiltinSignatures.rsaSHA256,
                BuiltinSignatures.rsa);

        List<NamedFactory<Signature>> ordered = SftpConnection.preferring(Set.of("ssh-rsa"), factories);

        assertThat(ordered).extracting(NamedResource::getName).containsExactly("rsa-sha2-512", "rsa-sha2-256",
                "ssh-rsa", "ssh-ed25519", "ecdsa-sha2-nistp256");
    }

    private HostKeyCheck check(String knownHosts) throws Exception {
        return HostKeyCheck.against(Files.writeString(dir.resolve("known_hosts"), knownHosts + "\n"), NAS);
    }

    private static String entry(PublicKey key) {
        return PublicKeyEntry.toString(key);
    }

    /** A host name hashed as OpenSSH's HashKnownHosts does: |1|salt|HMAC-SHA1(salt, name). */
    private static String hashed(String name) throws Exception {
        byte[] salt = new byte[20];
        new java.security.SecureRandom().nextBytes(salt);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(salt, "HmacSHA1"));
        Base64.Encoder base64 = Base64.getEncoder();
        return "|1|" + base64.encodeToString(salt) + "|"
                + base64.encodeToString(mac.doFinal(name.getBytes(StandardCharsets.UTF_8)));
    }

    private static PublicKey newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair().getPublic();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
