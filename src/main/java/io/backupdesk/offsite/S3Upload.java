package io.backupdesk.offsite;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.DaemonThreads;
import io.backupdesk.core.Destination.S3Checksums;
import io.backupdesk.core.ErrorKind;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * One upload to S3, confirmed by the server (decision 0034). The calling thread reads the file once, in order, for
 * the whole file's SHA-256 and each part's digest; a few threads send the parts, each read again from the file (the
 * page cache) rather than held in memory, so memory does not grow with the part size or the file. A part counts only
 * when the server's answer carries the digest it was sent with. Any failure or cancel aborts the multipart upload.
 * Used by one thread at a time.
 */
final class S3Upload {
    private static final int MAX_PARTS = 10_000;
    private static final long MIB = 1024 * 1024;
    private static final long REPORT_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final S3Client s3;
    private final String bucket;
    private final S3Checksums mode;
    private final long partSize;
    private final int parallelism;
    private final S3Failures failures;

    S3Upload(S3Client s3, String bucket, S3Checksums mode, long partSize, int parallelism, S3Failures failures) {
        this.s3 = s3;
        this.bucket = bucket;
        this.mode = mode;
        this.partSize = partSize;
        this.parallelism = parallelism;
        this.failures = failures;
    }

    /** What the user reads in the copy's record: how the server confirmed it. */
    String how() {
        return mode == S3Checksums.SHA256 ? "server SHA-256 per part" : "server MD5 per part";
    }

