package io.backupdesk.offsite;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.spi.scheme.AuthScheme;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * SigV4 as the SDK does it, except that a body whose request carries its own checksum header ({@code Content-MD5} or
 * {@code x-amz-checksum-sha256}, which the server checks) is sent as {@code UNSIGNED-PAYLOAD} over plain HTTP too.
 * The SDK signs no S3 payload over HTTPS, where the signed checksum header is what protects the body; over HTTP it
 * always reads and hashes the body first, for {@code x-amz-content-sha256}: a third SHA-256 of every byte, beside the
 * whole file's and the part's. The checksum header is signed, and the server refuses a body that does not match it,
 * so the payload's own hash adds nothing but its cost (decision 0034). Every other request is signed unchanged.
 */
final class S3Signing implements AuthScheme<AwsCredentialsIdentity> {
    private final AwsV4AuthScheme sigv4 = AwsV4AuthScheme.create();
    private final HttpSigner<AwsCredentialsIdentity> signer = new Signer(sigv4.signer());

    @Override
    public String schemeId() {
        return AwsV4AuthScheme.SCHEME_ID;
    }

    @Override
    public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
        return sigv4.identityProvider(providers);
    }

    @Override
    public HttpSigner<AwsCredentialsIdentity> signer() {
        return signer;
    }

    /** Whether the request's body is checked by the server against a checksum header the signature covers. */
    static boolean checkedByHeader(SdkHttpRequest request) {
        return request.firstMatchingHeader("Content-MD5").isPresent()
                || request.firstMatchingHeader("x-amz-checksum-sha256").isPresent();
    }

    private static final class Signer implements HttpSigner<AwsCredentialsIdentity> {
        private final HttpSigner<AwsCredentialsIdentity> sdk;

        Signer(HttpSigner<AwsCredentialsIdentity> sdk) {
            this.sdk = sdk;
        }

        @Override
        public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
            Optional<ContentStreamProvider> body = request.payload();
            if (body.isEmpty() || !checkedByHeader(request.request())) {
                return sdk.sign(request);
            }
            // Without the body the SDK signs the headers only, as over HTTPS; the body goes out as it was given.
            SignedRequest signed = sdk.sign(withoutBody(request));
            return signed.toBuilder().payload(body.get()).build();
        }

        private static <T extends AwsCredentialsIdentity> SignRequest<T> withoutBody(SignRequest<T> request) {
            return request.toBuilder().payload(null)
                    .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                    .build();
        }

        @Override
        public CompletableFuture<AsyncSignedRequest> signAsync(AsyncSignRequest<? extends AwsCredentialsIdentity> r) {
            return sdk.signAsync(r);
        }
    }
}
