package io.backupdesk.store;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The password of the SMTP login for failure e-mails, alone in {@code smtp-password} in the configuration folder,
 * owner-only (0600): like every password it stays out of our JSON files, and a file of its own is easy to keep out
 * of a backup of the settings or to remove by hand. Thread-safe.
 */
public final class SmtpPasswordStore {
    private final Path file;

    public SmtpPasswordStore(Path configDir) {
        this.file = configDir.resolve("smtp-password");
    }

    public Path path() {
        return file;
    }

    /** The stored password; a line end typed after it in an editor is not part of it. */
    public synchronized Optional<String> read() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "Could not read the SMTP password file " + file + ".",
                    "Check that it is readable by you.", List.of(), e);
        }
        String password = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return password.isEmpty() ? Optional.empty() : Optional.of(password);
    }

    public synchronized void store(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("an empty password is removed, not stored");
        }
        try {
            SecureFiles.writeAtomically(file, password.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "Could not save the SMTP password file " + file + ".",
                    "Check free space and permissions of the configuration folder.", List.of(), e);
        }
    }

    public synchronized void remove() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "Could not remove the SMTP password file " + file + ".",
                    "Remove it by hand; it holds only the SMTP password.", List.of(), e);
        }
    }
}
