package io.backupdesk.backup;

import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads a plain SQL dump as text, decompressing a gzip-compressed one (told by its magic bytes, not its name) as a
 * stream. Our plain dumps are written as several gzip members (compressed on every core), so every member is read,
 * as gzip itself does.
 */
public final class PlainDumpStream {
    private static final int BUFFER = 1 << 16;

    private PlainDumpStream() { }

    public static boolean isGzip(Path dump) throws IOException {
        try (InputStream in = Files.newInputStream(dump)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** The dump's SQL text; reading it fails with an IOException where the compressed stream is damaged. */
    public static InputStream open(Path dump) throws IOException {
        return open(dump, new AtomicLong());
    }

    /** Like {@link #open(Path)}, counting the bytes read from the file itself in {@code fileBytesRead}, for progress. */
    public static InputStream open(Path dump, AtomicLong fileBytesRead) throws IOException {
        boolean gzip = isGzip(dump);
        InputStream raw = new BufferedInputStream(new Counting(Files.newInputStream(dump), fileBytesRead), BUFFER);
        try {
            return gzip ? new GzipCompressorInputStream(raw, true) : raw;
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * The SQL text of a plain dump read from a stream (an encrypted one's plaintext), counting the stream's bytes in
     * {@code bytesRead}.
     */
    public static InputStream open(InputStream dump, AtomicLong bytesRead) throws IOException {
        InputStream raw = new BufferedInputStream(new Counting(dump, bytesRead), BUFFER);
        raw.mark(2);
        boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
        raw.reset();
        return gzip ? new GzipCompressorInputStream(raw, true) : raw;
    }

    private static final class Counting extends FilterInputStream {
        private final AtomicLong count;

        Counting(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
