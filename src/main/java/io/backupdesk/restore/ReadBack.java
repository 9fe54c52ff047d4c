package io.backupdesk.restore;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.Verification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import java.time.Duration;

/** Whether a backup's recorded full read still speaks for the file as it is now. */
final class ReadBack {
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private ReadBack() { }

    /**
     * True when the backup was read back in full (verified) after its files last changed. A file written after its
     * verification, or one whose times cannot be read, needs another read.
     */
    static boolean inFullSinceLastChange(BackupCatalog.Entry entry) {
        Verification v = entry.record().verification();
        // a time ahead of this computer's clock (another desk's, or written by hand) proves nothing about later changes
        if (v == null || v.status() != BackupStatus.VERIFIED || v.at() == null
                || v.at().isAfter(Instant.now().plus(CLOCK_SKEW))) {
            return false;
        }
        try {
            return lastChange(entry.archive()).isBefore(v.at());
        } catch (IOException e) {
            return false;
        }
    }

    /** The newest modification of the archive: of the file, or of any file in a directory-format folder. */
    static Instant lastChange(Path archive) throws IOException {
        if (!Files.isDirectory(archive)) {
            return Files.getLastModifiedTime(archive).toInstant();
        }
        Instant newest = Files.getLastModifiedTime(archive).toInstant();
        try (Stream<Path> files = Files.list(archive)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Instant changed = Files.getLastModifiedTime(file).toInstant();
                newest = changed.isAfter(newest) ? changed : newest;
            }
        }
        return newest;
    }
}
