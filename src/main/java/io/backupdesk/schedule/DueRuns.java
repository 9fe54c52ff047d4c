package io.backupdesk.schedule;

import io.backupdesk.jobs.DatabaseClaims;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.Schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The schedules as an OS scheduler runs them ({@code backupdesk schedule run-due}): each enabled schedule that has
 * come due since its last run runs once, one after the other, and then the process ends. Missed runs are thus
 * always caught up with one run; the catch-up policy is the app's, which knows whether it was asleep.
 */
public final class DueRuns {
    /** One schedule's run: its history line, or the error that ended it. */
    public record Outcome(Schedule schedule, JobRun run, BackupDeskException error) {
        public String describe() {
            if (error != null) {
                return "failed: " + error.getMessage();
            }
            return run.status() == JobStatus.SKIPPED ? "skipped: " + run.error()
                    : run.status().name().toLowerCase(Locale.ROOT) + ", backup " + run.backupId();
        }
    }

    private final BackupScheduler.Schedules schedules;
    private final BackupScheduler.SkipRecorder skips;
    private final BackupScheduler.DatabaseKeys databases;
    private final DatabaseClaims claims;
    private final BackupScheduler.Job job;
    private final Clock clock;

    /** @param claims shared with the app and the other commands: a database with a job now is skipped */
    public DueRuns(BackupScheduler.Schedules schedules, BackupScheduler.SkipRecorder skips,
                   BackupScheduler.DatabaseKeys databases, DatabaseClaims claims, BackupScheduler.Job job, Clock clock) {
        this.schedules = schedules;
        this.skips = skips;
        this.databases = databases;
        this.claims = claims;
        this.job = job;
        this.clock = clock;
    }

    /**
     * The enabled schedules with a run due since their last run (or since they were made; ever, if unknown; or since
     * the end of a pause); none while the schedules are paused.
     */
    public List<Schedule> due() {
        Instant now = clock.instant();
        List<Schedule> due = new ArrayList<>();
        if (schedules.pausedSince().isPresent()) {
            return due;
        }
        for (Schedule s : schedules.list()) {
            if (!s.enabled()) {
                continue;
            }
            ScheduleTimes times = ScheduleTimes.of(s);
            // a schedule with a broken cron is never due; 'schedule list' shows why
            if (times.firstRunBetween(MissedRuns.since(schedules, times, Instant.EPOCH), now).isPresent()) {
                due.add(s);
            }
        }
        return due;
    }

    /** Runs what is due, one at a time; a cancel stops before the next. */
    public List<Outcome> runAll(Cancellation cancel) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Schedule s : due()) {
            if (cancel.isCancelled()) {
                break;
            }
            RunRequest run = RunRequest.of(s);
            String database = databases.of(run);
            if (!claims.claim(database, DatabaseClaims.SCHEDULED_BACKUP)) {
                outcomes.add(new Outcome(s, skips.skipped(run, claims.skipReason(database)), null));
                continue;
            }
            try {
                outcomes.add(new Outcome(s, job.run(run, cancel), null));
            } catch (BackupDeskException e) {
                outcomes.add(new Outcome(s, null, e));
                if (e.kind() == ErrorKind.CANCELLED) {
                    break;
                }
            } finally {
                claims.release(database);
            }
        }
        return outcomes;
    }
}
