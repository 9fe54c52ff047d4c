package io.backupdesk.schedule;

import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.Origin;
import io.backupdesk.core.Schedule;

import java.util.Objects;
import java.util.Optional;

/**
 * One run the scheduler starts: a run of a schedule (on time, caught up, or "Run now"), or a backup of a profile
 * outside any schedule, as the tray's "Back up now" asks for. Both obey the same limits (one job per database, the
 * number of jobs at once) and are heard by the same listeners; only a schedule's run brings the schedule along, for
 * what follows its backup (the weekly test restore).
 */
public final class RunRequest {
    private final String key;
    private final String profile;
    private final BackupOptions options;
    private final String origin;
    private final Schedule schedule;

    private RunRequest(String key, String profile, BackupOptions options, String origin, Schedule schedule) {
        this.key = Objects.requireNonNull(key, "key");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.options = options == null ? BackupOptions.defaults() : options;
        this.origin = Objects.requireNonNull(origin, "origin");
        this.schedule = schedule;
    }

    /** A run of the schedule under its own origin, as its timer or a catch-up starts it. */
    public static RunRequest of(Schedule schedule) {
        return of(schedule, schedule.origin());
    }

    /** A run of the schedule recorded under {@code origin}. */
    public static RunRequest of(Schedule schedule, String origin) {
        return new RunRequest(schedule.id(), schedule.profile(), schedule.options(), origin, schedule);
    }

    /**
     * The tray menu's Back up now of the profile's database: no schedule's run, and recorded as the tray's, so that the
     * backup list and the history say who made it. Keyed apart from the schedules' ids ("now-" and the profile), so
     * that the listeners tell this run from theirs.
     */
    public static RunRequest fromTray(String profile, BackupOptions options) {
        return new RunRequest("now-" + profile, profile, options, Origin.TRAY, null);
    }

    /** The schedule's id for a schedule's run, else the key its caller chose. */
    public String key() {
        return key;
    }

    /** The connection profile whose database is backed up. */
    public String profile() {
        return profile;
    }

    public BackupOptions options() {
        return options;
    }

    /** What the run's history line and its backup's sidecar say made them. */
    public String origin() {
        return origin;
    }

    /** The schedule whose run this is; empty for a backup outside the schedules. */
    public Optional<Schedule> schedule() {
        return Optional.ofNullable(schedule);
    }

    @Override
    public String toString() {
        return key + " (" + profile + ", " + origin + ")";
    }
}
