package io.backupdesk.core;

import java.time.Instant;
import java.time.ZoneId;
import java.util.regex.Pattern;

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
 * @param preset      with {@link OptionsFrom#PRESET}, the preset each run dumps as when it runs; null otherwise
 * @param name        what people call it ("nightly"), unique among the schedules; null for one stored before
 *                    schedules had names, or whose stored name is not a valid one (see {@link #VALID_NAME})
 * @param optionsFrom where each run's way of dumping comes from; a file written before this was stored reads as
 *                    {@code PRESET} when it names a preset, else {@code OWN}, which is what those schedules did
 */
public record Schedule(String id, String profile, String cron, String zone, boolean enabled, BackupOptions options,
                       RetentionPolicy retention, CatchUp catchUp, boolean testRestore, Instant createdAt,
                       Instant enabledAt, String preset, String name, OptionsFrom optionsFrom) {
    /** Missed runs are caught up with one run, or left out; never all of them. */
    public enum CatchUp { RUN_ONCE, SKIP }

    /**
     * Where a run's way of dumping comes from. Each keeps the schedule's own label, keys and destinations from
     * {@code options}. The first two are followed by reference: what the connection or the preset says when the run
     * starts, not when the schedule was saved.
     */
    public enum OptionsFrom {
        /** The connection's preset, else the settings' defaults, as they are at each run. */
        CONNECTION,
        /** The schedule's preset, as it is at each run. */
        PRESET,
        /** The schedule's own {@code options}, saved with it. */
        OWN
    }

    /** Up to 64 letters, digits, spaces, '.', '_' or '-', starting with a letter or digit: the presets' rule. */
    public static final Pattern VALID_NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._ -]{0,63}");

    public static final String ORIGIN_PREFIX = "schedule:";
    public static final String TEST_RESTORE_PREFIX = "test-restore:";

    public Schedule {
        if (profile == null || profile.isBlank()) {
            throw BackupDeskException.configuration("A schedule needs a connection profile.", "Choose the profile to back up.");
        }
        options = options == null ? BackupOptions.defaults() : options;
        retention = retention == null ? RetentionPolicy.none() : retention;
        catchUp = catchUp == null ? CatchUp.RUN_ONCE : catchUp;
        // read from a file anyone may have edited: a name we would not have taken is left out, not the schedule
        name = name == null || !VALID_NAME.matcher(name.strip()).matches() ? null : name.strip();
        preset = preset == null || preset.isBlank() ? null : preset;
        if (optionsFrom == null || optionsFrom == OptionsFrom.PRESET && preset == null) {
            optionsFrom = preset != null ? OptionsFrom.PRESET : OptionsFrom.OWN;
        }
        preset = optionsFrom == OptionsFrom.PRESET ? preset : null;
    }

    /** A schedule never switched off and on again. */
    public Schedule(String id, String profile, String cron, String zone, boolean enabled, BackupOptions options,
                    RetentionPolicy retention, CatchUp catchUp, boolean testRestore, Instant createdAt) {
        this(id, profile, cron, zone, enabled, options, retention, catchUp, testRestore, createdAt, null, null, null,
                null);
    }

    /** A schedule that dumps with its own options. */
    public Schedule(String id, String profile, String cron, String zone, boolean enabled, BackupOptions options,
                    RetentionPolicy retention, CatchUp catchUp, boolean testRestore, Instant createdAt,
                    Instant enabledAt) {
        this(id, profile, cron, zone, enabled, options, retention, catchUp, testRestore, createdAt, enabledAt, null,
                null, null);
    }

    /** Its name, or for one without a name its connection and id: "nightly", "schedule of sales (8b9d1c2e4f5a)". */
    public String describe() {
        return name != null ? name : "schedule of " + profile + " (" + id + ")";
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
        return toBuilder().enabled(on).enabledAt(on && !enabled ? at : enabledAt).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every component of this schedule, to change a few and keep the rest. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Names each component where it is set, instead of counting 14 positions. What is not set stays null or false;
     * the constructor then fills in the default options, no retention and one catch-up run, and still asks for a
     * profile.
     */
    public static final class Builder {
        private String id;
        private String profile;
        private String cron;
        private String zone;
        private boolean enabled;
        private BackupOptions options;
        private RetentionPolicy retention;
        private CatchUp catchUp;
        private boolean testRestore;
        private Instant createdAt;
        private Instant enabledAt;
        private String preset;
        private String name;
        private OptionsFrom optionsFrom;

        private Builder() { }

        private Builder(Schedule from) {
            id = from.id;
            profile = from.profile;
            cron = from.cron;
            zone = from.zone;
            enabled = from.enabled;
            options = from.options;
            retention = from.retention;
            catchUp = from.catchUp;
            testRestore = from.testRestore;
            createdAt = from.createdAt;
            enabledAt = from.enabledAt;
            preset = from.preset;
            name = from.name;
            optionsFrom = from.optionsFrom;
        }

        public Builder id(String value) {
            id = value;
            return this;
        }

        public Builder profile(String value) {
            profile = value;
            return this;
        }

        public Builder cron(String value) {
            cron = value;
            return this;
        }

        public Builder zone(String value) {
            zone = value;
            return this;
        }

        public Builder enabled(boolean value) {
            enabled = value;
            return this;
        }

        public Builder options(BackupOptions value) {
            options = value;
            return this;
        }

        public Builder retention(RetentionPolicy value) {
            retention = value;
            return this;
        }

        public Builder catchUp(CatchUp value) {
            catchUp = value;
            return this;
        }

        public Builder testRestore(boolean value) {
            testRestore = value;
            return this;
        }

        public Builder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        public Builder enabledAt(Instant value) {
            enabledAt = value;
            return this;
        }

        public Builder preset(String value) {
            preset = value;
            return this;
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder optionsFrom(OptionsFrom value) {
            optionsFrom = value;
            return this;
        }

        /** Through the canonical constructor, the one Jackson reads the schedules file with. */
        public Schedule build() {
            return new Schedule(id, profile, cron, zone, enabled, options, retention, catchUp, testRestore, createdAt,
                    enabledAt, preset, name, optionsFrom);
        }
    }
}
