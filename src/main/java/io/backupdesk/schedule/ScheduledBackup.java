package io.backupdesk.schedule;

import io.backupdesk.core.Cancellation;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.Schedule;
import io.backupdesk.jobs.BackupJob;

import java.util.function.Consumer;

/** A run of a schedule, for the scheduler and {@code schedule run-due}: the backup job's scheduled run. */
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
    public JobRun run(Schedule schedule, String origin, Cancellation cancel) {
        return job.scheduled(schedule, origin, cancel, problems);
    }
}
