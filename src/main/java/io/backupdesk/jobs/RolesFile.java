package io.backupdesk.jobs;

import io.backupdesk.backup.ArchiveDecryption;
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
 * A set's roles file as the roles step reads it: checked against the checksum its manifest records, and for an
 * encrypted set decrypted as it is parsed, so that its plaintext (it holds password hashes) never reaches the disk.
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
        checkChecksum(set, roles);
        if (!set.encrypted()) {
            return GlobalsParser.read(roles);
        }
        // the keys are looked up as for any backup encrypted to the set's keys, which the members and this file share
        BackupRecord asEncrypted = BackupRecord.builder().id(set.id()).encrypted(true).recipients(set.recipients())
                .build();
        ArchiveDecryption decryption = keys.forReading(asEncrypted, secrets)
                .orElseThrow(() -> EncryptionKeys.noKeyFor(asEncrypted));
        try (InputStream file = Files.newInputStream(roles); InputStream opened = decryption.decrypt(file)) {
            return GlobalsParser.read(opened);
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "The roles file of the set " + set.id() + " could not be"
                    + " decrypted: " + e.getMessage(), "Check the key; a damaged file cannot be restored.", List.of(), e);
        }
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
