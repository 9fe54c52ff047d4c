package io.backupdesk.schedule;

import io.backupdesk.core.DaemonThreads;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The real timers: one daemon thread that sleeps until the next timer is due; no polling. */
public final class ExecutorTimers implements Timers {
    private final ScheduledExecutorService executor;

    public ExecutorTimers() {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("scheduler-timer"));
        // a re-armed schedule cancels its old timer; drop those at once instead of keeping them until they are due
        pool.setRemoveOnCancelPolicy(true);
        this.executor = Executors.unconfigurableScheduledExecutorService(pool);
    }

    @Override
    public Armed after(Duration delay, Runnable task) {
        var future = executor.schedule(task, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public long monotonicNanos() {
        return System.nanoTime();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
