package io.backupdesk.schedule;

import io.backupdesk.alert.Alert;
import io.backupdesk.alert.AlertDispatcher;
import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupService;
import io.backupdesk.backup.RetentionPlan;
import io.backupdesk.backup.RetentionService;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.Progress;
import io.backupdesk.core.Schedule;
import io.backupdesk.restore.RestoreReport;
import io.backupdesk.store.JobHistory;
import io.backupdesk.store.ProfileStore;
import io.backupdesk.store.ScheduleStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What one run of a schedule does: the backup with the schedule's options (never asking for a password; the stored
 * one is used), then, only when it succeeded, retention over the database's backups, then the weekly test restore
 * when one is due. A failed backup throws, so retention never runs after it.
 */
public final class ScheduledBackup implements BackupScheduler.Job {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledBackup.class);

    private final ProfileStore profiles;
    private final ScheduleStore schedules;
    private final BackupService backups;
    private final RetentionService retention;
    private final TestRestore testRestore;
    private final JobHistory history;
    private final BooleanSupplier verifyAfterBackup;
    private final Consumer<String> problems;
    private final AlertDispatcher alerts;
    private final java.time.Clock clock;

    /**
     * @param verifyAfterBackup the setting "read each new backup back", read at each run
     * @param problems          receives what went wrong after the backup itself succeeded (a cleanup, a test
     *                          restore), for the notifications; the backup's own failure is thrown instead
     */
    public ScheduledBackup(ProfileStore profiles, ScheduleStore schedules, BackupService backups,
                           RetentionService retention, io.backupdesk.restore.RestoreService restores, JobHistory history,
                           java.time.Clock clock, BooleanSupplier verifyAfterBackup, AlertDispatcher alerts,
                           Consumer<String> problems) {
        this.profiles = profiles;
        this.schedules = schedules;
        this.backups = backups;
        this.retention = retention;
        this.testRestore = new TestRestore(restores, history, clock, problems);
        this.clock = clock;
        this.history = history;
        this.verifyAfterBackup = verifyAfterBackup;
        this.problems = problems;
        this.alerts = alerts;
    }

    /**
     * @throws io.backupdesk.core.BackupDeskException when the backup failed; the failure was recorded in the history
     *                                                 and sent to the configured webhook and e-mail first
     */
    @Override
    public JobRun run(Schedule schedule, String origin, Cancellation cancel) {
        ConnectionProfile profile = profileOf(schedule, origin);
        BackupCatalog.Entry entry;
        try {
            entry = backups.backup(new BackupService.Request(profile, schedule.options(), origin,
                    Optional.empty(), false, verifyAfterBackup.getAsBoolean()), Progress.NONE, cancel);
        } catch (RuntimeException e) {
            alertLastFailure(origin);
            throw e;
        }
        // what follows a good backup never turns it into a failed run: its troubles go to the problems
        try {
            applyRetention(schedule, profile);
        } catch (RuntimeException e) {
            problems.accept("Cleanup of " + profile.database() + " on " + profile.name() + " failed: " + e.getMessage());
        }
        try {
            if (testRestore.due(schedule) && !cancel.isCancelled()) {
                testRestore(schedule, profile, entry, cancel);
            }
        } catch (RuntimeException e) {
            problems.accept("The weekly test restore of " + profile.database() + " failed: " + e.getMessage());
        }
        return history.readAll().stream().filter(r -> JobRun.KIND_BACKUP.equals(r.kind()) && origin.equals(r.origin())
                        && entry.record().id().equals(r.backupId())).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("the backup's own history line is missing"));
    }

    /**
     * The schedule's connection profile. One that was removed since fails the run like any other failure: in the
     * history, with an alert, so that a schedule left behind does not fail unseen.
     */
    private ConnectionProfile profileOf(Schedule schedule, String origin) {
        try {
            return profiles.require(schedule.profile());
        } catch (BackupDeskException e) {
            java.time.Instant now = clock.instant();
            JobRun failed = new JobRun(JobRun.SCHEMA_VERSION, io.backupdesk.core.Ids.newId(), JobRun.KIND_BACKUP,
                    schedule.profile(), null, origin, now, now, JobStatus.FAILED, 0, null, e.kind(),
                    e.getMessage() + " Edit or remove the schedule " + schedule.id() + ".");
            history.append(failed);
            alerts.send(Alert.failedRun(failed));
            throw e;
        }
    }

    private void applyRetention(Schedule schedule, ConnectionProfile profile) {
        RetentionPlan plan = retention.plan(profile.name(), profile.database(), schedules.list());
        RetentionService.Cleanup cleanup = retention.apply(plan);
        if (!cleanup.deleted().isEmpty()) {
            LOG.info("Retention after schedule {}: deleted {} backup(s), {} bytes", schedule.id(),
                    cleanup.deleted().size(), cleanup.freedBytes());
        }
        cleanup.failures().forEach(f -> problems.accept("Cleanup of " + profile.database() + " on " + profile.name()
                + ": " + f));
    }

    /** Sends the newest history line of this origin to the webhook and e-mail, when it is a failure. */
    private void alertLastFailure(String origin) {
        history.readAll().stream().filter(r -> origin.equals(r.origin())).reduce((a, b) -> b)
                .filter(r -> r.status() == JobStatus.FAILED || r.status() == JobStatus.INTERRUPTED)
                .ifPresent(r -> alerts.send(Alert.failedRun(r)));
    }


    private void testRestore(Schedule schedule, ConnectionProfile profile, BackupCatalog.Entry entry, Cancellation cancel) {
        Optional<RestoreReport> report = testRestore.run(schedule, profile, entry, cancel);
        if (report.isEmpty() || report.get().outcome() == RestoreReport.Outcome.FAILED) {
            alertLastFailure(schedule.testRestoreOrigin());
            problems.accept("The weekly test restore of " + profile.database() + " on " + profile.name() + " failed: "
                    + report.map(RestoreReport::summary).orElse("it could not start; see the job history")
                    + " The backup itself was written.");
        }
    }
}
