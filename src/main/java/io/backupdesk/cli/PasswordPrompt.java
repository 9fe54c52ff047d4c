package io.backupdesk.cli;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.crypto.CryptoException;

import java.io.Console;
import java.util.Optional;
import java.util.function.Function;

/**
 * Asks for a password at run time when the server wants one, none is stored, and a person is at the terminal.
 * Without a terminal the error stands, with its hint to store the password: a script never hangs on a prompt.
 */
final class PasswordPrompt {
    private PasswordPrompt() { }

    /** True when a person at a terminal can be asked. */
    static boolean canAsk() {
        return System.console() != null;
    }

    static <T> T retryAsking(ConnectionProfile profile, Function<Optional<String>, T> job) {
        try {
            return job.apply(Optional.empty());
        } catch (BackupDeskException e) {
            Console console = System.console();
            // a key's passphrase is asked for where the key is opened, never as the server's password
            if (e.kind() != ErrorKind.PASSWORD_REQUIRED || e instanceof CryptoException || console == null) {
                throw e;
            }
            char[] password = console.readPassword("Password for %s: ", profile.describe());
            if (password == null || password.length == 0) {
                throw e;
            }
            return job.apply(Optional.of(new String(password)));
        }
    }
}
