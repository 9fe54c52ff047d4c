package io.backupdesk.offsite;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.Destination.S3Checksums;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.testing.AwsCli;
import io.backupdesk.testing.RandomFiles;
import io.backupdesk.testing.S3ProxyServer;
import io.backupdesk.testing.S3ProxyServer.Checksums;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import static io.backupdesk.offsite.S3StoreIT.KEYS;
import static io.backupdesk.offsite.S3StoreIT.PART;
import static io.backupdesk.offsite.S3StoreIT.destination;
import static io.backupdesk.testing.RandomFiles.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What S3Proxy checks of what it is sent (decision 0034 relies on these), and what S3 copies make of a store that
 * rejects or ignores the SHA-256 checksum header: no copy, and a hint to use MD5, which then works.
 */
class S3ChecksumsIT {
    private static final String BUCKET = "checks";
    private static final byte[] BODY = "what was sent".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER = "something else".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void s3ProxyRefusesAnObjectOrAPartThatIsNotItsContentMd5() throws Exception {
        try (S3ProxyServer server = server(Checksums.REJECTED); S3Client s3 = rawClient(server)) {
            S3Exception object = catchThrowableOfType(S3Exception.class, () -> s3.putObject(b -> b.bucket(BUCKET)
                    .key("object").contentMD5(base64("MD5", OTHER)), RequestBody.fromBytes(BODY)));
            assertThat(object.awsErrorDetails().errorCode()).isEqualTo("BadDigest");
            assertThat(object.statusCode()).isEqualTo(400);

            String upload = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("parts")).uploadId();
            S3Exception part = catchThrowableOfType(S3Exception.class, () -> s3.uploadPart(b -> b.bucket(BUCKET)
                    .key("parts").uploadId(upload).partNumber(1).contentMD5(base64("MD5", OTHER)),
                    RequestBody.fromBytes(BODY)));
            assertThat(part.awsErrorDetails().errorCode()).isEqualTo("BadDigest");
            s3.abortMultipartUpload(b -> b.bucket(BUCKET).key("parts").uploadId(upload));
            assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).contents()).isEmpty();
        }
    }

    @Test
    void s3ProxyAsShippedAnswersNotImplementedToTheSha256Header() {
        try (S3ProxyServer server = server(Checksums.REJECTED); S3Client s3 = rawClient(server)) {
            S3Exception e = catchThrowableOfType(S3Exception.class, () -> s3.putObject(b -> b.bucket(BUCKET)
                    .key("object").checksumSHA256(base64("SHA-256", BODY)), RequestBody.fromBytes(BODY)));
            assertThat(e.statusCode()).isEqualTo(501);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
        }
    }

    @Test
    void s3ProxyIgnoringUnknownHeadersKeepsAnObjectThatIsNotItsSha256AndAnswersWithoutOne() {
        try (S3ProxyServer server = server(Checksums.IGNORED); S3Client s3 = rawClient(server)) {
            PutObjectResponse answer = s3.putObject(b -> b.bucket(BUCKET).key("object")
                    .checksumSHA256(base64("SHA-256", OTHER)), RequestBody.fromBytes(BODY));
            assertThat(answer.checksumSHA256()).isNull();
            assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).contents()).extracting(S3Object::key)
                    .containsExactly("object");
        }
    }

    @Test
    void theTestServersFrontRefusesAWrongSha256AndAnswersARightOne() {
        try (S3ProxyServer server = server(Checksums.VERIFIED); S3Client s3 = rawClient(server)) {
            S3Exception e = catchThrowableOfType(S3Exception.class, () -> s3.putObject(b -> b.bucket(BUCKET)
                    .key("object").checksumSHA256(base64("SHA-256", OTHER)), RequestBody.fromBytes(BODY)));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BadDigest");
            assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).contents()).isEmpty();

            PutObjectResponse answer = s3.putObject(b -> b.bucket(BUCKET).key("object")
                    .checksumSHA256(base64("SHA-256", BODY)), RequestBody.fromBytes(BODY));
            assertThat(answer.checksumSHA256()).isEqualTo(base64("SHA-256", BODY));
        }
    }

    @Test
    void aStoreThatIgnoresTheSha256GetsNoCopyAndATestThatFailsUntilTheModeIsMd5() throws Exception {
        try (S3ProxyServer server = server(Checksums.IGNORED)) {
            expectNoCopyAndMd5Hint(server, "no SHA-256 in its answer");
        }
    }

    @Test
    void partsInFlightWhenTheFirstIsRefusedAreLetFinishSoThatTheAbortLeavesNothing() throws Exception {
        try (S3ProxyServer server = server(Checksums.IGNORED)) {
            server.stop();
            server.holdingLaterParts(Duration.ofSeconds(1)).start();
            expectNoCopyAndMd5Hint(server, "no SHA-256 in its answer");
        }
    }

    @Test
    void aStoreThatRejectsTheSha256HeaderGetsNoCopyAndATestThatFailsUntilTheModeIsMd5() throws Exception {
        try (S3ProxyServer server = server(Checksums.REJECTED)) {
            expectNoCopyAndMd5Hint(server, "NotImplemented");
        }
    }

    private void expectNoCopyAndMd5Hint(S3ProxyServer server, String reason) throws Exception {
        Path small = RandomFiles.create(dir.resolve("small.dump"), 1000);
        Path big = RandomFiles.create(dir.resolve("big.dump"), 12 * MIB);
        try (S3Store store = new S3Store(destination(server, "s3://" + BUCKET + "/desk", S3Checksums.SHA256), KEYS, PART)) {
            for (Path file : List.of(small, big)) {
                BackupDeskException e = catchThrowableOfType(BackupDeskException.class, () -> store.upload(file,
                        file.getFileName().toString(), RandomFiles.sha256(file), n -> { }, new Cancellation()));
                assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
                assertThat(e.getMessage()).contains(store.describe(), reason);
                assertThat(e.hint()).contains("checksums to MD5");
            }
            BackupDeskException probe = catchThrowableOfType(BackupDeskException.class, store::test);
            assertThat(probe.kind()).isEqualTo(ErrorKind.CONFIGURATION);
            assertThat(probe.hint()).contains("checksums to MD5");
        }
        AwsCli aws = new AwsCli(server);
        assertThat(aws.keys(BUCKET)).isEmpty();
        assertThat(aws.unfinishedUploads(BUCKET)).isEmpty();

        try (S3Store store = new S3Store(destination(server, "s3://" + BUCKET + "/desk", S3Checksums.MD5), KEYS, PART)) {
            store.test();
            for (Path file : List.of(small, big)) {
                assertThat(store.upload(file, file.getFileName().toString(), RandomFiles.sha256(file), n -> { },
                        new Cancellation()).how()).isEqualTo("server MD5 per part");
            }
        }
        assertThat(aws.run("s3", "cp", "s3://" + BUCKET + "/desk/big.dump", "-").sha256()).isEqualTo(RandomFiles.sha256(big));
    }

    private S3ProxyServer server(Checksums checksums) {
        try {
            S3ProxyServer server = new S3ProxyServer(Files.createTempDirectory(dir, "storage"), checksums);
            server.createBucket(BUCKET);
            return server.start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SDK as any client would use it, with nothing of ours: to see what the server itself does. */
    private static S3Client rawClient(S3ProxyServer server) {
        return S3Client.builder().httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(URI.create(server.endpoint())).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    private static String base64(String algorithm, byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
