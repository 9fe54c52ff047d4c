package io.backupdesk.store;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.RestoreRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** The restores that can be rolled back: one {@code restores/<id>.json} each. Thread-safe. */
public final class RestoreStore {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{4,64}");

    private final Path folder;

    public RestoreStore(Path configDir) {
        this.folder = configDir.resolve("restores");
    }

    public synchronized void save(RestoreRecord record) {
        try {
            SecureFiles.createDirectories(folder);
            SecureFiles.writeAtomically(folder.resolve(record.id() + ".json"), Json.mapper().writeValueAsBytes(record));
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "Could not record the restore " + record.id() + ": " + e.getMessage(),
                    "Check free space and permissions of the configuration folder.", List.of(), e);
        }
    }

    public synchronized RestoreRecord require(String id) {
        Path file = ID.matcher(id).matches() ? folder.resolve(id + ".json") : null;
        if (file == null || !Files.exists(file)) {
            throw BackupDeskException.configuration("No restore with id '" + id + "' is recorded.",
                    "Use the id the restore reported when it finished.")
                    .withCommandLineHint("Use the id 'backupdesk restore' printed when it finished.");
        }
        try {
            return Json.mapper().readValue(Files.readAllBytes(file), RestoreRecord.class);
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "The record of restore " + id + " cannot be read: " + e.getMessage(),
                    "It was damaged; roll back by hand with ALTER DATABASE ... RENAME.", List.of(), e);
        }
    }
}
