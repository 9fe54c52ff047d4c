package io.backupdesk.schedule;

import io.backupdesk.store.SecureFiles;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Who runs the schedules of a configuration folder: the app while it is open, or one {@code backupdesk schedule
 * run-due} at a time, never two of them. An OS file lock, so it is released when its holder dies.
 */
public final class SchedulerLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private SchedulerLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty when another process (or this one) runs the schedules now. */
    public static Optional<SchedulerLock> tryAcquire(Path runsDir) throws IOException {
        SecureFiles.createDirectories(runsDir);
        FileChannel channel = FileChannel.open(runsDir.resolve("scheduler.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new SchedulerLock(channel, lock));
            }
        } catch (OverlappingFileLockException e) {
            // held by this JVM already
        }
        channel.close();
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
