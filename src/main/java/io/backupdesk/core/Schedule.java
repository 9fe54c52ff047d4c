package io.backupdesk.core;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A backup of one profile's database that runs on a cron schedule, and what happens around it.
 *
 * @param id          stable, never reused; history lines of its runs carry the origin {@code schedule:<id>}
 * @param cron        five UNIX cron fields, read on the wall clock of {@code zone}
 * @param zone        a time-zone id such as {@code Europe/Berlin}; null for the system's zone
 * @param options     what each run backs up and how
 * @param retention   applied to the database's backups after each successful run
 * @param catchUp     what to do once at start or wake when runs were missed while the app was closed or asleep
 * @param testRestore once a week, restore the newest backup into a scratch database that is always dropped again,
 *                    and record the backup as verified
 * @param createdAt   runs due before this are not missed runs
 * @param enabledAt   when it was last switched on again; runs due while it was off are not missed runs either.
 *                    Null when it has not been switched off and on since it was made
 */
public record Schedule(String id, String profile, String cron, String zone, boolean enabled, BackupOptions options,
                       RetentionPolicy retention, CatchUp catchUp, boolean testRestore, Instant createdAt,
                       Instant enabledAt) {
    /** Missed runs are caught up with one run, or left out; never all of them. */
    public enum CatchUp { RUN_ONCE, SKIP }

    public static final String ORIGIN_PREFIX = "schedule:";
    public static final String TEST_RESTORE_PREFIX = "test-restore:";

    public Schedule {
        if (profile == null || profile.isBlank()) {
            throw BackupDeskException.configuration("A schedule needs a connection profile.", "Choose the profile to back up.");
        }
        options = options == null ? BackupOptions.defaults() : options;
        retention = retention == null ? RetentionPolicy.none() : retention;
        catchUp = catchUp == null ? CatchUp.RUN_ONCE : catchUp;
    }

    /** A schedule never switched off and on again. */
    public Schedule(String id, String profile, String cron, String zone, boolean enabled, BackupOptions options,
                    RetentionPolicy retention, CatchUp catchUp, boolean testRestore, Instant createdAt) {
        this(id, profile, cron, zone, enabled, options, retention, catchUp, testRestore, createdAt, null);
    }

    public ZoneId zoneId() {
        return zone == null || zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone);
    }

    /** The origin the runs of this schedule carry in the history and in their sidecars. */
    public String origin() {
        return ORIGIN_PREFIX + id;
    }

    /** The origin of this schedule's weekly test restores in the history. */
    public String testRestoreOrigin() {
        return TEST_RESTORE_PREFIX + id;
    }

    /** Switched on or off; switched on again {@code at}, it does not count the runs it was off for as missed. */
    public Schedule withEnabled(boolean on, Instant at) {
        return new Schedule(id, profile, cron, zone, on, options, retention, catchUp, testRestore, createdAt,
                on && !enabled ? at : enabledAt);
    }
}
