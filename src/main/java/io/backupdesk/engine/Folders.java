package io.backupdesk.engine;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** What the engine asks of a folder before it loads anything to do with it. */
final class Folders {
    private Folders() { }

    static boolean holdsAFile(Path folder) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, Files::isRegularFile)) {
            return files.iterator().hasNext();
        } catch (NoSuchFileException | NotDirectoryException none) {
            return false;
        } catch (IOException | DirectoryIteratorException e) {
            // the registry looks for itself, and says what it could not read
            return true;
        }
    }

    /** Free space on the volume of the folder, or of its nearest existing parent; -1 when it cannot be told. */
    static long freeSpace(Path folder) {
        for (Path p = folder.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                try {
                    return Files.getFileStore(p).getUsableSpace();
                } catch (IOException e) {
                    return -1;
                }
            }
        }
        return -1;
    }
}
