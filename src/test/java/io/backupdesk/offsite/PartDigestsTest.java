package io.backupdesk.offsite;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PartDigestsTest {
    private static final byte[] ONE = "part one".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TWO = "part two".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aPartIsConfirmedOnlyByTheDigestItWasSentWith() {
        byte[] md5 = PartDigests.of("MD5", ONE);
        assertThat(PartDigests.md5Problem(md5, "\"" + PartDigests.hex(md5) + "\"")).isNull();
        assertThat(PartDigests.md5Problem(md5, "\"" + PartDigests.hex(PartDigests.of("MD5", TWO)) + "\""))
                .satisfies(m -> assertThat(m.missing()).isFalse());
        assertThat(PartDigests.md5Problem(md5, null)).satisfies(m -> assertThat(m.missing()).isTrue());

        byte[] sha = PartDigests.of("SHA-256", ONE);
        assertThat(PartDigests.sha256Problem(sha, PartDigests.base64(sha))).isNull();
        assertThat(PartDigests.sha256Problem(sha, PartDigests.base64(PartDigests.of("SHA-256", TWO)))).isNotNull();
        assertThat(PartDigests.sha256Problem(sha, null)).satisfies(m -> assertThat(m.missing()).isTrue());
    }

    @Test
    void aMultipartObjectIsConfirmedBySThreesDigestOfThePartDigests() {
        byte[][] md5s = {PartDigests.of("MD5", ONE), PartDigests.of("MD5", TWO)};
        byte[] both = new byte[32];
        System.arraycopy(md5s[0], 0, both, 0, 16);
        System.arraycopy(md5s[1], 0, both, 16, 16);
        String etag = "\"" + PartDigests.hex(PartDigests.of("MD5", both)) + "-2\"";
        assertThat(PartDigests.compositeMd5Problem(md5s, etag)).isNull();
        assertThat(PartDigests.compositeMd5Problem(md5s, etag.replace("-2", "-3"))).isNotNull();
        assertThat(PartDigests.compositeMd5Problem(new byte[][] {md5s[1], md5s[0]}, etag)).isNotNull();

        byte[][] shas = {PartDigests.of("SHA-256", ONE), PartDigests.of("SHA-256", TWO)};
        byte[] whole = PartDigests.of("SHA-256", "part onepart two".getBytes(StandardCharsets.US_ASCII));
        byte[] concatenated = new byte[64];
        System.arraycopy(shas[0], 0, concatenated, 0, 32);
        System.arraycopy(shas[1], 0, concatenated, 32, 32);
        String composite = PartDigests.base64(PartDigests.of("SHA-256", concatenated)) + "-2";
        assertThat(PartDigests.compositeSha256Problem(shas, whole, composite)).isNull();
        assertThat(PartDigests.compositeSha256Problem(shas, whole, PartDigests.base64(whole))).isNull();
        assertThat(PartDigests.compositeSha256Problem(shas, whole, null)).isNull();
        assertThat(PartDigests.compositeSha256Problem(shas, whole, PartDigests.base64(shas[0]) + "-2")).isNotNull();
    }
}
