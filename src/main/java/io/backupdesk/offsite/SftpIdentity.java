package io.backupdesk.offsite;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;

import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** The private key an SFTP destination logs in with: an OpenSSH (or PEM) key file, possibly passphrase-protected. */
final class SftpIdentity {
    private SftpIdentity() { }

    /**
     * Reads the key. A missing or unreadable file is a CONFIGURATION failure; a passphrase that is wrong is an
     * AUTHENTICATION one and a missing passphrase PASSWORD_REQUIRED, neither quoting the passphrase.
     */
    static KeyPair load(Path file, String passphrase, String destination) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw BackupDeskException.configuration("The identity file " + file + " of " + destination
                    + " is missing or cannot be read.", "Give the path of the private key (not the .pub file) that"
                    + " the server accepts, readable by you.");
        }
        AtomicBoolean askedForPassphrase = new AtomicBoolean();
        FilePasswordProvider passphrases = (session, resource, attempt) -> {
            askedForPassphrase.set(true);
            return attempt == 0 ? passphrase : null;
        };
        try (InputStream in = Files.newInputStream(file)) {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null,
                    NamedResource.ofName(file.getFileName().toString()), in, passphrases);
            Iterator<KeyPair> first = pairs == null ? null : pairs.iterator();
            if (first == null || !first.hasNext()) {
                throw BackupDeskException.configuration("The identity file " + file + " of " + destination
                        + " holds no private key.", "Give the private key file, as ssh-keygen wrote it.");
            }
            return first.next();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof BackupDeskException known) {
                throw known;
            }
            if (askedForPassphrase.get() && passphrase == null) {
                throw new BackupDeskException(ErrorKind.PASSWORD_REQUIRED, "The identity file " + file + " of "
                        + destination + " is protected by a passphrase, and none was given.",
                        "Give the key's passphrase as the destination's password.", List.of(), null);
            }
            if (askedForPassphrase.get()) {
                throw new BackupDeskException(ErrorKind.AUTHENTICATION, "The passphrase given for the identity file "
                        + file + " of " + destination + " does not open it.",
                        "Give the passphrase the key was protected with (ssh-keygen -p changes it).", List.of(), null);
            }
            throw new BackupDeskException(ErrorKind.CONFIGURATION, "The identity file " + file + " of " + destination
                    + " is not a private key this program can read: " + SftpErrors.reason(e) + ".",
                    "Use an OpenSSH private key (ssh-keygen -t ed25519 makes one).", List.of(), e);
        }
    }
}
