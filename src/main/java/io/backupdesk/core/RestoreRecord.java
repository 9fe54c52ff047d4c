package io.backupdesk.core;

import java.time.Instant;

/**
 * A restore as remembered for rolling it back: what replaced what, and where the previous state was kept.
 *
 * @param mode               "safe-replace", "in-place" or "new-database"
 * @param outcome            "complete", "complete-with-warnings" or "failed"
 * @param asideDatabase      safe replace: the previous database, renamed aside; null once dropped or swapped back
 * @param safetyBackupId     clean in place: the backup taken of the target before
 * @param rolledBackAt       when it was rolled back; null while it stands
 * @param restoredCopy       after a rollback of a safe replace: where the restored database was kept
 */
public record RestoreRecord(int schemaVersion, String id, String backupId, String profile, String database, String mode,
                            Instant startedAt, Instant finishedAt, String outcome, String asideDatabase,
                            String safetyBackupId, Instant rolledBackAt, String restoredCopy) {
    public static final int SCHEMA_VERSION = 1;

    public RestoreRecord rolledBack(Instant at, String keptAs) {
        return new RestoreRecord(schemaVersion, id, backupId, profile, database, mode, startedAt, finishedAt, outcome,
                null, safetyBackupId, at, keptAs);
    }

    public RestoreRecord withoutAside() {
        return new RestoreRecord(schemaVersion, id, backupId, profile, database, mode, startedAt, finishedAt, outcome,
                null, safetyBackupId, rolledBackAt, restoredCopy);
    }
}
