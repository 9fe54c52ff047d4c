package io.backupdesk.ui.restorewizard;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.jobs.SecretKeys;

import java.util.List;

/**
 * What unlocking an encrypted backup asks of the engine, in both restore wizards: a single backup's and a set's, whose
 * members share the set's keys. Blocking calls, run off the UI thread.
 */
public interface KeyChecks {
    /** The keys stored here, to name the keys an encrypted backup was encrypted to. */
    default List<StoredKey> storedKeys() {
        return List.of();
    }

    /**
     * Refuses an encrypted backup that the secrets given (or a stored key) do not open; reads only its header.
     *
     * @throws io.backupdesk.crypto.CryptoException {@code PASSPHRASE_REQUIRED}, {@code WRONG_PASSPHRASE} or
     *                                              {@code WRONG_KEY}, for the wizard to ask again
     */
    void requireOpenable(BackupCatalog.Entry backup, SecretKeys secrets);
}
