package io.backupdesk.crypto;

import io.backupdesk.store.SecureFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;

/** The key folder's files: names found by their endings, owner-only writes that never overwrite a key. */
final class KeyFolder {
    private final Path folder;

    KeyFolder(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    /** The names before any of these endings that pass the check, in case-insensitive order; none when no folder. */
    TreeSet<String> names(List<String> endings, Predicate<String> validName) {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        if (!Files.isDirectory(folder)) {
            return names;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String file = entry.getFileName().toString();
                for (String ending : endings) {
                    String name = file.endsWith(ending) ? file.substring(0, file.length() - ending.length()) : "";
                    if (validName.test(name)) {
                        names.add(name);
                    }
                }
            }
        } catch (IOException e) {
            throw new CryptoException(CryptoException.Failure.IO, "Could not list the key folder " + folder + ": " + e.getMessage(),
                    "Check its permissions.", e);
        }
        return names;
    }

    /**
     * Writes a file that must not exist yet: an owner-only temporary sibling, fsynced, then moved to the name, which
     * fails if another writer took it meanwhile.
     *
     * @throws FileAlreadyExistsException the name is taken
     */
    void writeNew(Path target, byte[] content) throws FileAlreadyExistsException {
        Path temp = folder.resolve("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            SecureFiles.createDirectories(folder);
            SecureFiles.createNewFile(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target);
            SecureFiles.fsyncDirectory(folder);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException e) {
            throw cannotWrite(target, e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // a leftover temporary file starts with a dot and is never taken for a key
            }
        }
    }

    /** Replaces a file in one step (owner-only, fsynced). */
    void replace(Path target, byte[] content) {
        try {
            SecureFiles.writeAtomically(target, content);
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
    }

    /** Deletes the files in this order; a link is deleted, never what it points to. */
    void delete(Path... files) {
        try {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
            SecureFiles.fsyncDirectory(folder);
        } catch (IOException e) {
            throw new CryptoException(CryptoException.Failure.IO, "Could not delete " + e.getMessage(),
                    "Check the permissions of " + folder + ".", e);
        }
    }

    private CryptoException cannotWrite(Path target, IOException e) {
        return new CryptoException(CryptoException.Failure.IO, "Could not write " + target + ": " + e.getMessage(),
                "Check the disk and the permissions of " + folder + ".", e);
    }
}
