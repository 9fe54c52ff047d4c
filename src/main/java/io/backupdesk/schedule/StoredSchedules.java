package io.backupdesk.schedule;

import io.backupdesk.jobs.DatabaseClaims;

import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Ids;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.Schedule;
import io.backupdesk.store.JobHistory;
import io.backupdesk.store.ProfileStore;
import io.backupdesk.store.ScheduleStore;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The scheduler's view of {@code schedules.json}, {@code history.jsonl} and the profiles. */
public final class StoredSchedules implements BackupScheduler.Schedules, BackupScheduler.SkipRecorder,
        BackupScheduler.DatabaseKeys {
    private final ScheduleStore schedules;
    private final ProfileStore profiles;
    private final JobHistory history;
    private final Clock clock;

    public StoredSchedules(ScheduleStore schedules, ProfileStore profiles, JobHistory history, Clock clock) {
        this.schedules = schedules;
        this.profiles = profiles;
        this.history = history;
        this.clock = clock;
    }

    @Override
    public List<Schedule> list() {
        return schedules.list();
    }

    @Override
    public Optional<Schedule> find(String id) {
        return schedules.find(id);
    }

    @Override
    public Optional<Instant> lastRunStart(Schedule schedule) {
        return history.readAll().stream().filter(r -> schedule.origin().equals(r.origin()) && r.status() != null
                        && r.status() != JobStatus.CANCELLED && r.status() != JobStatus.INTERRUPTED)
                .map(JobRun::startedAt).reduce((a, b) -> b);
    }

    @Override
    public long version() {
        return schedules.lastModified();
    }

    @Override
    public Optional<Instant> pausedSince() {
        return schedules.pausedSince();
    }

    @Override
    public Optional<Instant> resumedAt() {
        return schedules.resumedAt();
    }

    @Override
    public Optional<Instant> lastPauseStart() {
        return schedules.lastPauseStart();
    }

    @Override
    public void storePause(Instant at) {
        schedules.pause(at);
    }

    @Override
    public void storeResume(Instant at) {
        schedules.resume(at);
    }

    /** The newest history line of the schedule's runs, whatever became of it. */
    public static Optional<JobRun> lastRun(Schedule schedule, List<JobRun> runs) {
        return runs.stream().filter(r -> schedule.origin().equals(r.origin())).reduce((a, b) -> b);
    }

    @Override
    public JobRun skipped(RunRequest run, String why) {
        Instant now = clock.instant();
        Optional<ConnectionProfile> profile = profiles.find(run.profile());
        // a server connection's run is its set's: its login database is not a database it backs up
        boolean set = profile.map(ConnectionProfile::wholeServer).orElse(false);
        JobRun skipped = JobRun.builder().id(Ids.newId()).kind(set ? JobRun.KIND_SET : JobRun.KIND_BACKUP)
                .profile(run.profile())
                .database(set ? null : profile.map(ConnectionProfile::database).orElse(null)).origin(run.origin())
                .startedAt(now).finishedAt(now).status(JobStatus.SKIPPED).error(why).build();
        history.append(skipped);
        return skipped;
    }

    /**
     * Host, port and database: two profiles of one database still get one job at a time. A server connection's run
     * claims its set; each database is claimed as the set dumps it.
     */
    @Override
    public String of(RunRequest run) {
        return profiles.find(run.profile()).map(DatabaseClaims::keyOf).orElse(run.profile());
    }
}
