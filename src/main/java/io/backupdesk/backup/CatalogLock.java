package io.backupdesk.backup;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One writer at a time for the sidecars of one folder: across the threads of this process and across processes (the
 * app and a command line on the same catalog, or two desks on a shared folder). Across processes it is an exclusive
 * lock on a small file in the folder, which the operating system drops with its process, so a killed app leaves no
 * lock behind. The file stays (removing it would race with a waiting locker) and holds nothing.
 * <p>
 * Hold it only for a read-modify-write of sidecars, never across a long job such as a full read, and never nested.
 */
final class CatalogLock {
    static final String FILE_NAME = ".backupdesk-catalog.lock";

    /**
     * Threads of this JVM queue here first: a JVM cannot take a file lock twice, and on Linux closing any channel to
     * the lock file would drop the lock another thread holds.
     */
    private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    /** Work done while holding the lock, which may fail as file work does. */
    interface Work<T> {
        T run() throws IOException;
    }

    private CatalogLock() { }

    /** Runs the work holding the lock of {@code folder}, waiting for it as long as another holder keeps it. */
    static <T> T whileHolding(Path folder, Work<T> work) throws IOException {
        Path file = lockFile(folder);
        ReentrantLock local = IN_THIS_JVM.computeIfAbsent(file, f -> new ReentrantLock());
        local.lock();
        try (FileChannel channel = open(file); FileLock ignored = channel.lock()) {
            return work.run();
        } finally {
            local.unlock();
        }
    }

    /**
     * Takes the lock if it is free now, for a caller that holds it across a step it controls (tests of what waits on
     * it). Close the returned handle to let go.
     */
    static Optional<AutoCloseable> tryHold(Path folder) throws IOException {
        Path file = lockFile(folder);
        ReentrantLock local = IN_THIS_JVM.computeIfAbsent(file, f -> new ReentrantLock());
        if (!local.tryLock()) {
            return Optional.empty();
        }
        FileChannel channel = null;
        try {
            channel = open(file);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                local.unlock();
                return Optional.empty();
            }
            FileChannel held = channel;
            return Optional.of(() -> {
                try {
                    held.close();
                } finally {
                    local.unlock();
                }
            });
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            local.unlock();
            throw e;
        }
    }

    /**
     * The lock file by the folder's real path: one folder reached by two spellings (a link, a relative root) must be
     * one lock in this JVM, or the second file lock would fail, and closing it would drop the first.
     */
    private static Path lockFile(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath().resolve(FILE_NAME);
        } catch (IOException e) {
            return absolute.resolve(FILE_NAME);
        }
    }

    /** Default permissions on purpose: the file holds nothing, and every desk sharing the folder must open it. */
    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }
}
