package io.backupdesk.jobs;

import io.backupdesk.backup.ArchiveDecryption;
import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.Sha256;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupSet;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.restore.roles.Globals;
import io.backupdesk.restore.roles.GlobalsParser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A roles file as the roles step reads it, a set's or a single backup's: checked against the checksum its manifest or
 * sidecar records, and when encrypted decrypted as it is parsed, so that its plaintext (it holds password hashes)
 * never reaches the disk.
 */
final class RolesFile {
    private RolesFile() {
    }

    /**
     * @throws BackupDeskException {@code PREFLIGHT_BLOCKED} when the file is not the one the manifest records; a key
     *                             error when an encrypted one cannot be opened with what was given or stored; a refusal
     *                             of the parser when it is not a roles file
     */
    static Globals read(BackupSet set, Path roles, EncryptionKeys keys, SecretKeys secrets) {
        // the keys are looked up as for any backup encrypted to the set's keys, which the members and this file share
        BackupRecord asEncrypted = BackupRecord.builder().id(set.id()).encrypted(true).recipients(set.recipients())
                .build();
        return read("set " + set.id(), roles, set.globalsSha256(), set.encrypted() ? asEncrypted : null, keys,
                secrets);
    }

    /**
     * The roles file a backup of one database was made with ({@code backup --globals}), checked against the checksum
     * its sidecar records, and decrypted with the backup's own keys when the backup is encrypted.
     *
     * @throws BackupDeskException {@code PREFLIGHT_BLOCKED} when the file is missing or not the one recorded
     */
    static Globals read(BackupCatalog.Entry backup, EncryptionKeys keys, SecretKeys secrets) {
        BackupRecord record = backup.record();
        Path roles = backup.globals().orElseThrow(() -> BackupDeskException.configuration("The backup " + record.id()
                + " has no roles file.", "Restore it without its roles."));
        return read("backup " + record.id(), roles, record.globalsSha256(), record.encrypted() ? record : null, keys,
                secrets);
    }

    /** @param encryptedAs the record whose keys open the file; null for a file in plaintext */
    private static Globals read(String owner, Path roles, String sha256, BackupRecord encryptedAs,
                                EncryptionKeys keys, SecretKeys secrets) {
        checkChecksum(owner, roles, sha256);
        if (encryptedAs == null) {
            return GlobalsParser.read(roles);
        }
        ArchiveDecryption decryption = keys.forReading(encryptedAs, secrets)
                .orElseThrow(() -> EncryptionKeys.noKeyFor(encryptedAs));
        try (InputStream file = Files.newInputStream(roles); InputStream opened = decryption.decrypt(file)) {
            return GlobalsParser.read(opened);
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "The roles file of the " + owner + " could not be"
                    + " decrypted: " + e.getMessage(), "Check the key; a damaged file cannot be restored.", List.of(), e);
        }
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
