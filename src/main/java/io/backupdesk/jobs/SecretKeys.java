package io.backupdesk.jobs;

import io.backupdesk.crypto.Passphrase;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a person gave to open encrypted backups for one verify or restore: a secret key file ({@code age -d -i}) and
 * a passphrase (of that key file, of a protected stored key, or of a passphrase-encrypted backup). Given neither, the
 * keys stored here are tried. The caller owns and closes the passphrase.
 */
public record SecretKeys(Optional<Path> identityFile, Passphrase passphrase, boolean tryStoredKeys) {
    /** Only the keys stored here, without a passphrase. */
    public static final SecretKeys STORED = new SecretKeys(Optional.empty(), null, true);
    /** No secret at all: an encrypted backup's checksum is all that can be checked. */
    public static final SecretKeys NONE = new SecretKeys(Optional.empty(), null, false);

    /** A key file or passphrase given, and the stored keys when there is no key file. */
    public SecretKeys(Optional<Path> identityFile, Passphrase passphrase) {
        this(identityFile, passphrase, true);
    }

    public SecretKeys {
        identityFile = identityFile == null ? Optional.empty() : identityFile;
    }
}
