package io.backupdesk.backup;

import io.backupdesk.core.Compression;
import io.backupdesk.pg.ProcessRunner;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Receives pg_dump's plain SQL on stdout and writes it gzip-compressed (on every core) to the partial file,
 * hashing and counting the bytes as they go and fsyncing at the end. Remembers the last bytes of SQL so the caller
 * can check for pg_dump's completion marker: exit code 0 alone does not prove the dump is whole.
 */
final class PlainDumpWriter implements ProcessRunner.StdoutHandler {
    static final String COMPLETION_MARKER = "PostgreSQL database dump complete";
    private static final int READ_BUFFER = 1 << 16;
    private static final int TAIL = 512;

    private final Path partial;
    private final Compression compression;
    private final AtomicLong bytesWritten;
    private final byte[] tail = new byte[TAIL];
    private int tailLength;
    private volatile String sha256;

    PlainDumpWriter(Path partial, Compression compression, AtomicLong bytesWritten) {
        this.partial = partial;
        this.compression = compression;
        this.bytesWritten = bytesWritten;
    }

    @Override
    public void consume(InputStream stdout) throws IOException {
        try (FileOutputStream file = new FileOutputStream(partial.toFile())) {
            DigestCountingOutputStream hashed = new DigestCountingOutputStream(file, bytesWritten);
            OutputStream sink = compression.isNone() ? hashed
                    : new ParallelGzipOutputStream(hashed, compression.level(), Runtime.getRuntime().availableProcessors());
            try {
                byte[] buffer = new byte[READ_BUFFER];
                int n;
                while ((n = stdout.read(buffer)) > 0) {
                    sink.write(buffer, 0, n);
                    remember(buffer, n);
                }
                if (sink instanceof ParallelGzipOutputStream gzip) {
                    gzip.finish();
                }
                hashed.flush();
            } catch (IOException | RuntimeException e) {
                if (sink instanceof ParallelGzipOutputStream gzip) {
                    gzip.abort();
                }
                throw e;
            }
            file.getFD().sync();
            sha256 = hashed.sha256();
        }
    }

    private void remember(byte[] buffer, int n) {
        if (n >= TAIL) {
            System.arraycopy(buffer, n - TAIL, tail, 0, TAIL);
            tailLength = TAIL;
        } else {
            int keep = Math.min(tailLength, TAIL - n);
            System.arraycopy(tail, tailLength - keep, tail, 0, keep);
            System.arraycopy(buffer, 0, tail, keep, n);
            tailLength = keep + n;
        }
    }

    boolean sawCompletionMarker() {
        return new String(tail, 0, tailLength, StandardCharsets.UTF_8).contains(COMPLETION_MARKER);
    }

    /** The archive's SHA-256; set once {@link #consume} returned normally. */
    String sha256() {
        return sha256;
    }
}
