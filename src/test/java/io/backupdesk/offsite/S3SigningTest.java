package io.backupdesk.offsite;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class S3SigningTest {
    private static final byte[] BODY = "a part".getBytes(StandardCharsets.US_ASCII);
    private static final AwsCredentialsIdentity KEY = AwsBasicCredentials.create("id", "secret");

    @Test
    void aBodyTheServerChecksByItsHeaderIsNeitherReadNorHashedForTheSignatureOverPlainHttp() {
        AtomicInteger opened = new AtomicInteger();
        ContentStreamProvider body = () -> {
            opened.incrementAndGet();
            return new ByteArrayInputStream(BODY);
        };
        SignedRequest signed = sign(request().putHeader("x-amz-checksum-sha256", "c2hh").build(), body);

        assertThat(signed.request().firstMatchingHeader("x-amz-content-sha256")).hasValue("UNSIGNED-PAYLOAD");
        assertThat(signed.request().firstMatchingHeader("Authorization").orElseThrow())
                .contains("x-amz-checksum-sha256").contains("x-amz-content-sha256");
        assertThat(signed.payload()).containsSame(body);
        assertThat(opened).hasValue(0);
        assertThat(sign(request().putHeader("Content-MD5", "bWQ1").build(), body).request()
                .firstMatchingHeader("x-amz-content-sha256")).hasValue("UNSIGNED-PAYLOAD");
    }

    @Test
    void anyOtherBodyIsSignedAsTheSdkSignsIt() throws Exception {
        SignedRequest signed = sign(request().build(), () -> new ByteArrayInputStream(BODY));

        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(BODY));
        assertThat(signed.request().firstMatchingHeader("x-amz-content-sha256")).hasValue(sha256);
    }

    private static SdkHttpRequest.Builder request() {
        return SdkHttpRequest.builder().method(SdkHttpMethod.PUT).uri(URI.create("http://127.0.0.1:9000/bucket/key"))
                .putHeader("Content-Length", String.valueOf(BODY.length));
    }

    private static SignedRequest sign(SdkHttpRequest request, ContentStreamProvider body) {
        return new S3Signing().signer().sign(r -> r.identity(KEY).request(request).payload(body)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false));
    }
}
