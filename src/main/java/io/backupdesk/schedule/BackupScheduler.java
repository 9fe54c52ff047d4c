package io.backupdesk.schedule;

import io.backupdesk.jobs.DatabaseClaims;

import io.backupdesk.core.BackupDeskException;
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
 *   <li>Pausing disarms every timer; resuming arms them from now, so what fell into the pause is not caught up. The
 *   pause is stored with the schedules: it lasts over a restart, and a pause or resume by another process (the
 *   command line) is taken over within a minute.</li>
 * </ul>
 * Thread-safe. Listeners are called on the scheduler's threads.
 */
public final class BackupScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackupScheduler.class);
    /** A run this close to its time is on time; later, it was missed and the catch-up policy decides. */
    static final Duration ON_TIME = Duration.ofMinutes(1);
    private static final java.time.format.DateTimeFormatter MISSED_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm VV", java.util.Locale.ROOT);

    /** What a run of a schedule does: the backup and what follows it. Returns its history line; may throw. */
    public interface Job {
        JobRun run(Schedule schedule, String origin, Cancellation cancel);
    }

    /**
     * Hears what the scheduler does, on the scheduler's threads, some while it holds its lock: a listener hands
     * its work to another thread (e.g. {@code Platform.runLater}) and never calls back into the scheduler there.
     */
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
    private final DatabaseClaims claims;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Timers.Armed> armed = new HashMap<>();
    private final Map<String, Instant> nextRuns = new HashMap<>();
    /** The last occurrence handled per schedule: after the clock is set back, it is not run a second time. */
    private final Map<String, Instant> handled = new HashMap<>();
    private final Map<String, Cancellation> running = new ConcurrentHashMap<>();
    private Timers.Armed watchTimer;
    private long schedulesVersion;
    private boolean paused;
    /** This app's last pause or resume could not be stored; until one can, the stored state is not taken over. */
    private boolean pauseNotStored;
    private boolean started;
    private boolean closed;

    /** Where the schedules and their last runs come from. */
    public interface Schedules {
        List<Schedule> list();

        Optional<Schedule> find(String id);

        /**
         * When the schedule last started a run that counts as done (ok, failed or skipped; not cancelled or
         * interrupted, which are run again), from the history; empty when never.
         */
        Optional<Instant> lastRunStart(Schedule schedule);

        /** Changes whenever the stored schedules change, also by another process; 0 when that cannot be told. */
        default long version() {
            return 0;
        }

        /** Since when all schedules are paused; empty while they run. */
        default Optional<Instant> pausedSince() {
            return Optional.empty();
        }

        /** When a pause last ended; empty when there never was one. */
        default Optional<Instant> resumedAt() {
            return Optional.empty();
        }

        /** When the pause that ended at {@link #resumedAt()} began; empty when unknown. */
        default Optional<Instant> lastPauseStart() {
            return Optional.empty();
        }

        /** Stores a pause, so that it outlasts the app and other processes see it. */
        default void storePause(Instant at) { }

        /** Stores the end of the pause. */
        default void storeResume(Instant at) { }

        /**
         * Where a schedule's missed runs begin: after its last run that counts, or after it was last switched on or the
         * end of a pause if that came later, since what came due while it was off or paused is never caught up. A run
         * that came due before the pause began was missed, not paused, and still counts. {@code fallback} for a
         * schedule that never ran and has no creation time.
         */
        default Instant missedSince(Schedule schedule, Instant fallback) {
            Instant ranOrMade = lastRunStart(schedule).orElse(schedule.createdAt() == null ? fallback : schedule.createdAt());
            // what came due while it was switched off was not missed
            Instant since = schedule.enabledAt() != null && schedule.enabledAt().isAfter(ranOrMade)
                    ? schedule.enabledAt() : ranOrMade;
            Optional<Instant> resumed = resumedAt().filter(r -> r.isAfter(since));
            if (resumed.isEmpty()) {
                return since;
            }
            try {
                Optional<Instant> firstDue = CronSchedule.parse(schedule.cron(), schedule.zoneId()).nextAfter(since);
                boolean missedBeforePause = firstDue.isPresent() && lastPauseStart().filter(firstDue.get()::isBefore).isPresent();
                return missedBeforePause ? since : resumed.get();
            } catch (RuntimeException e) {
                return resumed.get();
            }
        }
    }

    /** Writes the history line of a run that did not happen. */
    public interface SkipRecorder {
        JobRun skipped(Schedule schedule, String origin, String why);
    }

    /** Names the database a schedule backs up, so that two schedules of one database never run together. */
    public interface DatabaseKeys {
        String of(Schedule schedule);
    }

    /** @param claims the databases that have a job in this app, shared with the screens' backups and restores */
    public BackupScheduler(Schedules schedules, SkipRecorder skips, Job job, DatabaseKeys databases, Clock clock,
                           Timers timers, int maxConcurrent, DatabaseClaims claims) {
        this(schedules, skips, job, databases, clock, timers, maxConcurrent,
                Executors.newCachedThreadPool(DaemonThreads.named("scheduled-job")), claims);
    }

    /** @param workers where the jobs run; each job holds a thread for its whole run */
    BackupScheduler(Schedules schedules, SkipRecorder skips, Job job, DatabaseKeys databases, Clock clock,
                    Timers timers, int maxConcurrent, ExecutorService workers, DatabaseClaims claims) {
        this.workers = workers;
        this.claims = claims;
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
        long version = 0;
        try {
            // before the state: a change stored while starting is taken over at the first look
            version = schedules.version();
            paused = schedules.pausedSince().isPresent();
            Instant now = clock.instant();
            for (Schedule s : paused ? List.<Schedule>of() : schedules.list()) {
                if (s.enabled()) {
                    try {
                        catchUp(s, schedules.missedSince(s, now), now, "while the app was not running");
                    } catch (RuntimeException e) {
                        LOG.warn("Schedule {}: missed runs could not be looked at: {}", s.id(), e.getMessage());
                    }
                }
            }
            armAll();
        } catch (RuntimeException e) {
            LOG.warn("The schedules could not be read; none is armed until they can be: {}", e.getMessage());
        } finally {
            schedulesVersion = version;
            armWatch();
            // the tray and the screens show the next runs and the pause, which are known from now on
            changed();
        }
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

    /** Pauses every schedule until {@link #resume()}, also over a restart. */
    public synchronized void pause() {
        store(true);
        pauseHere();
        changed();
    }

    public synchronized void resume() {
        store(false);
        resumeHere(clock.instant());
        changed();
    }

    /** A pause that cannot be stored still holds in this app: the user asked for it now. */
    private void store(boolean pause) {
        try {
            if (pause) {
                schedules.storePause(clock.instant());
            } else {
                schedules.storeResume(clock.instant());
            }
            pauseNotStored = false;
        } catch (RuntimeException e) {
            // the stored state is then not ours: taking it over would undo what the user just did
            pauseNotStored = true;
            LOG.warn("The schedules' {} could not be stored and holds only until the app closes: {}",
                    pause ? "pause" : "resume", e.getMessage());
        }
    }

    private void pauseHere() {
        paused = true;
        new ArrayList<>(armed.keySet()).forEach(this::disarm);
    }

    /** Runs from {@code from} on count again; what came due between it and now is caught up as for a wake. */
    private void resumeHere(Instant from) {
        paused = false;
        Instant now = clock.instant();
        for (Schedule s : schedules.list()) {
            handled.put(s.id(), from);
            if (s.enabled() && from.isBefore(now)) {
                catchUp(s, from, now, "just after the schedules were resumed");
            }
        }
        armAll();
    }

    /**
     * Starts a run now, outside the schedule, as "Run now" and the tray's "Back up now" do. It obeys the same limits:
     *
     * @return false when the database already has a job, which was recorded as skipped
     */
    public boolean runNow(Schedule schedule, String origin) {
        synchronized (this) {
            if (!started) {
                throw BackupDeskException.configuration("The schedules are not running in this app yet.",
                        "It takes them over once its start-up cleanup (or a running 'schedule run-due') is done; "
                                + "try again in a moment.");
            }
        }
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
        // before start() this app does not hold the schedules yet (a run-due may), so nothing is armed
        if (!started || paused || closed || !schedule.enabled()) {
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

    /**
     * A timer went off for the occurrence {@code at}. Within a minute of it, the run is on time, even if the clock
     * watch saw a small step meanwhile; later than that it was missed (a sleep, a time change, a blocked thread)
     * and the schedule's catch-up policy decides. Whatever happens, the schedule is armed again.
     */
    private void fire(String id, Instant at) {
        Schedule schedule = null;
        boolean onTime = false;
        synchronized (this) {
            if (closed || paused || !at.equals(nextRuns.get(id))) {
                return; // disarmed or re-armed meanwhile
            }
            if (!pauseNotStored && pausedElsewhere()) {
                LOG.info("The schedules were paused by another process; the run due at {} does not start", at);
                pauseHere();
                changed();
                return;
            }
            armed.remove(id);
            nextRuns.remove(id);
            try {
                schedule = schedules.find(id).filter(Schedule::enabled).orElse(null);
                if (schedule == null) {
                    return;
                }
                Instant now = clock.instant();
                onTime = Duration.between(at, now).abs().compareTo(ON_TIME) <= 0;
                if (onTime) {
                    handled.put(id, at);
                }
                Optional<ClockWatch.Jump> jump = watch.look();
                if (jump.isPresent()) {
                    afterJump(jump.get()); // catches up and re-arms every schedule, this one too
                } else if (!onTime && now.isAfter(at)) {
                    catchUp(schedule, at.minusNanos(1), now, "(its timer went off late)");
                }
            } catch (RuntimeException e) {
                LOG.warn("Schedule {}: the run due at {} could not be started: {}", id, at, e.getMessage());
            } finally {
                if (schedule != null && !armed.containsKey(id)) {
                    arm(schedule);
                }
            }
        }
        if (onTime) {
            launch(schedule, schedule.origin());
        }
    }

    /** A pause stored since the last look (a minute at most), which a run about to start must obey. */
    private boolean pausedElsewhere() {
        try {
            return schedules.version() != schedulesVersion && schedules.pausedSince().isPresent();
        } catch (RuntimeException e) {
            return false;
        }
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
            JobRun skipped = skips.skipped(schedule, origin, claims.skipReason(database));
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

    private boolean claim(Schedule schedule, String database, Cancellation cancel) {
        synchronized (claims) {
            if (!claims.claim(database, DatabaseClaims.SCHEDULED_BACKUP)) {
                return false;
            }
            running.put(schedule.id(), cancel);
            return true;
        }
    }

    private void release(Schedule schedule, String database) {
        synchronized (claims) {
            claims.release(database);
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

    /**
     * Once a minute: did the machine sleep or the time change? And did another process (the command line's
     * {@code schedule add}) change the schedules?
     */
    private synchronized void lookAtClock() {
        if (closed) {
            return;
        }
        try {
            // first: a pause stored meanwhile decides whether a sleep's missed runs are caught up
            takeOverStoredChanges();
            watch.look().ifPresent(this::afterJump);
        } catch (RuntimeException e) {
            LOG.warn("Looking at the clock and the schedules failed: {}", e.getMessage());
        } finally {
            armWatch();
        }
    }

    /**
     * Takes over what another process changed in the stored schedules: added or changed schedules, and a pause or
     * resume (the command line). The version is read before the state and kept only once the state is applied, so a
     * change written meanwhile, or a failed read, is seen at the next look. After a resume, what came due since it
     * was stored runs (or is skipped) as the catch-up policy says.
     */
    private void takeOverStoredChanges() {
        long version = schedules.version();
        if (version == schedulesVersion) {
            return;
        }
        if (!pauseNotStored) {
            boolean pausedThere = schedules.pausedSince().isPresent();
            if (pausedThere && !paused) {
                LOG.info("The schedules were paused by another process");
                pauseHere();
            } else if (!pausedThere && paused) {
                LOG.info("The schedules were resumed by another process");
                resumeHere(schedules.resumedAt().orElse(clock.instant()));
            }
        }
        schedulesVersion = version;
        armAll();
        changed();
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
