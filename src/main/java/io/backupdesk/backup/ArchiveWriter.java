package io.backupdesk.backup;

import io.backupdesk.core.Compression;
import io.backupdesk.pg.ProcessRunner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Receives pg_dump's archive on stdout and writes it to the partial file, hashing and counting the bytes on the way
 * and fsyncing at the end. Plain SQL is gzip-compressed here, on every core; archive formats are written as they come.
 * An encrypted backup goes through age after that, so the plaintext never reaches the disk and the checksum is the
 * ciphertext's; a copy of the plaintext may go to a {@link StreamedReadBack}. For plain SQL it remembers the last
 * bytes, so the caller can check pg_dump's completion marker: exit code 0 alone does not prove a dump whole.
 */
final class ArchiveWriter implements ProcessRunner.StdoutHandler {
    static final String COMPLETION_MARKER = "PostgreSQL database dump complete";
    private static final int READ_BUFFER = 1 << 16;
    private static final int TAIL = 512;

    private final Path partial;
    private final Compression gzip;
    private final AtomicLong written;
    private final byte[] tail = new byte[TAIL];
    private int tailLength;
    private final ArchiveEncryption encryption;
    private final StreamedReadBack readBack;
    private final TocTap tocTap;
    private volatile String sha256;

    /**
     * @param gzip       compression to apply here (plain SQL); null to store the bytes as pg_dump wrote them
     * @param encryption null to write the archive unencrypted
     * @param readBack   receives a copy of what pg_dump wrote; null for none
     * @param tocTap     reads the table of contents from what pg_dump wrote; null for none
     */
    ArchiveWriter(Path partial, Compression gzip, AtomicLong written, ArchiveEncryption encryption,
                  StreamedReadBack readBack, TocTap tocTap) {
        this.partial = partial;
        this.gzip = gzip == null || gzip.isNone() ? null : gzip;
        this.written = written;
        this.encryption = encryption;
        this.readBack = readBack;
        this.tocTap = tocTap;
    }

    @Override
    public void consume(InputStream stdout) throws IOException {
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
             BackgroundFlusher flusher = new BackgroundFlusher(channel, written)) {
            HashingFileSink sink = new HashingFileSink(channel, written);
            OutputStream sealed = encryption == null ? sink : encryption.encrypt(sink);
            OutputStream out = gzip == null ? sealed
                    : new ParallelGzipOutputStream(sealed, gzip.level(), Runtime.getRuntime().availableProcessors());
            try {
                byte[] buffer = new byte[READ_BUFFER];
                int n;
                while ((n = stdout.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                    remember(buffer, n);
                    if (readBack != null) {
                        readBack.accept(buffer, n);
                    }
                    if (tocTap != null) {
                        tocTap.accept(buffer, n);
                    }
                }
                if (tocTap != null) {
                    // from this thread: a pipe whose writer ends without closing it is broken to its reader
                    tocTap.close();
                }
                if (out instanceof ParallelGzipOutputStream parallel) {
                    parallel.finish();
                }
                if (sealed != sink) {
                    // writes age's last chunk, which marks the end: a file cut short after it fails to decrypt
                    sealed.close();
                }
            } catch (IOException | RuntimeException e) {
                if (out instanceof ParallelGzipOutputStream parallel) {
                    parallel.abort();
                }
                throw e;
            }
            flusher.close();
            channel.force(true);
            sha256 = sink.sha256();
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
