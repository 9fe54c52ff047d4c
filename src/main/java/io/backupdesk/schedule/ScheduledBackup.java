package io.backupdesk.schedule;

import io.backupdesk.core.Cancellation;
import io.backupdesk.core.JobRun;
import io.backupdesk.jobs.BackupJob;

import java.util.function.Consumer;

/**
 * A run for the scheduler and {@code schedule run-due}: the backup job's run of a schedule, or of a backup outside the
 * schedules that the scheduler runs under its limits (the tray's "Back up now").
 */
public final class ScheduledBackup implements BackupScheduler.Job {
    private final BackupJob job;
    private final Consumer<String> problems;

    /**
     * @param problems receives what went wrong after the backup itself succeeded (a cleanup, a test restore), for the
     *                 notifications; the backup's own failure is thrown instead
     */
    public ScheduledBackup(BackupJob job, Consumer<String> problems) {
        this.job = job;
        this.problems = problems;
    }

    /**
     * @throws io.backupdesk.core.BackupDeskException when the backup failed; the failure was recorded in the history
     *                                                 and sent to the configured webhook and e-mail first
     */
    @Override
    public JobRun run(RunRequest run, Cancellation cancel) {
        return run.schedule().map(schedule -> job.scheduled(schedule, run.origin(), cancel, problems))
                .orElseGet(() -> job.claimed(run.profile(), run.options(), run.origin(), cancel, problems));
    }
}
