package io.backupdesk.core;

import java.time.Instant;

/**
 * One line of the job history: a backup run, whatever its outcome.
 *
 * @param backupId  the backup it produced, when it succeeded
 * @param errorKind null unless the run failed
 */
public record JobRun(int schemaVersion, String id, String kind, String profile, String database, String origin,
                     Instant startedAt, Instant finishedAt, JobStatus status, long sizeBytes, String backupId,
                     ErrorKind errorKind, String error) {
    public static final int SCHEMA_VERSION = 1;
    public static final String KIND_BACKUP = "backup";
    public static final String KIND_RESTORE = "restore";
}
