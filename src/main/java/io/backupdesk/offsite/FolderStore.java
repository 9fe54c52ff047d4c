package io.backupdesk.offsite;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.Destination;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.store.SecureFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * A second folder as a destination: a NAS mount, another disk. A copy is written under a hidden temporary name,
 * fsynced, renamed into place, and then read back in full: the read-back, not the write, is what confirms it.
 */
public final class FolderStore implements RemoteStore {
    private final Destination destination;
    private final Path root;

    public FolderStore(Destination destination) {
        this.destination = destination;
        this.root = Path.of(destination.uri().getPath());
    }

    @Override
    public String describe() {
        return destination.url();
    }

    @Override
    public Confirmed upload(Path file, String key, String sha256, LongConsumer sent, Cancellation cancel) {
        Path target = pathOf(key);
        Path temp = target.resolveSibling(RemoteKeys.HIDDEN_PREFIX + target.getFileName() + ".partial-"
                + UUID.randomUUID());
        try {
            requireRoot();
            SecureFiles.createDirectories(target.getParent());
            try (InputStream in = Files.newInputStream(file);
                 OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                Transfers.copy(in, out, sent, cancel);
            }
            SecureFiles.fsync(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            SecureFiles.fsyncDirectory(target.getParent());
            String held;
            try (InputStream back = Files.newInputStream(target)) {
                held = Transfers.sha256(back, cancel);
            }
            if (!held.equals(sha256)) {
                Files.deleteIfExists(target);
                throw new BackupDeskException(ErrorKind.IO, "The copy of " + key + " in " + describe()
                        + " does not read back as it was written (SHA-256 " + held + ", expected " + sha256 + ").",
                        "Check the destination's disk; the copy was removed and will be tried again.");
            }
            return new Confirmed(held, "read back");
        } catch (IOException e) {
            throw failure("Copying " + key + " to " + describe() + " failed", e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a leftover temporary is hidden from every listing
            }
        }
    }

    @Override
    public void download(String key, OutputStream out, Cancellation cancel) {
        try (InputStream in = Files.newInputStream(pathOf(key))) {
            Transfers.copy(in, out, n -> { }, cancel);
        } catch (NoSuchFileException e) {
            throw BackupDeskException.configuration(key + " is not in " + describe() + ".",
                    "Sync the catalog again: it may have been deleted there.");
        } catch (IOException e) {
            throw failure("Reading " + key + " from " + describe() + " failed", e);
        }
    }

    @Override
    public List<RemoteFile> list(String prefix) {
        try {
            requireRoot();
        } catch (IOException e) {
            throw failure("Listing " + describe() + " failed", e);
        }
        List<RemoteFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.forEach(p -> {
                try {
                    BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class,
                            java.nio.file.LinkOption.NOFOLLOW_LINKS);
                    String key = root.relativize(p).toString().replace('\\', '/');
                    if (attrs.isRegularFile() && key.startsWith(prefix) && !RemoteKeys.hidden(key)) {
                        files.add(new RemoteFile(key, attrs.size(), attrs.lastModifiedTime().toInstant()));
                    }
                } catch (IOException ignored) {
                    // gone while listing: not there
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            throw failure("Listing " + describe() + " failed", e instanceof IOException io ? io
                    : ((java.io.UncheckedIOException) e).getCause());
        }
        files.sort(Comparator.comparing(RemoteFile::key));
        return files;
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(pathOf(key));
        } catch (IOException e) {
            throw failure("Deleting " + key + " from " + describe() + " failed", e);
        }
    }

    @Override
    public void test() {
        String probe = RemoteKeys.HIDDEN_PREFIX + "backupdesk-test-" + UUID.randomUUID();
        try {
            requireRoot();
            Path file = root.resolve(probe);
            Files.writeString(file, probe);
            String back = Files.readString(file);
            Files.delete(file);
            if (!back.equals(probe)) {
                throw new BackupDeskException(ErrorKind.IO, describe() + " did not read back what was written to it.",
                        "Check the disk or the mount.");
            }
        } catch (IOException e) {
            throw failure("Writing a test file to " + describe() + " failed", e);
        }
    }

    @Override
    public void close() {
        // nothing held
    }

    /** A missing root is an unmounted share, not a folder to create: copying there would fill the local disk. */
    private void requireRoot() throws IOException {
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(root.toString(), null, "the destination's folder is not there");
        }
    }

    private Path pathOf(String key) {
        return root.resolve(RemoteKeys.checked(key));
    }

    private BackupDeskException failure(String what, IOException e) {
        if (e instanceof NoSuchFileException missing && root.toString().equals(missing.getFile())) {
            return BackupDeskException.configuration("The folder " + root + " of " + destination.name()
                    + " is not there.", "Mount the share or make the folder; nothing is created in its place.");
        }
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        ErrorKind kind = reason != null && reason.contains("No space left") ? ErrorKind.DISK_FULL
                : e instanceof AccessDeniedException ? ErrorKind.PERMISSION_DENIED : ErrorKind.IO;
        String hint = switch (kind) {
            case DISK_FULL -> "Free space at the destination or let its retention keep fewer copies.";
            case PERMISSION_DENIED -> "Let your user write to " + root + ".";
            default -> "Check the destination's folder and try again.";
        };
        return new BackupDeskException(kind, what + ": " + reason + ".", hint, List.of(), e);
    }
}
