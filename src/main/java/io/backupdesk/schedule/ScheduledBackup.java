package io.backupdesk.schedule;

import io.backupdesk.alert.Alert;
import io.backupdesk.alert.AlertDispatcher;
import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupService;
import io.backupdesk.backup.RetentionPlan;
import io.backupdesk.backup.RetentionService;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.Progress;
import io.backupdesk.core.RetentionPolicy;
import io.backupdesk.core.Schedule;
import io.backupdesk.restore.RestoreReport;
import io.backupdesk.store.JobHistory;
import io.backupdesk.store.ProfileStore;
import io.backupdesk.store.ScheduleStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
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
        this.testRestore = new TestRestore(restores, history, clock);
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
        ConnectionProfile profile = profiles.require(schedule.profile());
        BackupCatalog.Entry entry;
        try {
            entry = backups.backup(new BackupService.Request(profile, schedule.options(), origin,
                    Optional.empty(), false, verifyAfterBackup.getAsBoolean()), Progress.NONE, cancel);
        } catch (RuntimeException e) {
            alertLastFailure(origin);
            throw e;
        }
        applyRetention(schedule, profile);
        if (testRestore.due(schedule) && !cancel.isCancelled()) {
            testRestore(schedule, profile, entry, cancel);
        }
        return history.readAll().stream().filter(r -> entry.record().id().equals(r.backupId()))
                .reduce((a, b) -> b).orElseThrow();
    }

    private void applyRetention(Schedule schedule, ConnectionProfile profile) {
        List<RetentionPolicy> policies = policiesOf(profile.name(), schedules.list());
        RetentionPlan plan = retention.plan(profile.name(), profile.database(), policies, schedule.zoneId());
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

    /** The retention policies of every schedule of the profile that sets one. */
    public static List<RetentionPolicy> policiesOf(String profile, List<Schedule> schedules) {
        return schedules.stream().filter(s -> Objects.equals(s.profile(), profile))
                .map(Schedule::retention).filter(p -> !p.isNone()).toList();
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
