package io.backupdesk.backup;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ByteSizes;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.DaemonThreads;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.pg.ToolErrors;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Stops a dump that grows past the size limit set for it, so that one runaway backup cannot fill the disk the
 * others live on. It looks at the bytes written four times a second, from a thread of its own, and cancels pg_dump
 * the first time they are over; the run then fails and removes what it wrote, as any failed run does.
 */
final class SizeLimit implements AutoCloseable {
    private static final long CHECK_MILLIS = 250;

    private final Long maxBytes;
    private final LongSupplier bytes;
    private final ScheduledExecutorService watcher;
    private volatile long seen = -1;

    /** @param maxBytes null for no limit: then nothing is watched */
    SizeLimit(Long maxBytes, LongSupplier bytes, Cancellation dump) {
        this.maxBytes = maxBytes;
        this.bytes = bytes;
        if (maxBytes == null) {
            watcher = null;
            return;
        }
        watcher = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("size-limit"));
        watcher.scheduleWithFixedDelay(() -> {
            long now = measure();
            if (now > maxBytes) {
                seen = now;
                dump.cancel();
            }
        }, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Fails the run when the limit was passed: while pg_dump ran, or by the finished archive's size. */
    void throwIfExceeded(long finalBytes) {
        if (maxBytes != null && finalBytes > maxBytes) {
            seen = finalBytes;
        }
        throwIfExceeded();
    }

    void throwIfExceeded() {
        if (seen >= 0) {
            throw new BackupDeskException(ErrorKind.TOO_LARGE, "The backup grew past its size limit of "
                    + ByteSizes.format(maxBytes) + " (" + ByteSizes.format(seen) + " written) and was stopped;"
                    + " nothing of it was kept.", ToolErrors.hintFor(ErrorKind.TOO_LARGE), List.of(), null);
        }
    }

    private long measure() {
        try {
            return bytes.getAsLong();
        } catch (RuntimeException e) {
            // a folder being written can change under the count; the next look counts again
            return -1;
        }
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }
}
