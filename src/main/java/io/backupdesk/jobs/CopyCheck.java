package io.backupdesk.jobs;

import io.backupdesk.backup.Sha256;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.Cancellation;
import io.backupdesk.offsite.RemoteKeys;
import io.backupdesk.offsite.RemoteStore;

import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/** Reads a copy back from its destination, streaming, and compares it with the checksums its backup recorded. */
final class CopyCheck {
    private CopyCheck() { }

    /** What is wrong with the copy whose main file is at {@code archiveKey}; empty when every file matches. */
    static Optional<String> problem(RemoteStore store, String archiveKey, BackupRecord record, Cancellation cancel) {
        String folder = RemoteKeys.folder(archiveKey);
        if (record.format() == BackupFormat.DIRECTORY) {
            for (Map.Entry<String, String> file : record.files().entrySet()) {
                Optional<String> problem = mismatch(store, archiveKey + "/" + file.getKey(), file.getValue(), cancel);
                if (problem.isPresent()) {
                    return problem;
                }
            }
        } else {
            Optional<String> problem = mismatch(store, archiveKey, record.sha256(), cancel);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return record.globalsFile() == null ? Optional.empty()
                : mismatch(store, folder + record.globalsFile(), record.globalsSha256(), cancel);
    }

    private static Optional<String> mismatch(RemoteStore store, String key, String sha256, Cancellation cancel) {
        MessageDigest digest = Sha256.newDigest();
        try (OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            store.download(RemoteKeys.checked(key), sink, cancel);
        } catch (IOException e) {
            return Optional.of(key + " could not be read: " + e.getMessage());
        } catch (BackupDeskException e) {
            return Optional.of(key + " could not be read: " + e.getMessage());
        }
        String got = Sha256.hex(digest);
        return got.equals(sha256) ? Optional.empty()
                : Optional.of(key + " has SHA-256 " + got + ", but the backup's is " + sha256);
    }
}
