package io.backupdesk.schedule;

import io.backupdesk.core.BackupOptions;
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
     * A backup of the profile's database that belongs to no schedule.
     *
     * @param key names the run to the listeners; it must not be the id of a schedule, whose runs it would pass for
     */
    public static RunRequest backUp(String key, String profile, BackupOptions options, String origin) {
        return new RunRequest(key, profile, options, origin, null);
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
