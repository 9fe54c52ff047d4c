package io.backupdesk.jobs;

import io.backupdesk.core.Ids;
import io.backupdesk.store.SecureFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * An owner-only folder of one run's own in a work folder, locked while in use and deleted when closed; one left by
 * a killed run is deleted at the next start ({@link #removeAbandoned}), since nobody holds its lock any more. The
 * plaintext of an encrypted backup and a download of a remote one are kept in such folders while they are restored.
 */
final class WorkFolder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkFolder.class);
    private static final String LOCK = ".in-use";

    private final Path path;
    private final FileChannel lock;

    private WorkFolder(Path path, FileChannel lock) {
        this.path = path;
        this.lock = lock;
    }

    /** A new folder under {@code workRoot}, locked. */
    static WorkFolder create(Path workRoot) throws IOException {
        Path folder = SecureFiles.createDirectories(workRoot.resolve(Ids.newId()));
        FileChannel channel = null;
        try {
            channel = FileChannel.open(folder.resolve(LOCK), Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), SecureFiles.ownerOnlyFile());
            channel.lock();
            return new WorkFolder(folder, channel);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            deleteQuietly(folder);
            throw e;
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        closeQuietly(lock);
        deleteQuietly(path);
    }

    /** Deletes the folders of runs that died with their process: those nobody holds locked. */
    static void removeAbandoned(Path workRoot) {
        if (!Files.isDirectory(workRoot)) {
            return;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(workRoot, Files::isDirectory)) {
            for (Path folder : folders) {
                if (abandoned(folder)) {
                    LOG.info("Removing the work folder {} left by a run that ended without cleaning up", folder);
                    deleteQuietly(folder);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not look for work folders left in {}: {}", workRoot, e.getMessage());
        }
    }

    private static boolean abandoned(Path folder) {
        try (FileChannel channel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            return held != null;
        } catch (OverlappingFileLockException inUseHere) {
            return false;
        } catch (IOException e) {
            // no lock file: killed between making the folder and locking it
            return true;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // the lock goes with the channel either way
            }
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try {
            SecureFiles.deleteRecursively(folder);
        } catch (IOException e) {
            LOG.warn("Could not remove the work folder {}: {}; the next start removes it", folder, e.getMessage());
        }
    }
}
