package io.backupdesk.schedule;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.DaemonThreads;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.Schedule;
import io.backupdesk.jobs.DatabaseClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs the schedules while the app is open or hidden in the tray. Each enabled schedule has one armed timer for its
 * next run, computed from the injected clock and re-armed after each run and after the {@link ClockWatch} sees the
 * wall clock jump. Nothing polls the schedules.
 * <ul>
 *   <li>At most one job per database, at most {@code maxConcurrent} at once ({@link RunSlots}).</li>
 *   <li>Runs missed while the app was closed or the machine slept are caught up once, at start or on wake, as each
 *   schedule's catch-up policy says ({@link MissedRuns}).</li>
 *   <li>Pausing disarms every timer; resuming arms them from now, so what fell into the pause is not caught up. The
 *   pause is stored with the schedules: it lasts over a restart, and a pause or resume by another process (the
 *   command line) is taken over within a minute ({@link StoredPause}).</li>
 * </ul>
 * This class decides when; its parts do the rest. Thread-safe: one lock guards the timers, the pause and the catch-up.
 * Listeners are called on the scheduler's threads.
 */
public final class BackupScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackupScheduler.class);
    /** A run this close to its time is on time; later, it was missed and the catch-up policy decides. */
    static final Duration ON_TIME = Duration.ofMinutes(1);

    /** What a run does: the backup and what follows it. Returns its history line; may throw. */
    public interface Job {
        JobRun run(RunRequest run, Cancellation cancel);
    }

    /**
     * Hears what the scheduler does, on the scheduler's threads, some while it holds its lock: a listener hands
     * its work to another thread (e.g. {@code Platform.runLater}) and never calls back into the scheduler there.
     */
    public interface Listener {
        default void runStarted(RunRequest run) { }

        default void runFinished(RunRequest run, JobRun result) { }

        default void runFailed(RunRequest run, RuntimeException error) { }

        default void runSkipped(RunRequest run, JobRun skipped) { }

        /** Something the tray or a screen shows changed: a run began or ended, the schedules, paused. */
        default void stateChanged() { }
    }

    /**
     * A schedule as the scheduler sees it now.
     *
     * @param nextRun the run its timer is armed for; null when it is not armed (disabled, paused, never, or before
     *                {@link #start()})
     */
    public record State(ScheduleTimes times, Instant nextRun, boolean running) {
        public Schedule schedule() {
            return times.schedule();
        }
    }

    /** Where the schedules, their last runs and the pause come from. */
    public interface Schedules extends PauseStore {
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
    }

    /** Writes the history line of a run that did not happen. */
    public interface SkipRecorder {
        JobRun skipped(RunRequest run, String why);
    }

    /** Names the database a run backs up, so that two runs of one database never run together. */
    public interface DatabaseKeys {
        String of(RunRequest run);
    }

    private final Schedules schedules;
    private final Clock clock;
    private final Timers timers;
    private final ClockWatch watch;
    private final SchedulerListeners listeners = new SchedulerListeners();
    private final RunSlots slots;
    private final ArmedTimers armed;
    private final MissedRuns missed;
    private final StoredPause pause;
    private boolean started;
    private boolean closed;

    /** @param claims the databases that have a job in this app, shared with the screens' backups and restores */
    public BackupScheduler(Schedules schedules, SkipRecorder skips, Job job, DatabaseKeys databases, Clock clock,
                           Timers timers, int maxConcurrent, DatabaseClaims claims) {
        this(schedules, skips, job, databases, clock, timers, maxConcurrent,
                Executors.newCachedThreadPool(DaemonThreads.named("scheduled-job")), claims);
    }

    /** @param workers where the jobs run; each job holds a thread for its whole run */
    BackupScheduler(Schedules schedules, SkipRecorder skips, Job job, DatabaseKeys databases, Clock clock,
                    Timers timers, int maxConcurrent, ExecutorService workers, DatabaseClaims claims) {
        this.schedules = schedules;
        this.clock = clock;
        this.timers = timers;
        this.watch = new ClockWatch(clock, timers);
        this.slots = new RunSlots(job, skips, databases, claims, maxConcurrent, workers, listeners);
        this.armed = new ArmedTimers(timers, clock, this::fire);
        this.missed = new MissedRuns(schedules, armed, slots, skips, listeners);
        this.pause = new StoredPause(schedules, clock);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Catches up what was missed while the app was not running, then arms every enabled schedule. Call once. */
    public synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        long version = 0;
        try {
            // before the state: a change stored while starting is taken over at the first look
            version = schedules.version();
            pause.readStored();
            Instant now = clock.instant();
            List<ScheduleTimes> all = read();
            if (!pause.paused()) {
                missed.catchUpAtStart(all, now);
            }
            all.forEach(this::arm);
        } catch (RuntimeException e) {
            LOG.warn("The schedules could not be read; none is armed until they can be: {}", e.getMessage());
        } finally {
            pause.seen(version);
            watch.tickEveryMinute(this::lookAtClock);
            // the tray and the screens show the next runs and the pause, which are known from now on
            listeners.stateChanged();
        }
    }

    /** Every schedule with its next run (null when disabled, paused or never) and whether it runs now. */
    public synchronized List<State> states() {
        return read().stream().map(times -> new State(times, armed.nextRun(times.schedule().id()),
                slots.isRunning(times.schedule().id()))).toList();
    }

    public synchronized Optional<Instant> nextRun() {
        return armed.soonest();
    }

    public synchronized boolean paused() {
        return pause.paused();
    }

    public boolean anyRunning() {
        return slots.anyRunning();
    }

    /** Re-reads one schedule after it was saved or removed, and arms it anew. */
    public synchronized void reload(String id) {
        armed.forget(id);
        Optional<Schedule> schedule = schedules.find(id);
        if (schedule.isPresent()) {
            arm(armed.timesOf(schedule.get()));
        } else {
            armed.disarm(id);
        }
        listeners.stateChanged();
    }

    /** Pauses every schedule until {@link #resume()}, also over a restart. */
    public synchronized void pause() {
        pause.store(true);
        pauseHere();
        listeners.stateChanged();
    }

    public synchronized void resume() {
        pause.store(false);
        resumeHere(clock.instant());
        listeners.stateChanged();
    }

    /**
     * Starts a run now, outside the timers, as "Run now" and the tray's "Back up now" do. It obeys the same limits:
     *
     * @return false when the database already has a job, which was recorded as skipped
     */
    public boolean runNow(RunRequest run) {
        synchronized (this) {
            if (!started) {
                throw BackupDeskException.configuration("The schedules are not running in this app yet.",
                        "It takes them over once its start-up cleanup (or a running 'schedule run-due') is done; "
                                + "try again in a moment.");
            }
        }
        return slots.launch(run);
    }

    /** Cancels running jobs and stops the timers. Jobs clean up after themselves as a cancel makes them. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            armed.disarmAll();
            watch.stop();
        }
        slots.close();
        timers.close();
    }

    /** Every stored schedule with its times; an armed one that did not change keeps its cron as read. */
    private List<ScheduleTimes> read() {
        return schedules.list().stream().map(armed::timesOf).toList();
    }

    private void arm(ScheduleTimes times) {
        // before start() this app does not hold the schedules yet (a run-due may), so nothing is armed
        if (!started || pause.paused() || closed || !times.schedule().enabled()) {
            armed.disarm(times.schedule().id());
            return;
        }
        armed.arm(times);
    }

    private void pauseHere() {
        pause.paused(true);
        armed.disarmAll();
    }

    /** Runs from {@code from} on count again; what came due between it and now is caught up as for a wake. */
    private void resumeHere(Instant from) {
        pause.paused(false);
        Instant now = clock.instant();
        List<ScheduleTimes> all = read();
        missed.catchUpAfterResume(all, from, now);
        all.forEach(this::arm);
    }

    /**
     * A timer went off for the occurrence {@code at}. Within a minute of it, the run is on time, even if the clock
     * watch saw a small step meanwhile; later than that it was missed (a sleep, a time change, a blocked thread)
     * and the schedule's catch-up policy decides. Whatever happens, the schedule is armed again.
     */
    private void fire(String id, Instant at) {
        ScheduleTimes times = null;
        boolean onTime = false;
        synchronized (this) {
            if (closed || pause.paused() || !armed.armedFor(id, at)) {
                return; // disarmed or re-armed meanwhile
            }
            if (pause.pausedElsewhere()) {
                LOG.info("The schedules were paused by another process; the run due at {} does not start", at);
                pauseHere();
                listeners.stateChanged();
                return;
            }
            ScheduleTimes fired = armed.fired(id);
            try {
                times = schedules.find(id).filter(Schedule::enabled).map(fired::updatedTo).orElse(null);
                if (times == null) {
                    return;
                }
                Instant now = clock.instant();
                onTime = Duration.between(at, now).abs().compareTo(ON_TIME) <= 0;
                if (onTime) {
                    armed.handled(id, at);
                }
                Optional<ClockWatch.Jump> jump = watch.look();
                if (jump.isPresent()) {
                    afterJump(jump.get()); // catches up and re-arms every schedule, this one too
                } else if (!onTime && now.isAfter(at)) {
                    missed.catchUp(times, at.minusNanos(1), now, "(its timer went off late)");
                }
            } catch (RuntimeException e) {
                LOG.warn("Schedule {}: the run due at {} could not be started: {}", id, at, e.getMessage());
            } finally {
                if (times != null && !armed.isArmed(id)) {
                    arm(times);
                }
            }
        }
        if (onTime) {
            slots.launch(RunRequest.of(times.schedule()));
        }
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
            if (pause.takeOver(this::pauseHere, this::resumeHere)) {
                // and schedules added or changed there (the command line's 'schedule add')
                read().forEach(this::arm);
                listeners.stateChanged();
            }
            watch.look().ifPresent(this::afterJump);
        } catch (RuntimeException e) {
            LOG.warn("Looking at the clock and the schedules failed: {}", e.getMessage());
        }
    }

    /** Catches up once what a sleep made the timers miss, then arms everything anew from the present. */
    private void afterJump(ClockWatch.Jump jump) {
        LOG.info("The wall clock jumped by {} (sleep, resume or a time change); re-arming the schedules", jump.size());
        List<ScheduleTimes> all = read();
        if (!pause.paused() && jump.actual().isAfter(jump.expected())) {
            missed.catchUpAfterJump(all, jump);
        }
        all.forEach(this::arm);
        listeners.stateChanged();
    }
}
