package io.backupdesk.offsite;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.Destination;
import io.backupdesk.core.Destination.S3Checksums;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.testing.AwsCli;
import io.backupdesk.testing.RandomFiles;
import io.backupdesk.testing.S3ProxyServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.backupdesk.offsite.S3StoreIT.KEYS;
import static io.backupdesk.offsite.S3StoreIT.PART;
import static io.backupdesk.offsite.S3StoreIT.destination;
import static io.backupdesk.testing.RandomFiles.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** S3 copies when the server goes away, the credentials are wrong or the server cannot be reached. */
class S3StoreFailuresIT {
    private static final String BUCKET = "copies";

    @TempDir
    Path dir;
    private S3ProxyServer server;
    private AwsCli aws;

    @BeforeEach
    void startServer() throws Exception {
        server = new S3ProxyServer(Files.createDirectory(dir.resolve("storage")), S3ProxyServer.Checksums.VERIFIED);
        server.createBucket(BUCKET);
        server.start();
        aws = new AwsCli(server);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aServerThatStopsMidUploadIsAConnectionFailureAndTheRetryAfterItsReturnSucceeds() throws Exception {
        Path file = RandomFiles.create(dir.resolve("big.dump"), 120 * MIB);
        String sha256 = RandomFiles.sha256(file);
        Thread stop = new Thread(server::stop, "stop-s3proxy");
        AtomicBoolean stopped = new AtomicBoolean();
        List<Long> reported = new ArrayList<>();
        try (S3Store store = new S3Store(destination(server, "s3://" + BUCKET + "/desk", S3Checksums.SHA256), KEYS,
                PART)) {
            BackupDeskException e = catchThrowableOfType(BackupDeskException.class,
                    () -> store.upload(file, "prod/shop/big.dump", sha256, sent -> {
                        reported.add(sent);
                        if (sent > 0 && stopped.compareAndSet(false, true)) {
                            stop.start();
                        }
                    }, new Cancellation()));
            assertThat(stopped).isTrue();
            assertThat(e.kind()).isEqualTo(ErrorKind.CONNECTION);
            assertThat(e.getMessage()).contains("prod/shop/big.dump", store.describe());
            assertThat(e.hint()).contains("server");
            assertThat(reported).allMatch(sent -> sent < 120 * MIB);

            stop.join();
            server.start();
            // S3Proxy keeps the parts of an unfinished upload as objects of its own, beside the key
            assertThat(aws.keys(BUCKET)).doesNotContain("desk/prod/shop/big.dump");
            assertThat(aws.unfinishedUploads(BUCKET)).containsExactly("desk/prod/shop/big.dump");
            assertThat(store.upload(file, "prod/shop/big.dump", sha256, n -> { }, new Cancellation()).sha256())
                    .isEqualTo(sha256);
        }
        assertThat(aws.run("s3", "cp", "s3://" + BUCKET + "/desk/prod/shop/big.dump", "-").sha256())
                .isEqualTo(sha256);
        // the upload that the server's stop cut could not be aborted then; the retry removed it
        assertThat(aws.unfinishedUploads(BUCKET)).isEmpty();
        assertThat(aws.keys(BUCKET)).containsExactly("desk/prod/shop/big.dump");
    }

    @Test
    void wrongCredentialsAreRefusedWithAClearMessageThatHoldsNoSecret() throws Exception {
        Path small = RandomFiles.create(dir.resolve("small.dump"), 100);
        Path big = RandomFiles.create(dir.resolve("big.dump"), 6 * MIB);
        String wrongSecret = "wrong-secret-Zq81xv";
        DestinationCredentials wrong = new DestinationCredentials(S3ProxyServer.ACCESS_KEY, wrongSecret, null);
        DestinationCredentials unknown = new DestinationCredentials("no-such-key-id", S3ProxyServer.SECRET_KEY, null);
        for (DestinationCredentials credentials : List.of(wrong, unknown)) {
            Destination destination = destination(server, "s3://" + BUCKET + "/desk", S3Checksums.SHA256);
            try (S3Store store = new S3Store(destination, credentials, PART)) {
                List<Executable> calls = List.of(
                        () -> store.upload(small, "a.dump", RandomFiles.sha256(small), n -> { }, new Cancellation()),
                        () -> store.upload(big, "b.dump", RandomFiles.sha256(big), n -> { }, new Cancellation()),
                        () -> store.list(""),
                        () -> store.download("a.dump", new ByteArrayOutputStream(), new Cancellation()),
                        () -> store.delete("a.dump"),
                        store::test);
                for (Executable call : calls) {
                    BackupDeskException e = catchThrowableOfType(BackupDeskException.class, call::execute);
                    assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
                    assertThat(e.getMessage()).contains(store.describe(), "access key");
                    assertThat(e.hint()).contains("access key id and secret");
                    String everything = e.getMessage() + e.hint() + e.details() + e + store + store.describe()
                            + credentials;
                    assertThat(everything).doesNotContain(wrongSecret, S3ProxyServer.SECRET_KEY);
                }
            }
        }
        assertThat(aws.keys(BUCKET)).isEmpty();
    }

    @Test
    void aServerThatIsNotThereIsAConnectionFailureForEveryCall() throws Exception {
        server.stop();
        Path file = RandomFiles.create(dir.resolve("small.dump"), 100);
        try (S3Store store = new S3Store(destination(server, "s3://" + BUCKET + "/desk", S3Checksums.MD5), KEYS)) {
            for (Executable call : List.<Executable>of(store::test, () -> store.list(""),
                    () -> store.upload(file, "a.dump", RandomFiles.sha256(file), n -> { }, new Cancellation()))) {
                BackupDeskException e = catchThrowableOfType(BackupDeskException.class, call::execute);
                assertThat(e.kind()).isEqualTo(ErrorKind.CONNECTION);
                assertThat(e.getMessage()).contains("s3://copies/desk at " + server.endpoint(), "could not be reached");
                assertThat(e.hint()).contains("endpoint");
            }
        }
    }

    @Test
    void anEndpointWithNothingListeningIsAConnectionFailure() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Destination nowhere = new Destination("offsite", "s3://copies", "http://127.0.0.1:" + closed, "us-east-1",
                true, S3Checksums.SHA256, null, null, null, false, Instant.now());
        try (S3Store store = new S3Store(nowhere, KEYS)) {
            BackupDeskException e = catchThrowableOfType(BackupDeskException.class, store::test);
            assertThat(e.kind()).isEqualTo(ErrorKind.CONNECTION);
            assertThat(e.getMessage()).contains("http://127.0.0.1:" + closed);
        }
    }

    @Test
    void credentialsAndRegionComeFromTheSdksDefaultChainWhenTheDestinationHasNone() throws Exception {
        Path file = RandomFiles.create(dir.resolve("small.dump"), 100);
        Destination noKeys = new Destination("offsite", "s3://" + BUCKET + "/desk", server.endpoint(), null, true,
                S3Checksums.SHA256, null, null, null, false, Instant.now());
        System.setProperty("aws.accessKeyId", S3ProxyServer.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3ProxyServer.SECRET_KEY);
        try (S3Store store = new S3Store(noKeys, DestinationCredentials.NONE)) {
            store.upload(file, "a.dump", RandomFiles.sha256(file), n -> { }, new Cancellation());
            assertThat(store.list("")).extracting(RemoteStore.RemoteFile::key).containsExactly("a.dump");
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    @Test
    void halfACredentialIsAConfigurationError() {
        Destination destination = destination(server, "s3://" + BUCKET, S3Checksums.SHA256);
        assertThatThrownBy(() -> new S3Store(destination, new DestinationCredentials("id-only", null, null)))
                .isInstanceOfSatisfying(BackupDeskException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
                    assertThat(e.getMessage()).contains("both an access key id and its secret");
                });
    }
}
