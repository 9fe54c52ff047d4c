package io.backupdesk.ui.schedules;

import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Destination;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.Preset;
import io.backupdesk.core.RetentionPolicy;
import io.backupdesk.core.Schedule;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.schedule.ScheduleTimes;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * What the schedules screen needs from the engine and the app's scheduler. Every call but {@link #now()} may read
 * or write files: run them off the UI thread.
 */
public interface ScheduleOperations {
    /**
     * A schedule as the list shows it.
     *
     * @param times   the schedule with its cron as read, which the list describes in words
     * @param nextRun null when it is disabled, the schedules are paused, or the cron never comes due
     * @param running whether a run of it is going on now
     * @param lastRun the newest history line of its runs, whatever became of it; null when it never ran
     */
    record Status(ScheduleTimes times, Instant nextRun, boolean running, JobRun lastRun) {
        public Schedule schedule() {
            return times.schedule();
        }
    }

    /**
     * What retention would do to one backup of the database.
     *
     * @param reason why it goes or stays, in words
     */
    record PreviewEntry(String backupId, Instant createdAt, long sizeBytes, boolean delete, String reason) { }

    /**
     * The preview of a cleanup under the edited rules.
     *
     * @param database     the profile's database
     * @param otherRules   how many other schedules of the profile bring retention rules of their own: a backup goes
     *                     only when all rules let it go
     */
    record Preview(String database, List<PreviewEntry> entries, int otherRules) { }

    List<Status> list();

    List<ConnectionProfile> profiles();

    /** Format and compression as the settings make them the default. */
    BackupOptions defaultOptions();

    /** The key store's keys, that a schedule's backups can be encrypted to. */
    List<StoredKey> keys();

    /** The destinations a schedule's backups can be copied to; none where no destination is kept. */
    default List<Destination> destinations() {
        return List.of();
    }

    /** The presets a schedule can dump as; none where none is kept. */
    default List<Preset> presets() {
        return List.of();
    }

    /** Whether the newest pg_dump here compresses with zstd and lz4 (version 16 and newer). */
    default boolean newCompressions() {
        return false;
    }

    /**
     * The pg_dump command line a run of the schedule (saved or not) would take now, without secrets; nothing is run.
     * Throws what the schedule's options would be refused for.
     */
    default String commandLine(Schedule schedule) {
        return "";
    }

    /**
     * Stores the schedule, new or changed, and re-arms its timer. Throws what it is refused for: a name that is taken
     * or not valid, a preset that is gone, options a run could not take.
     */
    void save(Schedule schedule);

    /** Removes the schedule and disarms it. Its backups and history stay, and still name it. */
    void remove(Schedule schedule);

    /**
     * Starts a run of the schedule now; it goes on in the background.
     *
     * @return false when a backup of that database is running already; the run was then recorded as skipped
     */
    boolean runNow(Schedule schedule);

    /**
     * What a cleanup of the profile's database would do now under the policy together with the other schedules'
     * policies of that profile.
     *
     * @param scheduleId the schedule being edited, whose stored policy the edited one replaces; null for a new one
     */
    Preview preview(String profile, RetentionPolicy policy, String scheduleId, ZoneId zone);

    /** Since when all schedules are paused (this screen, the tray menu, {@code schedule pause}); empty while they run. */
    Optional<Instant> pausedSince();

    /** Pauses all schedules, or lets them run again; a pause lasts over restarts. */
    void setPaused(boolean paused);

    /** The clock the scheduler runs on. */
    Instant now();
}
