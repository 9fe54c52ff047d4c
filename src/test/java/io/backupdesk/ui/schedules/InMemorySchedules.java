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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The schedules screen's operations in memory, for the ViewModel's logic: next runs from the real cron reading,
 * last runs and busy databases as a test sets them, the preview as a test gives it, with the question it was asked.
 */
class InMemorySchedules implements ScheduleOperations {
    /** The pause as the screen set it. */
    volatile Instant pausedSince;
    /** What the preview was asked. */
    record Asked(String profile, RetentionPolicy policy, String scheduleId, ZoneId zone) { }

    final Map<String, Schedule> schedules = new LinkedHashMap<>();
    final List<ConnectionProfile> profiles = new ArrayList<>();
    final Map<String, JobRun> lastRuns = new HashMap<>();
    final Set<String> running = new HashSet<>();
    final Set<String> busyProfiles = new HashSet<>();
    final List<String> reloaded = new ArrayList<>();
    final List<String> ranNow = new ArrayList<>();
    final List<Asked> asked = new ArrayList<>();
    final List<StoredKey> keys = new ArrayList<>();
    final List<Destination> destinations = new ArrayList<>();
    final List<Preset> presets = new ArrayList<>();
    /** The schedules whose command was asked for, as the editor made them. */
    final List<Schedule> commandsAsked = new ArrayList<>();
    BackupOptions defaults = BackupOptions.defaults();
    Preview preview = new Preview("sales", List.of(), 0);
    Instant now = Instant.parse("2026-03-28T12:00:00Z");

    @Override
    public List<Status> list() {
        return schedules.values().stream().map(ScheduleTimes::of).map(times -> new Status(times,
                times.nextRunAfter(now).orElse(null), running.contains(times.schedule().id()),
                lastRuns.get(times.schedule().id()))).toList();
    }

    @Override
    public List<ConnectionProfile> profiles() {
        return List.copyOf(profiles);
    }

    @Override
    public List<StoredKey> keys() {
        return List.copyOf(keys);
    }

    @Override
    public List<Destination> destinations() {
        return List.copyOf(destinations);
    }

    @Override
    public List<Preset> presets() {
        return List.copyOf(presets);
    }

    /** The engine's command is the engine test's; here it says what it was asked for, so a test can see it. */
    @Override
    public String commandLine(Schedule schedule) {
        commandsAsked.add(schedule);
        return "pg_dump " + schedule.optionsFrom() + " " + schedule.preset();
    }

    @Override
    public BackupOptions defaultOptions() {
        return defaults;
    }

    @Override
    public void save(Schedule schedule) {
        schedules.put(schedule.id(), schedule);
        reloaded.add(schedule.id());
    }

    @Override
    public void remove(Schedule schedule) {
        schedules.remove(schedule.id());
        reloaded.add(schedule.id());
    }

    @Override
    public boolean runNow(Schedule schedule) {
        ranNow.add(schedule.id());
        return !busyProfiles.contains(schedule.profile());
    }

    @Override
    public Preview preview(String profile, RetentionPolicy policy, String scheduleId, ZoneId zone) {
        asked.add(new Asked(profile, policy, scheduleId, zone));
        return preview;
    }

    @Override
    public Optional<Instant> pausedSince() {
        return Optional.ofNullable(pausedSince);
    }

    @Override
    public void setPaused(boolean paused) {
        pausedSince = paused ? now() : null;
    }

    @Override
    public Instant now() {
        return now;
    }
}
