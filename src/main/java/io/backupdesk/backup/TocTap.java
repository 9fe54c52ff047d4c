package io.backupdesk.backup;

import io.backupdesk.core.DaemonThreads;
import io.backupdesk.pg.ArchiveToc;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reads an archive's table of contents from the plaintext as pg_dump writes it, for an archive that reaches the disk
 * only encrypted. The table of contents comes first, so the tap takes bytes only until it has read it.
 */
final class TocTap implements AutoCloseable {
    private static final int PIPE_BYTES = 1 << 20;

    private final PipedOutputStream sink = new PipedOutputStream();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(DaemonThreads.named("toc-tap"));
    private final CompletableFuture<ArchiveToc> toc;
    private volatile boolean done;

    TocTap(Path archiveName) throws IOException {
        PipedInputStream source = new WakingPipe(sink, PIPE_BYTES);
        toc = CompletableFuture.supplyAsync(() -> {
            try (source) {
                return ArchiveToc.readStream(archiveName, source);
            } catch (IOException e) {
                throw new CompletionException(e);
            } finally {
                done = true;
            }
        }, thread);
    }

    /** The next bytes pg_dump wrote; ignored once the table of contents is read. */
    void accept(byte[] buffer, int length) {
        if (done) {
            return;
        }
        try {
            sink.write(buffer, 0, length);
            // a write does not wake a reader waiting for bytes, a flush does: else it sleeps out a poll of a second
            sink.flush();
        } catch (IOException e) {
            // the reader finished (or failed) between the check and the write: what it read is its answer
            done = true;
        }
    }

    /** The table of contents, once pg_dump has written everything. */
    ArchiveToc toc() {
        close();
        try {
            return toc.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    @Override
    public void close() {
        try {
            sink.close();
        } catch (IOException e) {
            // nothing to flush that matters
        }
        thread.shutdown();
    }

    /**
     * A pipe whose reader, when it closes, wakes a writer waiting for space. {@link PipedInputStream#close()} does not,
     * so the writer, which is pg_dump's output on its way to the disk, stood still for the second of its poll in every
     * encrypted backup, once the table of contents was read from a full pipe (bench/backup.sh: gi against i).
     */
    private static final class WakingPipe extends PipedInputStream {
        WakingPipe(PipedOutputStream source, int size) throws IOException {
            super(source, size);
        }

        @Override
        public void close() throws IOException {
            super.close();
            synchronized (this) {
                notifyAll();
            }
        }
    }
}
