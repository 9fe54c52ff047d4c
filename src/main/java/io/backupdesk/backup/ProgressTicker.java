package io.backupdesk.backup;

import io.backupdesk.core.DaemonThreads;
import io.backupdesk.core.Progress;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Reports a dump's progress twice a second from a thread of its own, feeding the tracker with the server's COPY
 * progress first. Progress is best effort: a failing tick is skipped, never fatal. Nobody listening
 * ({@link Progress#NONE}, e.g. a script) means no ticks at all: they would only take CPU from pg_dump.
 */
final class ProgressTicker implements AutoCloseable {
    /** Where COPY progress comes from; opened lazily by the ticker, closed with it. */
    interface Monitor extends AutoCloseable {
        Monitor NONE = new Monitor() {
            @Override
            public Map<Long, Long> copyProgress() {
                return Map.of();
            }

            @Override
            public void close() {
                // nothing opened
            }
        };

        Map<Long, Long> copyProgress();

        @Override
        void close();
    }

    private static final long TICK_MILLIS = 500;

    private final DumpProgress tracker;
    private final Monitor monitor;
    private final Progress progress;
    private final LongSupplier bytes;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("dump-progress"));

    ProgressTicker(DumpProgress tracker, Monitor monitor, Progress progress, LongSupplier bytes) {
        this.tracker = tracker;
        this.monitor = monitor;
        this.progress = progress;
        this.bytes = bytes;
        if (progress != Progress.NONE) {
            executor.scheduleWithFixedDelay(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void tick() {
        try {
            tracker.onCopyProgress(monitor.copyProgress());
            reportNow();
        } catch (RuntimeException e) {
            // best effort, see the class comment
        }
    }

    void reportNow() {
        progress.report(tracker.snapshot(bytes.getAsLong()));
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        monitor.close();
    }
}
