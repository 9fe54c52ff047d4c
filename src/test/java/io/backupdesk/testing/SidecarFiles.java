package io.backupdesk.testing;

import io.backupdesk.backup.BackupLayout;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.store.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A good backup as the catalog reads it, without running pg_dump: a tiny archive file and its sidecar in the
 * database's folder. For tests of what is decided over backups (retention), never of making or reading them.
 */
public final class SidecarFiles {
    private SidecarFiles() { }

    /** Writes {@code <root>/<profile>/<database>/<database>_<id>.dump} and its sidecar. */
    public static BackupRecord write(Path backupRoot, String id, String profile, String database, String origin,
                                     Instant createdAt) throws IOException {
        Path folder = Files.createDirectories(backupRoot.resolve(profile).resolve(database));
        String stem = database + "_" + id;
        BackupRecord record = BackupRecord.builder().id(id).profile(profile).host("db.example.internal").port(5432)
                .database(database).serverVersion("15.8").pgDumpVersion("15.8").format(BackupFormat.CUSTOM)
                .compression("gzip:1").fileName(stem + ".dump").sizeBytes(5).databaseSizeBytes(100).createdAt(createdAt)
                .durationMillis(1_000).status(BackupStatus.OK).origin(origin).build();
        Files.writeString(folder.resolve(record.fileName()), "PGDMP");
        Files.write(folder.resolve(stem + BackupLayout.SIDECAR_SUFFIX), Json.mapper().writeValueAsBytes(record));
        return record;
    }
}
