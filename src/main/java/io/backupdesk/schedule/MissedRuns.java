package io.backupdesk.schedule;

import io.backupdesk.core.JobRun;
import io.backupdesk.core.Schedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs missed while the app was closed, the machine slept or the clock was changed: where they begin, and what
 * becomes of them. They are caught up once, never one per missed occurrence, as each schedule's catch-up policy says:
 * one run now, or one history line saying the run was skipped. Not thread-safe: the scheduler calls it under its lock.
 */
final class MissedRuns {
    private static final Logger LOG = LoggerFactory.getLogger(MissedRuns.class);
    private static final DateTimeFormatter MISSED_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm VV", Locale.ROOT);

    private final BackupScheduler.Schedules schedules;
    private final ArmedTimers armed;
    private final RunSlots slots;
    private final BackupScheduler.SkipRecorder skips;
    private final SchedulerListeners listeners;

    MissedRuns(BackupScheduler.Schedules schedules, ArmedTimers armed, RunSlots slots, BackupScheduler.SkipRecorder skips,
               SchedulerListeners listeners) {
        this.schedules = schedules;
        this.armed = armed;
        this.slots = slots;
        this.skips = skips;
        this.listeners = listeners;
    }

    /**
     * Where a schedule's missed runs begin: after its last run that counts, or after it was last switched on or the
     * end of a pause if that came later, since what came due while it was off or paused is never caught up. A run
     * that came due before the pause began was missed, not paused, and still counts. {@code fallback} for a schedule
     * that never ran and has no creation time.
     */
    static Instant since(BackupScheduler.Schedules schedules, ScheduleTimes times, Instant fallback) {
        Schedule schedule = times.schedule();
        Instant ranOrMade = schedules.lastRunStart(schedule)
                .orElse(schedule.createdAt() == null ? fallback : schedule.createdAt());
        // what came due while it was switched off was not missed
        Instant since = schedule.enabledAt() != null && schedule.enabledAt().isAfter(ranOrMade)
                ? schedule.enabledAt() : ranOrMade;
        Optional<Instant> resumed = schedules.resumedAt().filter(r -> r.isAfter(since));
        if (resumed.isEmpty()) {
            return since;
        }
        Optional<Instant> firstDue = times.nextRunAfter(since);
        boolean missedBeforePause = firstDue.isPresent()
                && schedules.lastPauseStart().filter(firstDue.get()::isBefore).isPresent();
        return missedBeforePause ? since : resumed.get();
    }

    /** At start: what each enabled schedule missed since its last run. */
    void catchUpAtStart(List<ScheduleTimes> all, Instant now) {
        for (ScheduleTimes times : all) {
            if (times.schedule().enabled()) {
                try {
                    catchUp(times, since(schedules, times, now), now, "while the app was not running");
                } catch (RuntimeException e) {
                    LOG.warn("Schedule {}: missed runs could not be looked at: {}", times.schedule().id(), e.getMessage());
                }
            }
        }
    }

    /** After a resume: runs from {@code from} on count again, and what came due between it and now is caught up. */
    void catchUpAfterResume(List<ScheduleTimes> all, Instant from, Instant now) {
        for (ScheduleTimes times : all) {
            armed.handled(times.schedule().id(), from);
            if (times.schedule().enabled() && from.isBefore(now)) {
                catchUp(times, from, now, "just after the schedules were resumed");
            }
        }
    }

    /**
     * After a sleep or a time change forward: what came due since the watch last looked, or since the last occurrence
     * a schedule handled if that was later.
     */
    void catchUpAfterJump(List<ScheduleTimes> all, ClockWatch.Jump jump) {
        for (ScheduleTimes times : all) {
            Instant since = armed.handledUntil(times.schedule().id()).filter(h -> h.isAfter(jump.lastSeen()))
                    .orElse(jump.lastSeen());
            if (times.schedule().enabled()) {
                catchUp(times, since, jump.actual(), "while the machine slept or the clock was changed");
            }
        }
    }

    /** What came due in {@code (since, now]} runs once now or is recorded as skipped, as the schedule's policy says. */
    void catchUp(ScheduleTimes times, Instant since, Instant now, String when) {
        Optional<Instant> missed = times.firstRunBetween(since, now);
        if (missed.isEmpty()) {
            return;
        }
        Schedule schedule = times.schedule();
        armed.handled(schedule.id(), now);
        RunRequest run = RunRequest.of(schedule);
        if (schedule.catchUp() == Schedule.CatchUp.RUN_ONCE) {
            LOG.info("Schedule {} missed its run at {} {}; running it once now", schedule.id(), missed.get(), when);
            slots.launch(run);
        } else {
            String due = MISSED_TIME.format(missed.get().atZone(schedule.zoneId()));
            JobRun skipped = skips.skipped(run, "The run due at " + due + " was missed " + when
                    + "; this schedule does not catch up missed runs.");
            listeners.skipped(run, skipped);
        }
    }
}
