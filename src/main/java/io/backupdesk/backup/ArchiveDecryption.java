package io.backupdesk.backup;

import java.io.IOException;
import java.io.InputStream;

/**
 * Opens encrypted backups: the secret keys or passphrase a person gave for one verify or restore. Made by the jobs
 * layer; the backup and restore code only read through it.
 */
@FunctionalInterface
public interface ArchiveDecryption {
    /**
     * The plaintext of an encrypted file. Reading fails with an {@link IOException} as soon as the ciphertext proves
     * damaged, before any altered byte is returned.
     *
     * @throws io.backupdesk.core.BackupDeskException when the keys do not open it (wrong key, wrong passphrase)
     */
    InputStream decrypt(InputStream ciphertext) throws IOException;
}
