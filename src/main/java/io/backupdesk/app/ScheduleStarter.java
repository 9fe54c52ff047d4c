package io.backupdesk.app;

import io.backupdesk.jobs.CopyJob;
import io.backupdesk.jobs.StaleDatabases;
import io.backupdesk.schedule.BackupScheduler;
import io.backupdesk.schedule.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Starts the app's scheduler once the app holds the schedules ({@link SchedulerLock}). A {@code schedule run-due}
 * started by cron may hold them at this moment; then a daemon thread tries again every few seconds until it has
 * finished, so the two never run the same schedule. Where the schedules run, the watch for databases past their
 * recovery-point objective runs too, tray or no tray.
 */
final class ScheduleStarter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleStarter.class);
    private static final long RETRY_MILLIS = 5_000;

    private final BackupScheduler scheduler;
    private final StaleDatabases stale;
    private final Path runsDir;
    private volatile AutoCloseable staleWatch;
    private volatile AutoCloseable copyRetries;
    private final CopyJob copies;
    private volatile SchedulerLock lock;
    private volatile boolean closed;
    private Thread waiter;

    ScheduleStarter(BackupScheduler scheduler, StaleDatabases stale, CopyJob copies, Path runsDir) {
        this.copies = copies;
        this.scheduler = scheduler;
        this.stale = stale;
        this.runsDir = runsDir;
    }

    synchronized void start() {
        if (waiter != null || closed) {
            return;
        }
        waiter = new Thread(this::waitForTheSchedules, "scheduler-start");
        waiter.setDaemon(true);
        waiter.start();
    }

    private void waitForTheSchedules() {
        boolean told = false;
        while (!closed) {
            try {
                if (acquireAndStart()) {
                    return;
                }
                if (!told) {
                    LOG.info("Another process runs the schedules now (schedule run-due); waiting for it to finish");
                    told = true;
                }
                Thread.sleep(RETRY_MILLIS);
            } catch (IOException e) {
                LOG.warn("The schedules cannot run: {}", e.getMessage());
                return;
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Takes the lock and starts the schedules, never while or after the app closes. */
    private synchronized boolean acquireAndStart() throws IOException {
        if (closed) {
            return true;
        }
        Optional<SchedulerLock> acquired = SchedulerLock.tryAcquire(runsDir);
        if (acquired.isEmpty()) {
            return false;
        }
        lock = acquired.get();
        scheduler.start();
        staleWatch = stale.watch();
        copyRetries = copies.watch();
        LOG.info("The schedules run in this app");
        return true;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (waiter != null) {
            waiter.interrupt();
        }
        for (AutoCloseable watch : new AutoCloseable[] {staleWatch, copyRetries}) {
            if (watch != null) {
                try {
                    watch.close();
                } catch (Exception e) {
                    LOG.debug("Stopping a watch: {}", e.getMessage());
                }
            }
        }
        SchedulerLock held = lock;
        if (held != null) {
            try {
                held.close();
            } catch (IOException e) {
                LOG.debug("Releasing the scheduler lock: {}", e.getMessage());
            }
        }
    }
}
