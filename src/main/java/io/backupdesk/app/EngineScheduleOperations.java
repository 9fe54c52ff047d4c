package io.backupdesk.app;

import io.backupdesk.engine.Engine;

import io.backupdesk.backup.OriginRetention;
import io.backupdesk.backup.RetentionPlan;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Destination;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.Preset;
import io.backupdesk.core.RetentionPolicy;
import io.backupdesk.core.Schedule;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.schedule.BackupScheduler;
import io.backupdesk.schedule.RunRequest;
import io.backupdesk.schedule.StoredSchedules;
import io.backupdesk.ui.schedules.ScheduleOperations;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The schedules screen's operations on the engine's stores and the app's scheduler. */
final class EngineScheduleOperations implements ScheduleOperations {
    /** Retention's reasons start with the verdict, which the preview shows in a column of its own. */
    private static final Pattern VERDICT = Pattern.compile("^(kept|deleted): ");

    private final Engine engine;
    private final BackupScheduler scheduler;

    EngineScheduleOperations(Engine engine, BackupScheduler scheduler) {
        this.engine = engine;
        this.scheduler = scheduler;
    }

    @Override
    public List<Status> list() {
        Instant now = engine.clock().instant();
        // the stored pause counts before the scheduler has started and read it
        boolean paused = scheduler.paused() || pausedSince().isPresent();
        List<JobRun> history = engine.history().readAll();
        return scheduler.states().stream().map(state -> new Status(state.times(),
                nextRun(state, paused, now), state.running(),
                StoredSchedules.lastRun(state.schedule(), history).orElse(null))).toList();
    }

    /** The next run of every enabled schedule, soonest first, for the dashboard. */
    Optional<Status> soonest() {
        return list().stream().filter(s -> s.nextRun() != null).min(Comparator.comparing(Status::nextRun));
    }

    /**
     * The armed timer's time; until the scheduler has started (it waits for the start-up cleanup, and for a
     * {@code schedule run-due} that holds the schedules) it is when the cron comes due next.
     */
    private static Instant nextRun(BackupScheduler.State state, boolean paused, Instant now) {
        return state.nextRun() != null ? state.nextRun() : state.times().nextRunAfter(now, paused).orElse(null);
    }

    @Override
    public List<ConnectionProfile> profiles() {
        return engine.profiles().list();
    }

    @Override
    public BackupOptions defaultOptions() {
        return engine.backupDefaults().options();
    }

    @Override
    public List<StoredKey> keys() {
        return engine.keys().list();
    }

    @Override
    public List<Destination> destinations() {
        return engine.jobs().destinations().list();
    }

    @Override
    public List<Preset> presets() {
        return engine.jobs().presets().list();
    }

    @Override
    public boolean newCompressions() {
        return EnginePresetOperations.newCompressions(engine);
    }

    @Override
    public String commandLine(Schedule schedule) {
        return engine.jobs().backup().commandLine(schedule);
    }

    @Override
    public void save(Schedule schedule) {
        engine.jobs().schedules().save(schedule);
        scheduler.reload(schedule.id());
    }

    @Override
    public void remove(Schedule schedule) {
        engine.jobs().schedules().remove(schedule.id());
        scheduler.reload(schedule.id());
    }

    @Override
    public boolean runNow(Schedule schedule) {
        return scheduler.runNow(RunRequest.of(engine.schedules().find(schedule.id()).orElse(schedule)));
    }

    @Override
    public Preview preview(String profileName, RetentionPolicy policy, String scheduleId, ZoneId zone) {
        ConnectionProfile profile = engine.profiles().require(profileName);
        List<OriginRetention> rules = new ArrayList<>(OriginRetention.ofSchedules(profileName, engine.schedules().list()
                .stream().filter(s -> !s.id().equals(scheduleId)).toList()));
        int otherRules = rules.size();
        if (scheduleId != null) {
            // the rules on the screen, over the backups the edited schedule made
            rules.add(new OriginRetention(Schedule.ORIGIN_PREFIX + scheduleId, policy, zone));
        }
        RetentionPlan plan = engine.retention().plan(profileName, profile.database(), rules);
        return new Preview(profile.database(), plan.decisions().stream().map(d -> new PreviewEntry(d.entry().record().id(),
                d.entry().record().createdAt(), d.entry().record().sizeBytes(), d.delete(),
                VERDICT.matcher(d.reason()).replaceFirst(""))).toList(), otherRules);
    }

    @Override
    public Optional<Instant> pausedSince() {
        return engine.schedules().pausedSince();
    }

    @Override
    public void setPaused(boolean paused) {
        if (paused) {
            scheduler.pause();
        } else {
            scheduler.resume();
        }
    }

    @Override
    public Instant now() {
        return engine.clock().instant();
    }
}
