package io.backupdesk.offsite;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.Destination;
import io.backupdesk.core.Destination.S3Checksums;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.testing.AwsCli;
import io.backupdesk.testing.RandomFiles;
import io.backupdesk.testing.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.backupdesk.testing.RandomFiles.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * S3 copies against a real S3 server (S3Proxy, in this JVM) and read back by the real AWS command line: both checksum
 * modes, single and multipart uploads, listing, downloading, deleting, refusals that leave nothing behind, and the
 * destination test. Failures of the server and the credentials are in {@link S3StoreFailuresIT}.
 */
class S3StoreIT {
    static final long PART = 5 * MIB;
    static final DestinationCredentials KEYS =
            new DestinationCredentials(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY, null);
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    @TempDir
    static Path storage;
    private static S3ProxyServer server;
    private static AwsCli aws;

    @TempDir
    Path dir;
    private String bucket;

    @BeforeAll
    static void startServer() {
        server = new S3ProxyServer(storage, S3ProxyServer.Checksums.VERIFIED).start();
        aws = new AwsCli(server);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void newBucket() {
        bucket = "copies-" + BUCKETS.incrementAndGet();
        server.createBucket(bucket);
    }

    static Destination destination(S3ProxyServer server, String url, S3Checksums mode) {
        return new Destination("offsite", url, server.endpoint(), S3ProxyServer.REGION, true, mode, null, null, null,
                false, Instant.now());
    }

    private S3Store store(S3Checksums mode) {
        return new S3Store(destination(server, "s3://" + bucket + "/desk", mode), KEYS, PART);
    }

    @ParameterizedTest
    @EnumSource(S3Checksums.class)
    void aSmallAndAMultipartUploadAreConfirmedAndReadBackByTheAwsCommandLine(S3Checksums mode) throws Exception {
        Path small = RandomFiles.create(dir.resolve("small.dump"), 1000);
        Path big = RandomFiles.create(dir.resolve("big.dump"), 23 * MIB + 123);
        String how = mode == S3Checksums.SHA256 ? "server SHA-256 per part" : "server MD5 per part";
        List<Long> reported = new CopyOnWriteArrayList<>();
        try (S3Store store = store(mode)) {
            assertThat(store.upload(small, "prod/shop/small.dump", RandomFiles.sha256(small), reported::add,
                    new Cancellation())).isEqualTo(new RemoteStore.Confirmed(RandomFiles.sha256(small), how));
            assertThat(store.upload(big, "prod/shop/big.dump", RandomFiles.sha256(big), reported::add,
                    new Cancellation())).isEqualTo(new RemoteStore.Confirmed(RandomFiles.sha256(big), how));
        }
        assertThat(reported).contains(1000L).last().isEqualTo(Files.size(big));

        Path copies = Files.createDirectory(dir.resolve("copies"));
        AwsCli.Result read = aws.run("s3", "cp", "--recursive", "s3://" + bucket + "/desk/prod/shop/", copies.toString());
        assertThat(read.ok()).as(read.err()).isTrue();
        for (Path file : List.of(small, big)) {
            assertThat(RandomFiles.sha256(copies.resolve(file.getFileName()))).isEqualTo(RandomFiles.sha256(file));
        }
        // an ETag "…-5" is S3's mark of an object made of 5 parts
        AwsCli.Result head = aws.run("s3api", "head-object", "--bucket", bucket, "--key", "desk/prod/shop/big.dump",
                "--query", "[ContentLength, ETag]", "--output", "text");
        assertThat(head.out()).as(head.err()).contains(String.valueOf(Files.size(big))).contains("-5\"");
    }

    @Test
    void listDownloadAndDeleteSeeTheFilesUnderThePrefixOnly() throws Exception {
        Path x = RandomFiles.create(dir.resolve("x.dump"), 3000);
        Path y = RandomFiles.create(dir.resolve("y.dump"), 7 * MIB);
        Instant before = Instant.now().minusSeconds(60);
        try (S3Store store = store(S3Checksums.SHA256)) {
            store.upload(x, "prod/shop/x.dump", RandomFiles.sha256(x), n -> { }, new Cancellation());
            store.upload(y, "prod/other/y.dump", RandomFiles.sha256(y), n -> { }, new Cancellation());
            // beside them: a probe file of ours, and a file outside the destination's prefix
            Path others = dir.resolve("others");
            Files.createDirectories(others.resolve("desk/prod"));
            Files.createDirectories(others.resolve("elsewhere"));
            Files.copy(x, others.resolve("desk/prod/.backupdesk-test-1"));
            Files.copy(x, others.resolve("elsewhere/z.dump"));
            AwsCli.Result put = aws.run("s3", "cp", "--recursive", others.toString(), "s3://" + bucket + "/");
            assertThat(put.ok()).as(put.err()).isTrue();

            List<RemoteStore.RemoteFile> all = store.list("");
            assertThat(all).extracting(RemoteStore.RemoteFile::key)
                    .containsExactlyInAnyOrder("prod/shop/x.dump", "prod/other/y.dump");
            assertThat(all).filteredOn(f -> f.key().equals("prod/other/y.dump"))
                    .singleElement().satisfies(f -> {
                        assertThat(f.size()).isEqualTo(7 * MIB);
                        assertThat(f.modified()).isAfter(before).isBefore(Instant.now().plusSeconds(60));
                    });
            assertThat(store.list("prod/shop/")).extracting(RemoteStore.RemoteFile::key)
                    .containsExactly("prod/shop/x.dump");

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.download("prod/other/y.dump", out, new Cancellation());
            assertThat(RandomFiles.sha256(out.toByteArray())).isEqualTo(RandomFiles.sha256(y));
            BackupDeskException missing = catchThrowableOfType(BackupDeskException.class,
                    () -> store.download("prod/shop/none.dump", new ByteArrayOutputStream(), new Cancellation()));
            assertThat(missing.kind()).isEqualTo(ErrorKind.CONFIGURATION);
            assertThat(missing.getMessage()).contains("prod/shop/none.dump", store.describe(), "not there");

            store.delete("prod/shop/x.dump");
            store.delete("prod/shop/x.dump");
            assertThat(store.list("")).extracting(RemoteStore.RemoteFile::key).containsExactly("prod/other/y.dump");
            assertThat(aws.keys(bucket)).containsExactlyInAnyOrder("desk/prod/other/y.dump",
                    "desk/prod/.backupdesk-test-1", "elsewhere/z.dump");
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1000, 23 * MIB})
    void aFileThatIsNotTheRecordedOneIsRefusedAndLeavesNothing(long size) throws Exception {
        Path file = RandomFiles.create(dir.resolve("changed.dump"), size);
        String recorded = RandomFiles.sha256(new byte[] {1, 2, 3});
        String sha256 = RandomFiles.sha256(file);
        for (S3Checksums mode : S3Checksums.values()) {
            try (S3Store store = store(mode)) {
                BackupDeskException e = catchThrowableOfType(BackupDeskException.class, () -> store.upload(file,
                        "prod/shop/changed-" + mode + ".dump", recorded, n -> { }, new Cancellation()));
                assertThat(e.kind()).isEqualTo(ErrorKind.IO);
                assertThat(e.getMessage()).contains(store.describe(), sha256, recorded, "nothing was kept");
            }
        }
        assertThat(aws.keys(bucket)).isEmpty();
        assertThat(aws.unfinishedUploads(bucket)).isEmpty();
    }

    @Test
    void aCancelledUploadLeavesNothing() throws Exception {
        Path file = RandomFiles.create(dir.resolve("big.dump"), 120 * MIB);
        String sha256 = RandomFiles.sha256(file);
        Cancellation cancel = new Cancellation();
        List<Long> reported = new CopyOnWriteArrayList<>();
        try (S3Store store = store(S3Checksums.SHA256)) {
            BackupDeskException e = catchThrowableOfType(BackupDeskException.class,
                    () -> store.upload(file, "prod/shop/big.dump", sha256, sent -> {
                        reported.add(sent);
                        cancel.cancel();
                    }, cancel));
            assertThat(e.kind()).isEqualTo(ErrorKind.CANCELLED);
        }
        long size = Files.size(file);
        assertThat(reported).isNotEmpty().allMatch(sent -> sent < size);
        assertThat(aws.keys(bucket)).isEmpty();
        assertThat(aws.unfinishedUploads(bucket)).isEmpty();
    }

    @Test
    void anUploadReplacesTheFileAtItsKey() throws Exception {
        Path first = RandomFiles.create(dir.resolve("first.dump"), 2 * MIB);
        Path second = RandomFiles.create(dir.resolve("second.dump"), 11 * MIB);
        try (S3Store store = store(S3Checksums.MD5)) {
            store.upload(first, "prod/shop/a.dump", RandomFiles.sha256(first), n -> { }, new Cancellation());
            store.upload(second, "prod/shop/a.dump", RandomFiles.sha256(second), n -> { }, new Cancellation());
            assertThat(store.list("")).singleElement().satisfies(f -> assertThat(f.size()).isEqualTo(11 * MIB));
        }
        assertThat(aws.run("s3", "cp", "s3://" + bucket + "/desk/prod/shop/a.dump", "-").sha256())
                .isEqualTo(RandomFiles.sha256(second));
    }

    @ParameterizedTest
    @EnumSource(S3Checksums.class)
    void theTestOfAGoodDestinationWritesReadsAndRemovesItsProbe(S3Checksums mode) {
        try (S3Store store = store(mode)) {
            store.test();
            assertThat(store.list("")).isEmpty();
        }
        assertThat(aws.keys(bucket)).isEmpty();
    }

    @Test
    void theTestOfABucketThatDoesNotExistSaysSo() {
        try (S3Store store = new S3Store(destination(server, "s3://no-such-bucket/desk", S3Checksums.SHA256), KEYS)) {
            BackupDeskException e = catchThrowableOfType(BackupDeskException.class, store::test);
            assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
            assertThat(e.getMessage()).contains("s3://no-such-bucket/desk at " + server.endpoint(),
                    "bucket does not exist");
            assertThat(e.hint()).contains("bucket name");
        }
    }

    @Test
    void aDestinationWithoutRegionOrPrefixKeepsFilesAtTheTopOfTheBucket() throws Exception {
        Path file = RandomFiles.create(dir.resolve("top.dump"), 100);
        Destination noRegion = new Destination("offsite", "s3://" + bucket, server.endpoint(), null, true,
                S3Checksums.SHA256, null, null, null, false, Instant.now());
        try (S3Store store = new S3Store(noRegion, KEYS)) {
            store.upload(file, "top.dump", RandomFiles.sha256(file), n -> { }, new Cancellation());
            assertThat(store.list("")).extracting(RemoteStore.RemoteFile::key).containsExactly("top.dump");
        }
        assertThat(aws.keys(bucket)).containsExactly("top.dump");
    }
}
