package io.backupdesk.schedule;

import io.backupdesk.core.Cancellation;
import io.backupdesk.core.JobRun;
import io.backupdesk.jobs.DatabaseClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Where the scheduler's runs start, under two limits:
 * <ul>
 *   <li>one job per database: the run claims its database in {@link DatabaseClaims}, shared with the screens'
 *   backups and restores; a run that finds it busy is recorded as skipped, not queued;</li>
 *   <li>at most {@code maxConcurrent} jobs at once across databases: a claimed run waits on a worker thread for a
 *   free slot, and its database counts as busy while it waits.</li>
 * </ul>
 * Thread-safe: runs are launched from timer threads and from callers of "Run now".
 */
final class RunSlots {
    private static final Logger LOG = LoggerFactory.getLogger(RunSlots.class);

    private final BackupScheduler.Job job;
    private final BackupScheduler.SkipRecorder skips;
    private final BackupScheduler.DatabaseKeys databases;
    private final DatabaseClaims claims;
    private final Semaphore slots;
    private final ExecutorService workers;
    private final SchedulerListeners listeners;
    /** The runs that hold their database's claim, by key, with the switch that cancels each. */
    private final Map<String, Cancellation> running = new ConcurrentHashMap<>();

    /** @param workers where the jobs run; each job holds a thread for its whole run */
    RunSlots(BackupScheduler.Job job, BackupScheduler.SkipRecorder skips, BackupScheduler.DatabaseKeys databases,
             DatabaseClaims claims, int maxConcurrent, ExecutorService workers, SchedulerListeners listeners) {
        this.job = job;
        this.skips = skips;
        this.databases = databases;
        this.claims = claims;
        this.slots = new Semaphore(Math.max(1, maxConcurrent), true);
        this.workers = workers;
        this.listeners = listeners;
    }

    /**
     * Claims the run's database and hands the run to a worker.
     *
     * @return false when the database already has a job, which was recorded as skipped, or the scheduler is closing
     */
    boolean launch(RunRequest run) {
        String database = databases.of(run);
        Cancellation cancel = new Cancellation();
        if (!claim(run, database, cancel)) {
            JobRun skipped = skips.skipped(run, claims.skipReason(database));
            LOG.info("Run {} skipped: {} is busy", run, database);
            listeners.skipped(run, skipped);
            return false;
        }
        listeners.stateChanged();
        try {
            workers.execute(() -> runClaimed(run, database, cancel));
        } catch (RejectedExecutionException e) {
            release(run, database); // closing
            return false;
        }
        return true;
    }

    boolean anyRunning() {
        return !running.isEmpty();
    }

    /** Whether the run of this key holds its database now, running or waiting for a slot. */
    boolean isRunning(String key) {
        return running.containsKey(key);
    }

    /** Cancels the runs and waits up to 30 s for them to clean up as a cancel makes them. */
    void close() {
        running.values().forEach(Cancellation::cancel);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("Scheduled jobs did not stop within 30 s of being cancelled");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The claim and the running mark change together, so no one sees a claimed database without its run. */
    private boolean claim(RunRequest run, String database, Cancellation cancel) {
        synchronized (claims) {
            if (!claims.claim(database, DatabaseClaims.SCHEDULED_BACKUP)) {
                return false;
            }
            running.put(run.key(), cancel);
            return true;
        }
    }

    private void release(RunRequest run, String database) {
        synchronized (claims) {
            claims.release(database);
            running.remove(run.key());
        }
    }

    private void runClaimed(RunRequest run, String database, Cancellation cancel) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release(run, database);
            return;
        }
        try {
            if (cancel.isCancelled()) {
                return;
            }
            listeners.started(run);
            JobRun result = job.run(run, cancel);
            listeners.finished(run, result);
        } catch (RuntimeException e) {
            LOG.warn("Run {} failed: {}", run, e.getMessage());
            listeners.failed(run, e);
        } finally {
            slots.release();
            release(run, database);
            listeners.stateChanged();
        }
    }
}