    RemoteStore.Confirmed upload(Path file, String fullKey, String key, String sha256, LongConsumer sent,
                                 Cancellation cancel) {
        String doing = "Could not upload " + key + " to";
        cancel.throwIfCancelled();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long part = partSizeFor(size);
            Run run = new Run(channel, fullKey, doing, sent, cancel);
            return size <= part ? run.single(size, sha256) : run.multipart(size, part, sha256);
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "Could not read " + file + " to upload it: " + e.getMessage(),
                    "Check that the backup file is there and readable.", List.of(), e);
        }
    }

    /** The configured part size, or larger where the file would need more parts than S3 allows. */
    long partSizeFor(long size) {
        long needed = (size + MAX_PARTS - 1) / MAX_PARTS;
        return Math.max(partSize, (needed + MIB - 1) / MIB * MIB);
    }

    /** The state of one upload. */
    private final class Run {
        private final FileChannel channel;
        private final String fullKey;
        private final String doing;
        private final LongConsumer sent;
        /** The user's cancel: the only thing that cuts parts being sent (see {@link #multipart}). */
        private final Cancellation cancel;
        private final AtomicLong total = new AtomicLong();
        private final AtomicInteger confirmed = new AtomicInteger();
        private long lastReport = System.nanoTime();

        Run(FileChannel channel, String fullKey, String doing, LongConsumer sent, Cancellation cancel) {
            this.channel = channel;
            this.fullKey = fullKey;
            this.doing = doing;
            this.sent = sent;
            this.cancel = cancel;
        }

        RemoteStore.Confirmed single(long size, String sha256) throws IOException {
            PartDigests digests = new PartDigests(mode);
            digests.read(channel, 0, size, cancel);
            String hex = PartDigests.hex(digests.wholeSha256());
            refuseUnlessSame(hex, sha256);
            PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(bucket).key(fullKey)
                    .contentLength(size);
            byte[] digest = digests.part();
            if (mode == S3Checksums.SHA256) {
                request.checksumSHA256(PartDigests.base64(digest));
            } else {
                request.contentMD5(PartDigests.base64(digest));
            }
            AtomicLong counted = new AtomicLong();
            PutObjectResponse response;
            try {
                response = s3.putObject(request.build(), RequestBody.fromContentProvider(
                        () -> new FilePartStream(channel, 0, size, cancel, counted, total), size,
                        "application/octet-stream"));
            } catch (SdkException e) {
                throw cancel.isCancelled() ? BackupDeskException.cancelled() : failures.map(doing, e);
            }
            PartDigests.Mismatch problem = mode == S3Checksums.SHA256
                    ? PartDigests.sha256Problem(digest, response.checksumSHA256())
                    : PartDigests.md5Problem(digest, response.eTag());
            if (problem != null) {
                deleteQuietly();
                throw unconfirmed(problem);
            }
            sent.accept(size);
            return new RemoteStore.Confirmed(hex, how());
        }

        RemoteStore.Confirmed multipart(long size, long part, String sha256) {
            abortLeftovers();
            String uploadId;
            try {
                uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(fullKey)
                        .checksumAlgorithm(mode == S3Checksums.SHA256 ? ChecksumAlgorithm.SHA256 : null)).uploadId();
            } catch (SdkException e) {
                throw failures.map(doing, e);
            }
            int count = (int) ((size + part - 1) / part);
            CompletedPart[] done = new CompletedPart[count];
            byte[][] digests = new byte[count][];
            AtomicReference<Throwable> failed = new AtomicReference<>();
            List<Future<?>> sending = new ArrayList<>();
            // parts read and hashed but not yet sent, and those being sent: the reader runs at most one part ahead
            Semaphore slots = new Semaphore(parallelism + 1);
            ExecutorService pool = Executors.newFixedThreadPool(parallelism, DaemonThreads.named("s3-upload"));
            PartDigests reader = new PartDigests(mode);
            try {
                for (int i = 0; i < count; i++) {
                    while (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                        checkGoing(failed);
                    }
                    checkGoing(failed);
                    long offset = i * part;
                    long length = Math.min(part, size - offset);
                    try {
                        reader.read(channel, offset, length, cancel);
                    } catch (IOException e) {
                        throw failures.failure(ErrorKind.IO, doing, "the backup file could not be read ("
                                + e.getMessage() + ")", "Check that the backup file is there and readable.", e);
                    }
                    digests[i] = reader.part();
                    int index = i;
                    sending.add(pool.submit(() -> {
                        try {
                            done[index] = sendPart(uploadId, index + 1, offset, length, digests[index]);
                        } catch (Throwable t) {
                            failed.compareAndSet(null, t);
                        } finally {
                            slots.release();
                        }
                    }));
                    report();
                }
                for (Future<?> f : sending) {
                    awaitReporting(f);
                }
                checkGoing(failed);
                byte[] whole = reader.wholeSha256();
                String hex = PartDigests.hex(whole);
                refuseUnlessSame(hex, sha256);
                CompleteMultipartUploadResponse response = s3.completeMultipartUpload(b -> b.bucket(bucket)
                        .key(fullKey).uploadId(uploadId).multipartUpload(m -> m.parts(done)));
                PartDigests.Mismatch problem = mode == S3Checksums.SHA256
                        ? PartDigests.compositeSha256Problem(digests, whole, response.checksumSHA256())
                        : PartDigests.compositeMd5Problem(digests, response.eTag());
                if (problem != null) {
                    deleteQuietly();
                    throw unconfirmed(problem);
                }
                sent.accept(size);
                return new RemoteStore.Confirmed(hex, how());
            } catch (Throwable t) {
                // Parts in flight are let finish (at most `parallelism` of them) and only then is the upload
                // aborted: a part cut mid-body may reach the store after the abort, or leave a piece the store's
                // abort then trips over, and either is an orphan the user pays for. Only a cancel cuts them.
                for (Future<?> f : sending) {
                    finish(f);
                }
                if (cancel.isCancelled()) {
                    abortQuietly(uploadId, t);
                    throw BackupDeskException.cancelled();
                }
                BackupDeskException failure = failures.map(doing, failed.get() != null ? failed.get() : t);
                if (failure.kind() == ErrorKind.CONNECTION && mode == S3Checksums.SHA256 && confirmed.get() == 0) {
                    failure = checksumRefusal(uploadId).orElse(failure);
                }
                abortQuietly(uploadId, t);
                throw failure;
            } finally {
                pool.shutdownNow();
            }
        }

        /**
         * Why no part got through, when the server may have refused the checksum header: a store that does not know
         * it answers before reading a part, and the HTTP client, still sending, sees only the connection closed. A
         * part of one byte gets the answer through.
         */
        private Optional<BackupDeskException> checksumRefusal(String uploadId) {
            byte[] one = {0};
            try {
                s3.uploadPart(b -> b.bucket(bucket).key(fullKey).uploadId(uploadId).partNumber(MAX_PARTS)
                        .checksumSHA256(PartDigests.base64(PartDigests.of("SHA-256", one))), RequestBody.fromBytes(one));
                return Optional.empty();
            } catch (SdkException e) {
                BackupDeskException answer = failures.map(doing, e);
                return answer.kind() == ErrorKind.CONFIGURATION ? Optional.of(answer) : Optional.empty();
            }
        }

        private CompletedPart sendPart(String uploadId, int number, long offset, long length, byte[] digest) {
            UploadPartRequest.Builder request = UploadPartRequest.builder().bucket(bucket).key(fullKey)
                    .uploadId(uploadId).partNumber(number).contentLength(length);
            if (mode == S3Checksums.SHA256) {
                request.checksumSHA256(PartDigests.base64(digest));
            } else {
                request.contentMD5(PartDigests.base64(digest));
            }
            AtomicLong counted = new AtomicLong();
            UploadPartResponse response = s3.uploadPart(request.build(), RequestBody.fromContentProvider(
                    () -> new FilePartStream(channel, offset, length, cancel, counted, total), length,
                    "application/octet-stream"));
            PartDigests.Mismatch problem = mode == S3Checksums.SHA256
                    ? PartDigests.sha256Problem(digest, response.checksumSHA256())
                    : PartDigests.md5Problem(digest, response.eTag());
            if (problem != null) {
                throw unconfirmed(new PartDigests.Mismatch("part " + number + ": " + problem.text(), problem.missing()));
            }
            confirmed.incrementAndGet();
            return CompletedPart.builder().partNumber(number).eTag(response.eTag())
                    .checksumSHA256(mode == S3Checksums.SHA256 ? PartDigests.base64(digest) : null).build();
        }

        private void checkGoing(AtomicReference<Throwable> failed) {
            Throwable t = failed.get();
            if (t != null) {
                throw t instanceof RuntimeException r ? r : new IllegalStateException(t);
            }
            cancel.throwIfCancelled();
            report();
        }

        private void awaitReporting(Future<?> f) throws InterruptedException, ExecutionException {
            while (true) {
                try {
                    f.get(100, TimeUnit.MILLISECONDS);
                    return;
                } catch (TimeoutException notYet) {
                    report();
                }
            }
        }

        private void report() {
            long now = System.nanoTime();
            if (now - lastReport >= REPORT_EVERY_NANOS) {
                lastReport = now;
                sent.accept(total.get());
            }
        }

        private void refuseUnlessSame(String hex, String sha256) {
            if (!hex.equalsIgnoreCase(sha256 == null ? "" : sha256.strip())) {
                throw failures.failure(ErrorKind.IO, doing, "the file's SHA-256 (" + hex + ") is not the one its "
                                + "backup recorded (" + sha256 + "), so it changed or is damaged; nothing was kept",
                        "Verify the backup; a damaged file is not copied.", null);
            }
        }

        private BackupDeskException unconfirmed(PartDigests.Mismatch problem) {
            return failures.failure(problem.missing() ? ErrorKind.CONFIGURATION : ErrorKind.IO, doing,
                    "the server did not confirm what it received (" + problem.text() + "); nothing was kept",
                    problem.missing() && mode == S3Checksums.SHA256
                            ? "This store does not return SHA-256 checksums: set the destination's checksums to MD5."
                            : "Try again; if it happens again, the store or the network path alters uploads.", null);
        }

        /** Uploads of this key that an earlier run could not abort (the server was unreachable then). */
        private void abortLeftovers() {
            try {
                for (MultipartUpload old : s3.listMultipartUploads(b -> b.bucket(bucket).prefix(fullKey)).uploads()) {
                    if (old.key().equals(fullKey)) {
                        s3.abortMultipartUpload(b -> b.bucket(bucket).key(fullKey).uploadId(old.uploadId()));
                    }
                }
            } catch (SdkException notSupported) {
                // a store without the listing; the upload itself says what is wrong if anything is
            }
        }

        private void abortQuietly(String uploadId, Throwable failure) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(fullKey).uploadId(uploadId));
            } catch (SdkException e) {
                // the next upload of this key removes it (abortLeftovers); the failure that matters is the first
                failure.addSuppressed(e);
            }
        }

        private void deleteQuietly() {
            try {
                s3.deleteObject(b -> b.bucket(bucket).key(fullKey));
            } catch (SdkException ignored) {
                // the failure that is thrown says the copy does not count; a later upload replaces it
            }
        }
    }

    private static void finish(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException ignored) {
            // recorded by the task itself
        }
    }
}
