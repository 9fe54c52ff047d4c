package io.backupdesk.jobs;

import io.backupdesk.backup.ArchiveDecryption;
import io.backupdesk.backup.Sha256;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupSet;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.store.SecureFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A set's roles file as the roles step reads it: checked against the checksum its manifest records, and for an
 * encrypted set decrypted to an owner-only work folder that is removed on close (the file holds password hashes).
 */
final class RolesFileCopy implements AutoCloseable {
    private final Path path;
    private final WorkFolder folder;

    private RolesFileCopy(Path path, WorkFolder folder) {
        this.path = path;
        this.folder = folder;
    }

    /**
     * @throws BackupDeskException {@code PREFLIGHT_BLOCKED} when the file is not the one the manifest records; a key
     *                             error when an encrypted one cannot be opened with what was given or stored
     */
    static RolesFileCopy of(BackupSet set, Path roles, EncryptionKeys keys, SecretKeys secrets, Path workRoot) {
        checkChecksum(set, roles);
        if (!set.encrypted()) {
            return new RolesFileCopy(roles, null);
        }
        // the keys are looked up as for any backup encrypted to the set's keys, which the members and this file share
        BackupRecord asEncrypted = BackupRecord.builder().id(set.id()).encrypted(true).recipients(set.recipients())
                .build();
        ArchiveDecryption decryption = keys.forReading(asEncrypted, secrets)
                .orElseThrow(() -> EncryptionKeys.noKeyFor(asEncrypted));
        WorkFolder work = null;
        try {
            work = WorkFolder.create(workRoot);
            Path plain = work.path().resolve("globals.sql");
            try (InputStream file = Files.newInputStream(roles); InputStream opened = decryption.decrypt(file);
                 OutputStream out = Files.newOutputStream(SecureFiles.createNewFile(plain))) {
                opened.transferTo(out);
            }
            return new RolesFileCopy(plain, work);
        } catch (IOException | RuntimeException e) {
            if (work != null) {
                work.close();
            }
            if (e instanceof BackupDeskException bde) {
                throw bde;
            }
            throw new BackupDeskException(ErrorKind.IO, "The roles file of the set " + set.id() + " could not be"
                    + " decrypted: " + e.getMessage(), "Check the key; a damaged file cannot be restored.", List.of(), e);
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        Optional.ofNullable(folder).ifPresent(WorkFolder::close);
    }

    private static void checkChecksum(BackupSet set, Path roles) {
        String found;
        try {
            found = Sha256.ofFile(roles);
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.PREFLIGHT_BLOCKED, "The roles file of the set " + set.id()
                    + " cannot be read: " + e.getMessage() + ". Nothing was changed.", "Check the backup folder.");
        }
        if (set.globalsSha256() == null || !set.globalsSha256().equalsIgnoreCase(found)) {
            throw new BackupDeskException(ErrorKind.PREFLIGHT_BLOCKED, "The roles file of the set " + set.id()
                    + " is not the one its manifest records (its checksum differs). Nothing was changed.",
                    "Restore another set, or restore its databases without roles.");
        }
    }
}
