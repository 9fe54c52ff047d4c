package io.backupdesk.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything we know about one backup: the content of its sidecar file, which is written last and so marks the
 * backup as complete.
 *
 * @param fileName     the archive (file or folder) next to the sidecar
 * @param sha256       SHA-256 of the archive file; for the directory format, of the sorted "hash  name" lines
 *                     in {@code files}
 * @param files        directory format only: SHA-256 of each file in the folder
 * @param tables       tables dumped, with rows counted in the dump's own snapshot
 * @param origin       "manual" or "schedule:&lt;id&gt;"
 */
public record BackupRecord(int schemaVersion, String id, String profile, String host, Integer port, String database,
                           String serverVersion, String pgDumpVersion, BackupFormat format, String compression,
                           BackupOptions options, String fileName, long sizeBytes, long databaseSizeBytes,
                           String sha256, Map<String, String> files, String globalsFile, String globalsSha256,
                           Instant createdAt, long durationMillis, List<TableCount> tables, String label,
                           BackupStatus status, Verification verification, String origin, boolean pinned) {

    public static final int SCHEMA_VERSION = 1;
    public static final String ORIGIN_MANUAL = "manual";

    public BackupRecord {
        files = files == null ? Map.of() : Map.copyOf(files);
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    /** The same backup with a new verification outcome. */
    public BackupRecord withVerification(Verification outcome) {
        return new BackupRecord(schemaVersion, id, profile, host, port, database, serverVersion, pgDumpVersion, format,
                compression, options, fileName, sizeBytes, databaseSizeBytes, sha256, files, globalsFile, globalsSha256,
                createdAt, durationMillis, tables, label, status, outcome, origin, pinned);
    }

    /** The same backup, pinned (kept by every cleanup) or not. */
    public BackupRecord withPinned(boolean pin) {
        return new BackupRecord(schemaVersion, id, profile, host, port, database, serverVersion, pgDumpVersion, format,
                compression, options, fileName, sizeBytes, databaseSizeBytes, sha256, files, globalsFile, globalsSha256,
                createdAt, durationMillis, tables, label, status, verification, origin, pin);
    }

    /** The status to show: the verification outcome when there is one, else the recorded status. */
    public BackupStatus effectiveStatus() {
        return verification != null ? verification.status() : status;
    }
}
