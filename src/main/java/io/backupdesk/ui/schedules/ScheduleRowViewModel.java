package io.backupdesk.ui.schedules;

import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.Schedule;
import io.backupdesk.schedule.ScheduleTimes;
import io.backupdesk.ui.Formats;
import io.backupdesk.ui.Messages;

import java.util.Locale;

/** One schedule in the list, its texts made once when the list is read. */
public final class ScheduleRowViewModel {
    private final Schedule schedule;
    private final boolean running;
    private final String when;
    private final String nextRun;
    private final String lastResult;
    private final JobStatus lastStatus;
    private final String lastError;
    private final String options;

    /** @param paused whether all schedules are paused, which is why an enabled one has no next run */
    ScheduleRowViewModel(ScheduleOperations.Status status, boolean paused) {
        this(status, paused, null);
    }

    /**
     * @param connection the schedule's connection, whose preset a schedule that follows it dumps as; null when it is
     *                   gone
     */
    ScheduleRowViewModel(ScheduleOperations.Status status, boolean paused, ConnectionProfile connection) {
        this.schedule = status.schedule();
        this.options = switch (schedule.optionsFrom()) {
            case CONNECTION -> connection == null || connection.preset() == null
                    ? Messages.get("schedules.options.connection.defaults")
                    : Messages.get("schedules.options.connection", connection.preset());
            case PRESET -> Messages.get("schedules.options.preset", schedule.preset());
            case OWN -> Messages.get("schedules.options.own", schedule.options().format().cliName());
        };
        this.running = status.running();
        this.when = words(status.times());
        this.nextRun = running ? Messages.get("schedules.next.running")
                : !schedule.enabled() ? Messages.get("schedules.next.disabled")
                : paused ? Messages.get("schedules.next.paused")
                : status.nextRun() == null ? Messages.get("schedules.next.none") : Formats.time(status.nextRun());
        JobRun last = status.lastRun();
        this.lastStatus = last == null ? null : last.status();
        this.lastResult = last == null ? Messages.get("schedules.last.never")
                : Messages.get("schedules.last.result", last.status().name().toLowerCase(Locale.ROOT),
                Formats.time(last.startedAt()));
        this.lastError = last == null || last.error() == null ? "" : last.error();
    }

    /** The schedule in words; a cron that cannot be read says why, as the scheduler skips it. */
    private static String words(ScheduleTimes times) {
        return times.problem().isPresent() ? Messages.get("schedules.when.invalid", times.schedule().cron())
                : ScheduleShape.describe(times.cron());
    }

    public Schedule schedule() {
        return schedule;
    }

    public String id() {
        return schedule.id();
    }

    public String profile() {
        return schedule.profile();
    }

    /** Its name; for one stored before schedules had names, a dash. */
    public String name() {
        return schedule.name() == null ? Messages.get("schedules.name.none") : schedule.name();
    }

    /** The schedule in messages: "nightly (sales)"; the connection alone for one without a name or named after it. */
    public String title() {
        return schedule.name() == null || schedule.name().equalsIgnoreCase(schedule.profile()) ? schedule.profile()
                : schedule.name() + " (" + schedule.profile() + ")";
    }

    /** Where its way of dumping comes from: "As connection: lean", "Preset lean", "Own: tar". */
    public String options() {
        return options;
    }

    public String when() {
        return when;
    }

    public String cron() {
        return schedule.cron();
    }

    public String zone() {
        return schedule.zone() == null ? Messages.get("schedules.zone.system", schedule.zoneId().getId())
                : schedule.zone();
    }

    public boolean enabled() {
        return schedule.enabled();
    }

    public boolean running() {
        return running;
    }

    /** When it runs next, "running now", or why it does not. */
    public String nextRun() {
        return nextRun;
    }

    /** The outcome and start of its newest run, e.g. "ok, 2026-11-21 02:30". */
    public String lastResult() {
        return lastResult;
    }

    /** Null when it never ran. */
    public JobStatus lastStatus() {
        return lastStatus;
    }

    /** What went wrong in its newest run, or why it was skipped; empty when nothing. */
    public String lastError() {
        return lastError;
    }
}
