package io.backupdesk.backup;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.Ids;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.Progress;
import io.backupdesk.pg.ConnectionFactory;
import io.backupdesk.pg.Credentials;
import io.backupdesk.pg.ProcessRunner;
import io.backupdesk.pg.ToolErrors;
import io.backupdesk.pg.ToolSelection;
import io.backupdesk.store.JobHistory;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Makes backups. A run writes {@code *.partial} names, fsyncs, renames them into place, and writes the sidecar last;
 * a failed or cancelled run deletes everything it wrote, so nothing that looks like a backup is left. Every run is
 * recorded in the job history. Thread-safe: runs share nothing but the stores, which are thread-safe themselves.
 */
public final class BackupService {
    /**
     * @param origin          "manual" or "schedule:&lt;id&gt;"
     * @param runtimePassword a password asked for at run time, used for this run only; empty to use the stored one
     * @param interactive     a person will be asked for a password and the run retried when the server wants one;
     *                        that first attempt is then not a failed run worth recording
     */
    public record Request(ConnectionProfile profile, BackupOptions options, String origin, Optional<String> runtimePassword,
                          boolean interactive) {
        public Request(ConnectionProfile profile, BackupOptions options, String origin, Optional<String> runtimePassword) {
            this(profile, options, origin, runtimePassword, false);
        }
    }

    /** What a run works with; shared by all runs. */
    record Services(BackupLayout layout, ToolSelection tools, ConnectionFactory connections, Credentials credentials,
                    ProcessRunner runner, RunRegistry runs, Clock clock) { }

    private final Services services;
    private final JobHistory history;

    public BackupService(BackupLayout layout, ToolSelection tools, ConnectionFactory connections, Credentials credentials,
                         ProcessRunner runner, RunRegistry runs, JobHistory history, Clock clock) {
        this.services = new Services(layout, tools, connections, credentials, runner, runs, clock);
        this.history = history;
    }

    /**
     * Backs up the profile's database. Blocks until done; reports progress from worker threads.
     *
     * @return the new backup as the catalog lists it
     * @throws BackupDeskException with a message and a hint; {@code CANCELLED} after {@code cancel} fired
     */
    public BackupCatalog.Entry backup(Request request, Progress progress, Cancellation cancel) {
        Instant started = services.clock().instant();
        String runId = Ids.newId();
        try {
            BackupCatalog.Entry entry = new BackupRun(services, request, runId, started, progress, cancel).execute();
            BackupRecord record = entry.record();
            history.append(jobRun(runId, request, started, JobStatus.OK, record.sizeBytes(), record.id(), null, services.clock()));
            return entry;
        } catch (BackupDeskException e) {
            if (!(request.interactive() && e.kind() == ErrorKind.PASSWORD_REQUIRED)) {
                JobStatus status = e.kind() == ErrorKind.CANCELLED ? JobStatus.CANCELLED : JobStatus.FAILED;
                history.append(jobRun(runId, request, started, status, 0, null, e, services.clock()));
            }
            throw e;
        } catch (RuntimeException e) {
            history.append(jobRun(runId, request, started, JobStatus.FAILED, 0, null,
                    new BackupDeskException(ErrorKind.TOOL_FAILED, "Unexpected failure: " + e, "", List.of(), e),
                    services.clock()));
            throw e;
        }
    }

    /** A write failure in the backup folder, as the user should read it. */
    static BackupDeskException writeFailure(IOException e) {
        String message = String.valueOf(e.getMessage());
        ErrorKind kind = ToolErrors.isDiskFull(message) ? ErrorKind.DISK_FULL : ErrorKind.IO;
        return new BackupDeskException(kind, kind == ErrorKind.DISK_FULL
                ? ToolErrors.writeFailed(ToolErrors.diskFullReason(message))
                : "Writing the backup failed: " + message, ToolErrors.hintFor(kind), List.of(), e);
    }

    /** The history line of a run; a null status marks a run still in progress. */
    static JobRun jobRun(String runId, Request request, Instant started, JobStatus status, long size, String backupId,
                         BackupDeskException error, Clock clock) {
        return new JobRun(JobRun.SCHEMA_VERSION, runId, JobRun.KIND_BACKUP, request.profile().name(),
                request.profile().database(), request.origin(), started, status == null ? null : clock.instant(), status,
                size, backupId, error == null ? null : error.kind(), error == null ? null : error.getMessage());
    }
}
