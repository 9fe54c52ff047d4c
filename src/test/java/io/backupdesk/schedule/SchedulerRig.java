package io.backupdesk.schedule;

import io.backupdesk.jobs.DatabaseClaims;

import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.Schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scheduler over a hand-moved clock, with schedules and history kept in memory and a job that only notes when it
 * ran. It is the scheduler's timing that is under test here; the real backups run in {@code ScheduledBackupIT}.
 */
final class SchedulerRig implements BackupScheduler.Schedules, BackupScheduler.SkipRecorder, BackupScheduler.Job {
    /** A job that ran: which schedule (or the key of a run outside the schedules), and the instant it began. */
    record Ran(String schedule, String origin, Instant at, BackupOptions options) { }

    final ManualTime time;
    final List<Schedule> schedules = Collections.synchronizedList(new ArrayList<>());
    final List<JobRun> history = Collections.synchronizedList(new ArrayList<>());
    final List<Ran> ran = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger runningNow = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();
    /** The databases with a job, shared with "the screens" of the test. */
    final DatabaseClaims claims = new DatabaseClaims();
    /** While set, jobs wait for it: a long backup. */
    volatile CountDownLatch hold;
    /** What the store's file time would say; a test bumps it when "another process" changed the schedules. */
    volatile long version;
    /** The stored pause and its end, as schedules.json keeps them. */
    volatile Instant pausedSince;
    volatile Instant resumedAt;
    volatile Instant lastPauseStart;

    SchedulerRig(Instant start) {
        this.time = new ManualTime(start);
    }

    /** Jobs run inline, on the thread that moves the clock: each starts exactly when its timer went off. */
    BackupScheduler inline(int maxConcurrent) {
        return new BackupScheduler(this, this, this, RunRequest::profile, time, time, maxConcurrent,
                new InlineExecutor(), claims);
    }

    /** Jobs run on threads of their own, so that one can still be running when the next is due. */
    BackupScheduler threaded(int maxConcurrent) {
        return new BackupScheduler(this, this, this, RunRequest::profile, time, time, maxConcurrent,
                Executors.newCachedThreadPool(), claims);
    }

    static Schedule schedule(String id, String profile, String cron, String zone, Schedule.CatchUp catchUp,
                             Instant createdAt) {
        return new Schedule(id, profile, cron, zone, true, null, null, catchUp, false, createdAt);
    }

    /** A run of the schedule in the history that started at {@code at} and went well, a minute long. */
    void ranOk(String schedule, Instant at) {
        history.add(new JobRun(JobRun.SCHEMA_VERSION, "ok-" + history.size(), JobRun.KIND_BACKUP, "sales", "sales",
                Schedule.ORIGIN_PREFIX + schedule, at, at.plusSeconds(60), JobStatus.OK, 1, null, null, null));
    }

    List<Instant> ranAt(String schedule) {
        synchronized (ran) {
            return ran.stream().filter(r -> r.schedule().equals(schedule)).map(Ran::at).toList();
        }
    }

    List<JobRun> skipped() {
        synchronized (history) {
            return history.stream().filter(r -> r.status() == JobStatus.SKIPPED).toList();
        }
    }

    @Override
    public List<Schedule> list() {
        synchronized (schedules) {
            return List.copyOf(schedules);
        }
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public Optional<Instant> pausedSince() {
        return Optional.ofNullable(pausedSince);
    }

    @Override
    public Optional<Instant> resumedAt() {
        return Optional.ofNullable(resumedAt);
    }

    @Override
    public void storePause(Instant at) {
        pausedSince = at;
        version++;
    }

    @Override
    public Optional<Instant> lastPauseStart() {
        return Optional.ofNullable(lastPauseStart);
    }

    @Override
    public void storeResume(Instant at) {
        lastPauseStart = pausedSince;
        pausedSince = null;
        resumedAt = at;
        version++;
    }

    @Override
    public Optional<Schedule> find(String id) {
        return list().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    @Override
    public Optional<Instant> lastRunStart(Schedule schedule) {
        synchronized (history) {
            return history.stream().filter(r -> r.origin().equals(schedule.origin()) && r.status() != JobStatus.CANCELLED
                    && r.status() != JobStatus.INTERRUPTED).map(JobRun::startedAt).max(Instant::compareTo);
        }
    }

    @Override
    public JobRun skipped(RunRequest skipped, String why) {
        Instant now = time.instant();
        JobRun run = new JobRun(JobRun.SCHEMA_VERSION, "skip-" + history.size(), JobRun.KIND_BACKUP, skipped.profile(),
                skipped.profile(), skipped.origin(), now, now, JobStatus.SKIPPED, 0, null, null, why);
        history.add(run);
        return run;
    }

    @Override
    public JobRun run(RunRequest request, Cancellation cancel) {
        Instant started = time.instant();
        ran.add(new Ran(request.key(), request.origin(), started, request.options()));
        mostAtOnce.accumulateAndGet(runningNow.incrementAndGet(), Math::max);
        try {
            CountDownLatch wait = hold;
            if (wait != null && !wait.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the job finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            runningNow.decrementAndGet();
        }
        JobRun run = new JobRun(JobRun.SCHEMA_VERSION, "run-" + history.size(), JobRun.KIND_BACKUP, request.profile(),
                request.profile(), request.origin(), started, time.instant(), JobStatus.OK, 1, null, null, null);
        history.add(run);
        return run;
    }

    /** Runs each task on the submitting thread. */
    private static final class InlineExecutor extends AbstractExecutorService {
        private volatile boolean shutdown;

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
