package io.backupdesk.schedule;

import io.backupdesk.core.Cancellation;
import io.backupdesk.core.DaemonThreads;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.Schedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs the schedules while the app is open or hidden in the tray. Each enabled schedule has one armed timer for its
 * next run, computed from the injected clock and re-armed after each run and after the {@link ClockWatch} sees the
 * wall clock jump. Nothing polls the schedules.
 * <ul>
 *   <li>At most one job per database: a run that finds its database busy is recorded as skipped, not queued.</li>
 *   <li>At most {@code maxConcurrent} jobs at once across databases; the others wait for a free slot, and while
 *   they wait their database counts as busy.</li>
 *   <li>Runs missed while the app was closed or the machine slept are caught up once, at start or on wake, as each
 *   schedule's catch-up policy says; never one per missed occurrence.</li>
 *   <li>Pausing disarms every timer; resuming arms them from now, so what fell into the pause is not caught up.</li>
 * </ul>
 * Thread-safe. Listeners are called on the scheduler's threads.
 */
public final class BackupScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackupScheduler.class);
    private static final java.time.format.DateTimeFormatter MISSED_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm VV", java.util.Locale.ROOT);

    /** What a run of a schedule does: the backup and what follows it. Returns its history line; may throw. */
    public interface Job {
        JobRun run(Schedule schedule, String origin, Cancellation cancel);
    }

    /** Hears what the scheduler does, on the scheduler's threads. */
    public interface Listener {
        default void runStarted(Schedule schedule) { }

        default void runFinished(Schedule schedule, JobRun run) { }

        default void runFailed(Schedule schedule, RuntimeException error) { }

        default void runSkipped(Schedule schedule, JobRun skipped) { }

        /** Something the tray or a screen shows changed: a run began or ended, the schedules, paused. */
        default void stateChanged() { }
    }

    /** A schedule as the scheduler sees it now. */
    public record State(Schedule schedule, Instant nextRun, boolean running) { }

    private final Schedules schedules;
    private final SkipRecorder skips;
    private final Job job;
    private final DatabaseKeys databases;
    private final Clock clock;
    private final Timers timers;
    private final Semaphore slots;
    private final ClockWatch watch;
    private final ExecutorService workers;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Timers.Armed> armed = new HashMap<>();
    private final Map<String, Instant> nextRuns = new HashMap<>();
    /** The last occurrence handled per schedule: after the clock is set back, it is not run a second time. */
    private final Map<String, Instant> handled = new HashMap<>();
    private final Map<String, Cancellation> running = new ConcurrentHashMap<>();
    private Timers.Armed watchTimer;
    private boolean paused;
    private boolean started;
    private boolean closed;

    /** Where the schedules and their last runs come from. */
    public interface Schedules {
        List<Schedule> list();

        Optional<Schedule> find(String id);

        /** When the schedule last started a run (any outcome), from the history; empty when never. */
        Optional<Instant> lastRunStart(Schedule schedule);
    }

    /** Writes the history line of a run that did not happen. */
    public interface SkipRecorder {
        JobRun skipped(Schedule schedule, String origin, String why);
    }

    /** Names the database a schedule backs up, so that two schedules of one database never run together. */
    public interface DatabaseKeys {
        String of(Schedule schedule);
    }

    public BackupScheduler(Schedules schedules, SkipRecorder skips, Job job, DatabaseKeys databases, Clock clock,
                           Timers timers, int maxConcurrent) {
        this(schedules, skips, job, databases, clock, timers, maxConcurrent,
                Executors.newCachedThreadPool(DaemonThreads.named("scheduled-job")));
    }

    /** @param workers where the jobs run; each job holds a thread for its whole run */
    BackupScheduler(Schedules schedules, SkipRecorder skips, Job job, DatabaseKeys databases, Clock clock,
                    Timers timers, int maxConcurrent, ExecutorService workers) {
        this.workers = workers;
        this.schedules = schedules;
        this.skips = skips;
        this.job = job;
        this.databases = databases;
        this.clock = clock;
        this.timers = timers;
        this.slots = new Semaphore(Math.max(1, maxConcurrent), true);
        this.watch = new ClockWatch(clock, timers);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Catches up what was missed while the app was closed, then arms every enabled schedule. Call once. */
    public synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        Instant now = clock.instant();
        for (Schedule s : schedules.list()) {
            if (s.enabled()) {
                Instant since = schedules.lastRunStart(s).orElse(s.createdAt() == null ? now : s.createdAt());
                catchUp(s, since, now, "while the app was not running");
            }
        }
        armAll();
        armWatch();
    }

    /** Every schedule with its next run (null when disabled, paused or never) and whether it runs now. */
    public synchronized List<State> states() {
        List<State> states = new ArrayList<>();
        for (Schedule s : schedules.list()) {
            states.add(new State(s, nextRuns.get(s.id()), running.containsKey(s.id())));
        }
        return states;
    }

    public synchronized Optional<Instant> nextRun() {
        return nextRuns.values().stream().min(Instant::compareTo);
    }

    public synchronized boolean paused() {
        return paused;
    }

    public boolean anyRunning() {
        return !running.isEmpty();
    }

    /** Re-reads one schedule after it was saved or removed, and arms it anew. */
    public synchronized void reload(String id) {
        handled.remove(id);
        Optional<Schedule> schedule = schedules.find(id);
        if (schedule.isPresent()) {
            arm(schedule.get());
        } else {
            disarm(id);
        }
        changed();
    }

    public synchronized void pause() {
        paused = true;
        new ArrayList<>(armed.keySet()).forEach(this::disarm);
        changed();
    }

    public synchronized void resume() {
        paused = false;
        Instant now = clock.instant();
        schedules.list().forEach(s -> handled.put(s.id(), now));
        armAll();
        changed();
    }

    /**
     * Starts a run now, outside the schedule, as "Run now" and the tray's "Back up now" do. It obeys the same limits:
     *
     * @return false when the database already has a job, which was recorded as skipped
     */
    public boolean runNow(Schedule schedule, String origin) {
        return launch(schedule, origin);
    }

    /** Cancels running jobs and stops the timers. Jobs clean up after themselves as a cancel makes them. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            new ArrayList<>(armed.keySet()).forEach(this::disarm);
            if (watchTimer != null) {
                watchTimer.cancel();
            }
        }
        running.values().forEach(Cancellation::cancel);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("Scheduled jobs did not stop within 30 s of being cancelled");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timers.close();
    }

    private void armAll() {
        schedules.list().forEach(this::arm);
    }

    private void arm(Schedule schedule) {
        disarm(schedule.id());
        if (paused || closed || !schedule.enabled()) {
            return;
        }
        Instant now = clock.instant();
        Instant from = handled.getOrDefault(schedule.id(), now).isAfter(now) ? handled.get(schedule.id()) : now;
        Optional<Instant> next;
        try {
            next = CronSchedule.parse(schedule.cron(), schedule.zoneId()).nextAfter(from);
        } catch (RuntimeException e) {
            LOG.warn("Schedule {} is not armed: {}", schedule.id(), e.getMessage());
            return;
        }
        if (next.isEmpty()) {
            return;
        }
        Instant at = next.get();
        nextRuns.put(schedule.id(), at);
        armed.put(schedule.id(), timers.after(Duration.between(now, at), () -> fire(schedule.id(), at)));
    }

    private void disarm(String id) {
        Timers.Armed timer = armed.remove(id);
        if (timer != null) {
            timer.cancel();
        }
        nextRuns.remove(id);
    }

    /** A timer went off for the occurrence {@code at}. */
    private void fire(String id, Instant at) {
        Schedule schedule;
        synchronized (this) {
            if (closed || paused || !at.equals(nextRuns.get(id))) {
                return; // disarmed or re-armed meanwhile
            }
            armed.remove(id);
            nextRuns.remove(id);
            schedule = schedules.find(id).filter(Schedule::enabled).orElse(null);
            if (schedule == null) {
                return;
            }
            Optional<ClockWatch.Jump> jump = watch.look();
            if (jump.isPresent()) {
                // the machine slept or the time changed since the timer was armed: settle that for all schedules
                afterJump(jump.get());
                return;
            }
            handled.put(id, at);
            arm(schedule);
        }
        launch(schedule, schedule.origin());
    }

    /** What was due in (since, now] runs once now or is recorded as skipped, as the schedule's policy says. */
    private void catchUp(Schedule schedule, Instant since, Instant now, String when) {
        Optional<Instant> missed;
        try {
            missed = CronSchedule.parse(schedule.cron(), schedule.zoneId()).nextAfter(since).filter(t -> !t.isAfter(now));
        } catch (RuntimeException e) {
            return;
        }
        if (missed.isEmpty()) {
            return;
        }
        handled.put(schedule.id(), now);
        if (schedule.catchUp() == Schedule.CatchUp.RUN_ONCE) {
            LOG.info("Schedule {} missed its run at {} {}; running it once now", schedule.id(), missed.get(), when);
            launch(schedule, schedule.origin());
        } else {
            String due = MISSED_TIME.format(missed.get().atZone(schedule.zoneId()));
            JobRun skipped = skips.skipped(schedule, schedule.origin(), "The run due at " + due + " was missed " + when
                    + "; this schedule does not catch up missed runs.");
            listeners.forEach(l -> l.runSkipped(schedule, skipped));
        }
    }

    private boolean launch(Schedule schedule, String origin) {
        String database = databases.of(schedule);
        Cancellation cancel = new Cancellation();
        if (!claim(schedule, database, cancel)) {
            JobRun skipped = skips.skipped(schedule, origin, "A backup of " + database + " was still running.");
            LOG.info("Run of schedule {} skipped: {} is busy", schedule.id(), database);
            listeners.forEach(l -> l.runSkipped(schedule, skipped));
            return false;
        }
        changed();
        try {
            workers.execute(() -> runClaimed(schedule, origin, database, cancel));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            release(schedule, database); // closing
            return false;
        }
        return true;
    }

    private final Map<String, String> busyDatabases = new ConcurrentHashMap<>();

    private boolean claim(Schedule schedule, String database, Cancellation cancel) {
        synchronized (busyDatabases) {
            if (busyDatabases.containsKey(database)) {
                return false;
            }
            busyDatabases.put(database, schedule.id());
            running.put(schedule.id(), cancel);
            return true;
        }
    }

    private void release(Schedule schedule, String database) {
        synchronized (busyDatabases) {
            busyDatabases.remove(database);
            running.remove(schedule.id());
        }
    }

    private void runClaimed(Schedule schedule, String origin, String database, Cancellation cancel) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release(schedule, database);
            return;
        }
        try {
            if (cancel.isCancelled()) {
                return;
            }
            listeners.forEach(l -> l.runStarted(schedule));
            JobRun run = job.run(schedule, origin, cancel);
            listeners.forEach(l -> l.runFinished(schedule, run));
        } catch (RuntimeException e) {
            LOG.warn("Run of schedule {} failed: {}", schedule.id(), e.getMessage());
            listeners.forEach(l -> l.runFailed(schedule, e));
        } finally {
            slots.release();
            release(schedule, database);
            changed();
        }
    }

    private void armWatch() {
        watchTimer = timers.after(ClockWatch.TICK, this::lookAtClock);
    }

    /** Once a minute: did the machine sleep or the time change? */
    private synchronized void lookAtClock() {
        if (closed) {
            return;
        }
        watch.look().ifPresent(this::afterJump);
        armWatch();
    }

    /** Catches up once what a sleep made the timers miss, then arms everything anew from the present. */
    private void afterJump(ClockWatch.Jump jump) {
        LOG.info("The wall clock jumped by {} (sleep, resume or a time change); re-arming the schedules", jump.size());
        if (!paused && jump.actual().isAfter(jump.expected())) {
            for (Schedule s : schedules.list()) {
                Instant handledUntil = handled.get(s.id());
                Instant since = handledUntil != null && handledUntil.isAfter(jump.lastSeen()) ? handledUntil : jump.lastSeen();
                if (s.enabled()) {
                    catchUp(s, since, jump.actual(), "while the machine slept or the clock was changed");
                }
            }
        }
        armAll();
        changed();
    }

    private void changed() {
        listeners.forEach(Listener::stateChanged);
    }
}
