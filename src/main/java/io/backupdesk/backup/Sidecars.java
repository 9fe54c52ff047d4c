package io.backupdesk.backup;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.store.Json;
import io.backupdesk.store.SecureFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads and writes the sidecar, {@code <name>.backup.json}: written last and atomically, it marks a backup complete. */
public final class Sidecars {
    private Sidecars() { }

    public static void write(Path sidecar, BackupRecord record) {
        try {
            SecureFiles.writeAtomically(sidecar, Json.mapper().writeValueAsBytes(record));
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "Could not write the backup's metadata " + sidecar + ": " + e.getMessage(),
                    "Check free space and permissions of the backup folder.", List.of(), e);
        }
    }

    public static BackupRecord read(Path sidecar) throws IOException {
        BackupRecord record = Json.mapper().readValue(Files.readAllBytes(sidecar), BackupRecord.class);
        if (record.schemaVersion() > BackupRecord.SCHEMA_VERSION) {
            throw new IOException("written by a newer Backup Desk (schema " + record.schemaVersion() + ")");
        }
        if (record.id() == null || record.fileName() == null || record.format() == null) {
            throw new IOException("id, fileName or format is missing");
        }
        return record;
    }
}
