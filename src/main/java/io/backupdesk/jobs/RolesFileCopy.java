package io.backupdesk.jobs;

import io.backupdesk.backup.ArchiveDecryption;
import io.backupdesk.backup.BackupCatalog;
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
 * A roles file as the roles step reads it, a set's or a single backup's: checked against the checksum its manifest or
 * sidecar records, and when encrypted decrypted to an owner-only work folder that is removed on close (the file holds
 * password hashes).
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
        // the keys are looked up as for any backup encrypted to the set's keys, which the members and this file share
        BackupRecord asEncrypted = BackupRecord.builder().id(set.id()).encrypted(true).recipients(set.recipients())
                .build();
        return of("set " + set.id(), roles, set.globalsSha256(), set.encrypted() ? asEncrypted : null, keys, secrets,
                workRoot);
    }

    /**
     * The roles file a backup of one database was made with ({@code backup --globals}), checked against the checksum
     * its sidecar records, and decrypted with the backup's own keys when the backup is encrypted.
     *
     * @throws BackupDeskException {@code PREFLIGHT_BLOCKED} when the file is missing or not the one recorded
     */
    static RolesFileCopy of(BackupCatalog.Entry backup, EncryptionKeys keys, SecretKeys secrets, Path workRoot) {
        BackupRecord record = backup.record();
        Path roles = backup.globals().orElseThrow(() -> BackupDeskException.configuration("The backup " + record.id()
                + " has no roles file.", "Restore it without its roles."));
        return of("backup " + record.id(), roles, record.globalsSha256(), record.encrypted() ? record : null, keys,
                secrets, workRoot);
    }

    /** @param encryptedAs the record whose keys open the file; null for a file in plaintext */
    private static RolesFileCopy of(String owner, Path roles, String sha256, BackupRecord encryptedAs,
                                    EncryptionKeys keys, SecretKeys secrets, Path workRoot) {
        checkChecksum(owner, roles, sha256);
        if (encryptedAs == null) {
            return new RolesFileCopy(roles, null);
        }
        ArchiveDecryption decryption = keys.forReading(encryptedAs, secrets)
                .orElseThrow(() -> EncryptionKeys.noKeyFor(encryptedAs));
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
            throw new BackupDeskException(ErrorKind.IO, "The roles file of the " + owner + " could not be"
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

    private static void checkChecksum(String owner, Path roles, String sha256) {
        String found;
        try {
            found = Sha256.ofFile(roles);
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.PREFLIGHT_BLOCKED, "The roles file of the " + owner
                    + " cannot be read: " + e.getMessage() + ". Nothing was changed.", "Check the backup folder.");
        }
        if (sha256 == null || !sha256.equalsIgnoreCase(found)) {
            throw new BackupDeskException(ErrorKind.PREFLIGHT_BLOCKED, "The roles file of the " + owner
                    + " is not the one recorded with it (its checksum differs). Nothing was changed.",
                    "Restore without the roles, or from another backup.");
        }
    }
}
