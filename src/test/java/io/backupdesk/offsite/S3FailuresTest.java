package io.backupdesk.offsite;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Destination.S3Checksums;
import io.backupdesk.core.ErrorKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

class S3FailuresTest {
    private static final String SECRET = "wJalrXUtnFEMI-K7MDENG-bPxRfiCY";
    private final S3Failures failures = new S3Failures("s3://bucket/desk at http://127.0.0.1:9000",
            S3Checksums.SHA256, new DestinationCredentials("AKIDEXAMPLE", SECRET, null));

    @ParameterizedTest
    @CsvSource({
            "InvalidAccessKeyId, 403, AUTHENTICATION",
            "SignatureDoesNotMatch, 403, AUTHENTICATION",
            "ExpiredToken, 400, AUTHENTICATION",
            "AccessDenied, 403, PERMISSION_DENIED",
            "NoSuchBucket, 404, CONFIGURATION",
            "PermanentRedirect, 301, CONFIGURATION",
            "AuthorizationHeaderMalformed, 400, CONFIGURATION",
            "EntityTooLarge, 400, DISK_FULL",
            "QuotaExceeded, 403, DISK_FULL",
            "XMinioStorageFull, 507, DISK_FULL",
            "NotImplemented, 501, CONFIGURATION",
            "BadDigest, 400, IO",
            "SlowDown, 503, CONNECTION",
            "InternalError, 500, CONNECTION"
    })
    void eachAnswerOfTheServerIsTheKindOfFailureADbaActsOn(String code, int status, ErrorKind kind) {
        BackupDeskException e = failures.map("Could not upload a.dump to", serverSaid(code, status, "words"));
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.getMessage()).startsWith("Could not upload a.dump to s3://bucket/desk at http://127.0.0.1:9000: ");
        assertThat(e.hint()).isNotBlank();
    }

    @Test
    void aStoreThatDoesNotKnowARequestIsToldToTryMd5InSha256ModeOnly() {
        assertThat(failures.map("x", serverSaid("NotImplemented", 501, "")).hint()).contains("checksums to MD5");
        S3Failures md5 = new S3Failures("d", S3Checksums.MD5, DestinationCredentials.NONE);
        assertThat(md5.map("x", serverSaid("NotImplemented", 501, "")).hint()).doesNotContain("MD5");
    }

    @Test
    void theNetworksFailuresAreConnectionFailures() {
        for (Exception cause : new Exception[] {new ConnectException("Connection refused"),
                new UnknownHostException("nowhere.example"), new SocketTimeoutException("Read timed out")}) {
            BackupDeskException e = failures.map("Could not list",
                    SdkClientException.builder().message("Unable to execute HTTP request").cause(cause).build());
            assertThat(e.kind()).isEqualTo(ErrorKind.CONNECTION);
        }
    }

    @Test
    void noCredentialsFoundIsAnAuthenticationFailureThatSaysWhereTheyAreLookedFor() {
        BackupDeskException e = failures.map("Could not list", SdkClientException.create(
                "Unable to load credentials from any of the providers in the chain"));
        assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
        assertThat(e.hint()).contains("AWS_ACCESS_KEY_ID");
    }

    @Test
    void aSecretThatTheServerEchoesIsBlottedOutOfTheDetails() {
        BackupDeskException e = failures.map("Could not list",
                serverSaid("SignatureDoesNotMatch", 403, "expected a signature from " + SECRET + " of AKIDEXAMPLE"));
        assertThat(String.join("\n", e.details())).contains("SignatureDoesNotMatch").doesNotContain(SECRET)
                .doesNotContain("AKIDEXAMPLE");
        assertThat(e.getMessage() + e.hint()).doesNotContain(SECRET);
    }

    private static S3Exception serverSaid(String code, int status, String message) {
        return (S3Exception) S3Exception.builder().statusCode(status).message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }
}
