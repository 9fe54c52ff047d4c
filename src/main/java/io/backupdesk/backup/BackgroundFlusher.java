package io.backupdesk.backup;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Flushes a file being written to disk every few tens of megabytes, on a thread of its own, so that the fsync that
 * makes the backup durable at the end has little left to do. Never interrupted: an interrupt would close the channel.
 */
final class BackgroundFlusher implements AutoCloseable {
    private static final long EVERY_BYTES = 32L << 20;
    private static final long POLL_NANOS = 100_000_000L;

    private final FileChannel channel;
    private final AtomicLong written;
    private final Thread thread;
    private volatile boolean running = true;

    BackgroundFlusher(FileChannel channel, AtomicLong written) {
        this.channel = channel;
        this.written = written;
        this.thread = new Thread(this::loop, "archive-flush");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        long flushed = 0;
        while (running) {
            LockSupport.parkNanos(POLL_NANOS);
            long now = written.get();
            if (running && now - flushed >= EVERY_BYTES) {
                try {
                    channel.force(false);
                    flushed = now;
                } catch (IOException e) {
                    return;
                }
            }
        }
    }

    /** Stops flushing and waits for a flush in progress; the owner does the final fsync. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
