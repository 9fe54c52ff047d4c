package io.backupdesk.schedule;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Schedule;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;

/**
 * A schedule with its cron read once, and the one place that says when it runs. {@code core.Schedule} is plain data
 * (core imports nothing but the JDK), so the parsed cron cannot live in it; it travels beside it in this value
 * instead: whoever reads a schedule makes one of these and hands it on to every use (arming, catch-up, missed runs,
 * due runs, next runs on a screen or the command line) rather than each use reading the cron text again.
 * <p>
 * A cron or time zone that cannot be read is kept as the problem: such a schedule never has a run, and whoever shows
 * it can still say why. Immutable and thread-safe.
 */
public final class ScheduleTimes {
    private final Schedule schedule;
    private final CronSchedule cron;
    private final BackupDeskException problem;

    private ScheduleTimes(Schedule schedule, CronSchedule cron, BackupDeskException problem) {
        this.schedule = schedule;
        this.cron = cron;
        this.problem = problem;
    }

    /** Reads the schedule's cron in its time zone; this is the only read of a stored schedule's cron. */
    public static ScheduleTimes of(Schedule schedule) {
        try {
            return new ScheduleTimes(schedule, CronSchedule.parse(schedule.cron(), schedule.zoneId()), null);
        } catch (BackupDeskException e) {
            return new ScheduleTimes(schedule, null, e);
        } catch (DateTimeException e) {
            return new ScheduleTimes(schedule, null, BackupDeskException.configuration(
                    "Unknown time zone '" + schedule.zone() + "'.", "Use a zone id such as Europe/Berlin or UTC."));
        }
    }

    /**
     * The schedule with a cron its caller has just read from new input (the command line's {@code schedule add}), so
     * that it is not read a second time.
     *
     * @throws IllegalArgumentException when the cron is not the schedule's
     */
    public static ScheduleTimes of(Schedule schedule, CronSchedule cron) {
        if (!cron.expression().equals(schedule.cron().trim()) || !cron.zone().equals(schedule.zoneId())) {
            throw new IllegalArgumentException("the cron " + cron.expression() + " in " + cron.zone()
                    + " is not the one of schedule " + schedule.id());
        }
        return new ScheduleTimes(schedule, cron, null);
    }

    public Schedule schedule() {
        return schedule;
    }

    /**
     * The times of the schedule as just read again from its store: these same ones, cron and all, when it is the
     * same value; else its new cron read.
     */
    public ScheduleTimes updatedTo(Schedule reread) {
        return schedule.equals(reread) ? this : of(reread);
    }

    /**
     * The schedule's cron as read.
     *
     * @throws BackupDeskException why the cron or its time zone could not be read
     */
    public CronSchedule cron() {
        if (cron == null) {
            throw problem;
        }
        return cron;
    }

    /** Why the cron or its time zone could not be read; empty when they could. */
    public Optional<BackupDeskException> problem() {
        return Optional.ofNullable(problem);
    }

    /**
     * The next run of the schedule strictly after {@code after}: empty when the schedule is switched off, its cron
     * cannot be read, or the cron never comes due again. Every "next run" of a schedule is this one.
     */
    public Optional<Instant> nextRunAfter(Instant after) {
        return schedule.enabled() && cron != null ? cron.nextAfter(after) : Optional.empty();
    }

    /** The same, and none at all while the schedules are paused. */
    public Optional<Instant> nextRunAfter(Instant after, boolean paused) {
        return paused ? Optional.empty() : nextRunAfter(after);
    }

    /** The first run that came due in {@code (since, now]}: a run that was missed; empty when none. */
    public Optional<Instant> firstRunBetween(Instant since, Instant now) {
        return nextRunAfter(since).filter(t -> !t.isAfter(now));
    }
}
