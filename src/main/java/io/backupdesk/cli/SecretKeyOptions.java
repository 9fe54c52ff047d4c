package io.backupdesk.cli;

import io.backupdesk.crypto.CryptoException;
import io.backupdesk.crypto.Passphrase;
import io.backupdesk.jobs.SecretKeys;
import picocli.CommandLine.Option;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The options that open encrypted backups ({@code verify}, {@code restore}): a secret key file and a passphrase.
 * Without them the keys stored here are tried; a protected one's passphrase is asked for at a terminal, never in a
 * script, which gets the error instead.
 */
final class SecretKeyOptions {
    @Option(names = "--identity", paramLabel = "FILE", description = "The secret key file (as age -d -i takes it) of an"
            + " encrypted backup. Default: the keys stored here.")
    Path identity;

    @Option(names = "--passphrase-stdin", description = "The passphrase, on the first line of stdin: of a"
            + " passphrase-encrypted backup, or of a protected key file.")
    boolean passphraseStdin;

    /**
     * Runs the job with the secrets given; when a protected stored key or key file needs its passphrase and a person
     * is at the terminal, asks for it and runs the job again.
     */
    <T> T run(InputStream stdin, Function<SecretKeys, T> job) throws IOException {
        try (Passphrase given = passphraseStdin ? Passphrase.readFirstLine(stdin) : null) {
            try {
                return job.apply(new SecretKeys(Optional.ofNullable(identity), given));
            } catch (CryptoException e) {
                Console console = System.console();
                if (e.failure() != CryptoException.Failure.PASSPHRASE_REQUIRED || given != null || console == null) {
                    throw e;
                }
                char[] typed = console.readPassword("Passphrase of the key: ");
                if (typed == null || typed.length == 0) {
                    throw e;
                }
                try (Passphrase asked = Passphrase.of(typed)) {
                    return job.apply(new SecretKeys(Optional.ofNullable(identity), asked));
                } finally {
                    Arrays.fill(typed, '\0');
                }
            }
        }
    }
}
