package io.backupdesk.offsite;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.Destination;
import io.backupdesk.core.ErrorKind;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * An S3-compatible bucket (AWS, MinIO, Ceph, R2…) as a {@link RemoteStore}: {@code s3://BUCKET[/PREFIX]}, files under
 * {@code PREFIX/}. Uploads are confirmed by the server's checksum of every part (decision 0034). Loading this class
 * loads the AWS SDK: only code that has an S3 destination in hand may touch it.
 */
public final class S3Store implements RemoteStore {
    /** Parts of 16 MiB, four sent at a time: see decision 0034 and bench/offsite.sh. */
    public static final long DEFAULT_PART_SIZE = 16L * 1024 * 1024;
    /** S3's smallest part but the last. */
    public static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    static final int PARALLEL_PARTS = 4;
    /** Files of ours that {@link #list} never shows: the probe of {@link #test}. */
    static final String HIDDEN_PREFIX = ".backupdesk-";

    private final String bucket;
    private final String root;
    private final String description;
    private final S3Failures failures;
    private final S3Client s3;
    private final S3Upload uploads;

    public S3Store(Destination destination, DestinationCredentials credentials) {
        this(destination, credentials, DEFAULT_PART_SIZE);
    }

    /** With another part size, at least {@link #MIN_PART_SIZE}: for tests of multipart uploads on small files. */
    public S3Store(Destination destination, DestinationCredentials credentials, long partSize) {
        if (destination.kind() != Destination.Kind.S3) {
            throw new IllegalArgumentException(destination.name() + " is not an S3 destination");
        }
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("S3 parts are at least 5 MiB, not " + partSize);
        }
        URI url = destination.uri();
        bucket = url.getHost();
        String prefix = url.getPath() == null ? "" : url.getPath().replaceAll("^/+|/+$", "");
        root = prefix.isEmpty() ? "" : prefix + "/";
        URI endpoint = S3Clients.endpoint(destination);
        description = destination.url() + (endpoint == null ? "" : " at " + endpoint);
        failures = new S3Failures(description, destination.s3Checksums(),
                credentials == null ? DestinationCredentials.NONE : credentials);
        s3 = S3Clients.build(destination, credentials == null ? DestinationCredentials.NONE : credentials, endpoint);
        uploads = new S3Upload(s3, bucket, destination.s3Checksums(), partSize, PARALLEL_PARTS, failures);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public Confirmed upload(Path file, String key, String sha256, LongConsumer sent, Cancellation cancel) {
        return uploads.upload(file, fullKey(key), key, sha256, sent, cancel);
    }

    @Override
    public void download(String key, OutputStream out, Cancellation cancel) {
        String doing = "Could not download " + key + " from";
        cancel.throwIfCancelled();
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(fullKey(key)))) {
            byte[] buffer = new byte[128 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (cancel.isCancelled()) {
                    // closing would read the rest of the object to reuse the connection
                    in.abort();
                    throw BackupDeskException.cancelled();
                }
                out.write(buffer, 0, n);
            }
        } catch (NoSuchKeyException e) {
            throw failures.failure(ErrorKind.CONFIGURATION, doing, "it is not there",
                    "List the destination to see what it holds.", e);
        } catch (SdkException | IOException e) {
            throw failures.map(doing, e);
        }
    }

    @Override
    public List<RemoteFile> list(String prefix) {
        List<RemoteFile> files = new ArrayList<>();
        try {
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(root + prefix)).contents()) {
                String key = o.key().substring(root.length());
                String name = key.substring(key.lastIndexOf('/') + 1);
                // "folder/" markers are no files; names starting with '.' are temporaries and probes, ours or a store's
                if (!name.isEmpty() && !RemoteKeys.hidden(key)) {
                    files.add(new RemoteFile(key, o.size(), o.lastModified()));
                }
            }
        } catch (SdkException e) {
            throw failures.map("Could not list", e);
        }
        return files;
    }

    @Override
    public void delete(String key) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(fullKey(key)));
        } catch (NoSuchKeyException alreadyGone) {
            // S3 itself answers 204 for a missing key; some stores answer 404
        } catch (SdkException e) {
            throw failures.map("Could not delete " + key + " from", e);
        }
    }

    @Override
    public void test() {
        String key = root + HIDDEN_PREFIX + "test-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
        byte[] content = ("Backup Desk checks that it can write here. " + Instant.now() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        boolean shaMode = failures.checksums() == Destination.S3Checksums.SHA256;
        byte[] digest = PartDigests.of(shaMode ? "SHA-256" : "MD5", content);
        PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(bucket).key(key);
        if (shaMode) {
            put.checksumSHA256(PartDigests.base64(digest));
        } else {
            put.contentMD5(PartDigests.base64(digest));
        }
        PutObjectResponse written;
        try {
            written = s3.putObject(put.build(), RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw failures.map("Could not write a test file to", e);
        }
        BackupDeskException failure = null;
        try {
            PartDigests.Mismatch problem = shaMode ? PartDigests.sha256Problem(digest, written.checksumSHA256())
                    : PartDigests.md5Problem(digest, written.eTag());
            if (problem != null) {
                throw failures.failure(problem.missing() ? ErrorKind.CONFIGURATION : ErrorKind.IO,
                        "Could not confirm the test file written to", "the server " + problem.text(),
                        problem.missing() && shaMode ? "This store does not return SHA-256 checksums: set the "
                                + "destination's checksums to MD5." : "The store or the network path alters uploads.",
                        null);
            }
            byte[] back = readBack(key);
            if (!Arrays.equals(back, content)) {
                throw failures.failure(ErrorKind.IO, "Could not read back the test file written to",
                        "it came back different (" + back.length + " bytes for " + content.length + ")",
                        "The store or the network path alters what it keeps.", null);
            }
        } catch (BackupDeskException e) {
            failure = e;
        }
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            BackupDeskException notRemoved = failures.map("Could not remove the test file " + key + " from", e);
            if (failure == null) {
                failure = notRemoved;
            } else {
                failure.addSuppressed(notRemoved);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private byte[] readBack(String fullKey) {
        try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(fullKey))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (SdkException | IOException e) {
            throw failures.map("Could not read back the test file written to", e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    @Override
    public String toString() {
        return "S3Store[" + description + "]";
    }

    private String fullKey(String key) {
        if (key == null || key.isBlank() || key.startsWith("/")) {
            throw new IllegalArgumentException("not a key relative to the destination: '" + key + "'");
        }
        return root + key;
    }
}
