package io.backupdesk.crypto;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;

import java.util.List;

/**
 * A key, passphrase or encrypted file that cannot be used, said so that the user can act: which key or file, what is
 * wrong with it, what to do. Never carries a secret key or a passphrase in its message.
 */
public final class CryptoException extends BackupDeskException {
    /** What went wrong, in the terms a front end acts on (ask again, pick another key, give up on the file). */
    public enum Failure {
        /** None of the given keys opens the file: it was encrypted to others. */
        WRONG_KEY(ErrorKind.AUTHENTICATION),
        /** The passphrase does not open the file (or the passphrase-protected key file). */
        WRONG_PASSPHRASE(ErrorKind.AUTHENTICATION),
        /** The file or key file is passphrase-protected and no passphrase was given: ask for one. */
        PASSPHRASE_REQUIRED(ErrorKind.PASSWORD_REQUIRED),
        /** A passphrase was given for a file encrypted to keys, or keys for a passphrase file. */
        WRONG_KIND_OF_SECRET(ErrorKind.CONFIGURATION),
        /** The text given is not an age key, recipient or key file we can use. */
        INVALID_KEY(ErrorKind.CONFIGURATION),
        /** The file is well-formed age but asks for something we refuse (a too expensive passphrase, mixed stanzas). */
        REFUSED(ErrorKind.CONFIGURATION),
        /** The file is not age-encrypted at all. */
        NOT_ENCRYPTED(ErrorKind.IO),
        /** The age header was altered or cut short. */
        DAMAGED(ErrorKind.IO),
        /** The key store cannot do what was asked: unknown or taken name, a file that cannot be read or written. */
        KEY_STORE(ErrorKind.CONFIGURATION),
        /** Reading or writing a key file failed at the operating-system level. */
        IO(ErrorKind.IO);

        private final ErrorKind kind;

        Failure(ErrorKind kind) {
            this.kind = kind;
        }
    }

    private final Failure failure;

    public CryptoException(Failure failure, String message, String hint) {
        this(failure, message, hint, null);
    }

    public CryptoException(Failure failure, String message, String hint, Throwable cause) {
        super(failure.kind, message, hint, List.of(), cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
