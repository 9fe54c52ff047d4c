package io.backupdesk.ui.settings;

import io.backupdesk.crypto.Passphrase;
import io.backupdesk.crypto.StoredKey;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the Keys section of the settings reads and changes the age keys; blocking calls, run off the UI thread. They
 * fail with {@link io.backupdesk.crypto.CryptoException} saying what is wrong and what to do.
 */
public interface KeyOperations {
    /** A stored key with where its secret key file is (or would be): the path the recovery sheet names. */
    record Listed(StoredKey key, Path secretFile) { }

    List<Listed> list();

    /** @param protection protects the secret key file; null for none */
    StoredKey generate(String name, Passphrase protection);

    /**
     * Keeps a key file the user chose: an identity file (plain or passphrase-protected) or a recipients file.
     *
     * @param passphrase of a protected identity file; null at first, and the call fails with
     *                   {@code PASSPHRASE_REQUIRED} when one is needed
     */
    StoredKey importFile(String name, Path file, Passphrase passphrase);

    /** Keeps one pasted {@code age1…} public key under a name. */
    StoredKey importPublicKey(String name, String publicKey);

    void remove(String name);

    /** Writes the key's public keys as a recipients file {@code age -R} reads, replacing the file. */
    void exportPublicKey(String name, Path target);

    /** Writes the key's recovery sheet, plain UTF-8 text, replacing the file. */
    void saveRecoverySheet(String name, Path target);
}
