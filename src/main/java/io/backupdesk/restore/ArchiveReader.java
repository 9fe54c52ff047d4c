package io.backupdesk.restore;

import io.backupdesk.backup.ArchiveDecryption;
import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.PlainDumpStream;
import io.backupdesk.backup.VerifyService;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.Progress;
import io.backupdesk.pg.ArchiveToc;
import io.backupdesk.pg.ProcessRunner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How a restore reads its backup: an unencrypted one from its file, an encrypted one decrypted as it streams, never to
 * disk (decision 0051). Each read opens the file anew; the table of contents is at the start of an archive, so reading
 * it decrypts only its first bytes. pg_restore then reads the plaintext from its stdin, which serves a whole or a
 * selective restore by one worker; parallel workers need a file they can seek in, which the jobs layer decrypts to a
 * copy first and hands over as an unencrypted backup.
 */
final class ArchiveReader {
    private static final int BUFFER = 1 << 16;

    private final BackupCatalog.Entry source;
    private final ArchiveDecryption decryption;

    /**
     * @param decryption opens the backup when it is encrypted; ignored (may be null) when it is not
     */
    ArchiveReader(BackupCatalog.Entry source, ArchiveDecryption decryption) {
        this.source = source;
        this.decryption = source.record().encrypted() ? decryption : null;
    }

    /** Whether the plaintext streams from an encrypted file rather than being read from a file of its own. */
    boolean streamed() {
        return source.record().encrypted();
    }

    /** The archive's table of contents. */
    ArchiveToc toc() {
        if (!streamed()) {
            return ArchiveToc.read(source.archive());
        }
        try (InputStream plain = openPlaintext()) {
            return ArchiveToc.readStream(source.archive(), plain);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** What the archive creates, for the pre-flight and a selective restore; a plain dump is read to its end. */
    ArchiveContents contents(Cancellation cancel) {
        if (source.record().format() != BackupFormat.PLAIN) {
            return ArchiveContents.of(toc());
        }
        try (InputStream sql = openSql(new AtomicLong())) {
            return ArchiveContents.scanPlain(sql, cancel);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** A plain dump's SQL text, counting the bytes read from the backup file in {@code fileBytesRead}. */
    InputStream openSql(AtomicLong fileBytesRead) throws IOException {
        if (!streamed()) {
            return PlainDumpStream.open(source.archive(), fileBytesRead);
        }
        InputStream plain = openPlaintext();
        try {
            return PlainDumpStream.open(plain, fileBytesRead);
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    /** The file pg_restore is given to read, or none when it reads the plaintext from its stdin ({@link #stdin}). */
    Optional<Path> file() {
        return streamed() ? Optional.empty() : Optional.of(source.archive());
    }

    /**
     * What feeds pg_restore's stdin: nothing for a file it reads itself, else the plaintext as it is decrypted. A
     * ciphertext that proves damaged fails the run; pg_restore that stops reading (it failed, or needed no more) is no
     * failure of ours, its exit code tells.
     */
    ProcessRunner.StdinFeeder stdin(Cancellation cancel) {
        if (!streamed()) {
            return ProcessRunner.StdinFeeder.NONE;
        }
        return out -> {
            try (InputStream plain = openPlaintext()) {
                copy(plain, out, cancel);
            }
        };
    }

    /** Reads the backup in full as its restoring program would, recording the outcome in its sidecar. */
    BackupCatalog.Entry verify(VerifyService verifier, Progress progress, Cancellation cancel) {
        return verifier.verify(source, decryption, progress, cancel);
    }

    private static void copy(InputStream plain, OutputStream out, Cancellation cancel) throws IOException {
        byte[] buffer = new byte[BUFFER];
        while (!cancel.isCancelled()) {
            int n;
            try {
                n = plain.read(buffer);
            } catch (IOException e) {
                throw new BackupDeskException(ErrorKind.IO, "The encrypted backup could not be decrypted to its end: "
                        + e.getMessage(), "Verify the backup with its key; a damaged file cannot be restored.",
                        List.of(), e);
            }
            if (n < 0) {
                return;
            }
            out.write(buffer, 0, n);
        }
    }

    /** The decrypted bytes of the backup file; the key is tried at once, so a wrong one fails here. */
    private InputStream openPlaintext() throws IOException {
        if (decryption == null) {
            throw new BackupDeskException(ErrorKind.CONFIGURATION, "The backup " + source.record().id()
                    + " is encrypted, and no key to open it was given.", "Give its key or passphrase.");
        }
        InputStream file = Files.newInputStream(source.archive());
        try {
            return decryption.decrypt(file);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    private static BackupDeskException unreadable(IOException e) {
        return new BackupDeskException(ErrorKind.IO, "The backup cannot be read: " + e.getMessage(),
                "Verify the backup; a damaged file cannot be restored.", List.of(), e);
    }
}
