package io.backupdesk.jobs;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.Sha256;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.offsite.RemoteCatalog;
import io.backupdesk.offsite.RemoteKeys;
import io.backupdesk.offsite.RemoteStore;
import io.backupdesk.store.SecureFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/**
 * A backup that is only at a destination, downloaded for one restore into an owner-only {@link WorkFolder}, each
 * file checked against the checksum its sidecar records before anything reads it. Its sidecar is copied beside it,
 * so the restore reads it as any backup; closing deletes it all.
 */
final class DownloadedCopy implements AutoCloseable {
    private final WorkFolder folder;
    private final BackupCatalog.Entry entry;

    private DownloadedCopy(WorkFolder folder, BackupCatalog.Entry entry) {
        this.folder = folder;
        this.entry = entry;
    }

    /**
     * @throws BackupDeskException {@code PREFLIGHT_BLOCKED} when a file there does not match its recorded checksum
     *                             (nothing was changed); else as the store fails
     */
    static DownloadedCopy of(RemoteCatalog.RemoteEntry remote, RemoteStore store, Path workRoot, Cancellation cancel) {
        BackupRecord record = remote.entry().record();
        WorkFolder work = null;
        try {
            work = WorkFolder.create(workRoot);
            Path folder = work.path();
            if (record.format() == BackupFormat.DIRECTORY) {
                Path archive = SecureFiles.createDirectories(folder.resolve(record.fileName()));
                for (Map.Entry<String, String> file : record.files().entrySet()) {
                    fetch(store, remote.archiveKey() + "/" + file.getKey(), archive.resolve(file.getKey()),
                            file.getValue(), cancel);
                }
            } else {
                fetch(store, remote.archiveKey(), folder.resolve(record.fileName()), record.sha256(), cancel);
            }
            if (remote.globalsKey().isPresent()) {
                fetch(store, remote.globalsKey().get(), folder.resolve(record.globalsFile()), record.globalsSha256(),
                        cancel);
            }
            Path sidecar = folder.resolve(remote.entry().sidecar().getFileName());
            Files.copy(remote.entry().sidecar(), sidecar);
            return new DownloadedCopy(work, new BackupCatalog.Entry(record, sidecar, record.effectiveStatus()));
        } catch (IOException | RuntimeException e) {
            if (work != null) {
                work.close();
            }
            if (e instanceof BackupDeskException bde) {
                throw bde;
            }
            throw new BackupDeskException(ErrorKind.IO, "The backup " + record.id() + " could not be downloaded from "
                    + remote.destination() + ": " + e.getMessage(), "Check free space in the data folder and try"
                    + " again.", List.of(), e);
        }
    }

    private static void fetch(RemoteStore store, String key, Path target, String sha256, Cancellation cancel)
            throws IOException {
        MessageDigest digest = Sha256.newDigest();
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(SecureFiles.createNewFile(target)),
                digest)) {
            store.download(RemoteKeys.checked(key), out, cancel);
        }
        String got = Sha256.hex(digest);
        if (!got.equals(sha256)) {
            throw new BackupDeskException(ErrorKind.PREFLIGHT_BLOCKED, "The copy of " + key + " at "
                    + store.describe() + " is damaged: its SHA-256 is " + got + ", its sidecar says " + sha256
                    + ". Nothing was changed.", "Restore another copy or another backup.");
        }
    }

    BackupCatalog.Entry entry() {
        return entry;
    }

    @Override
    public void close() {
        folder.close();
    }
}
