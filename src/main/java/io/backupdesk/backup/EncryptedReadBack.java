package io.backupdesk.backup;

import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.Times;
import io.backupdesk.core.Verification;
import io.backupdesk.pg.ProcessRunner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Reading an encrypted backup back: decrypted as it streams into the reader, never to disk. A damaged ciphertext is
 * told apart from what the reader found, so the outcome says which it was.
 */
final class EncryptedReadBack {
    /** Opens the dump's plaintext, counting the bytes read. */
    @FunctionalInterface
    interface Source {
        InputStream open(AtomicLong bytesRead) throws IOException;
    }

    private static final int BUFFER = 1 << 16;

    private final ArchiveDecryption decryption;
    private final Path archive;

    EncryptedReadBack(ArchiveDecryption decryption, Path archive) {
        this.decryption = decryption;
        this.archive = archive;
    }

    /**
     * The outcome of a check without the key, once the ciphertext's checksum matched: the same bytes as before, so
     * what was found the last time the contents were read still holds; if they never were, it says so.
     */
    static Verification withoutKey(Verification previous, Instant now) {
        if (previous != null && previous.status() == BackupStatus.CORRUPT) {
            return new Verification(BackupStatus.CORRUPT, now, previous.message());
        }
        if (previous != null && previous.status() == BackupStatus.VERIFIED) {
            // not quoting the earlier message: verified again and again, it would nest in the sidecar without end
            return new Verification(BackupStatus.VERIFIED, now, "The checksum of the encrypted file matched; its"
                    + " contents were read in full before, on " + Times.forPeople(previous.at()) + ". Give its key to read"
                    + " them again.");
        }
        return new Verification(BackupStatus.OK, now, "The checksum of the encrypted file matched, but its contents have"
                + " never been read in full. Give its key to read them.");
    }

    /** The SQL text of an encrypted plain dump. The key is tried at once: a wrong one fails here. */
    InputStream openPlain(AtomicLong bytesRead) throws IOException {
        InputStream file = Files.newInputStream(archive);
        try {
            return PlainDumpStream.open(decryption.decrypt(file), bytesRead);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /**
     * Runs {@code reader} with a feeder that writes the plaintext to a program's stdin. The key is tried before the
     * reader starts, so a wrong one fails before any program runs.
     *
     * @return what the reader found, or that the ciphertext proved damaged
     */
    Optional<String> throughStdin(Function<ProcessRunner.StdinFeeder, Optional<String>> reader) {
        AtomicReference<IOException> damaged = new AtomicReference<>();
        try (InputStream file = Files.newInputStream(archive); InputStream plain = decryption.decrypt(file)) {
            Optional<String> found = reader.apply(stdin -> copy(plain, stdin, damaged));
            if (damaged.get() != null) {
                return Optional.of("its encrypted data is damaged: " + damaged.get().getMessage() + ".");
            }
            return found;
        } catch (IOException e) {
            return Optional.of("it could not be decrypted: " + e.getMessage() + ".");
        }
    }

    /** Copies until the end; a read failure is kept and ends the input, so the program sees it cut short. */
    private static void copy(InputStream plain, OutputStream stdin, AtomicReference<IOException> damaged) {
        byte[] buffer = new byte[BUFFER];
        try {
            int n;
            while ((n = plain.read(buffer)) > 0) {
                try {
                    stdin.write(buffer, 0, n);
                } catch (IOException programGone) {
                    // the program stopped reading; its exit code says why
                    return;
                }
            }
        } catch (IOException e) {
            damaged.set(e);
        }
    }
}
