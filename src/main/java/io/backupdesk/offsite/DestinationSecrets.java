package io.backupdesk.offsite;

import com.fasterxml.jackson.core.type.TypeReference;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.store.Json;
import io.backupdesk.store.SecureFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The destinations' secrets (S3 access keys, SFTP passwords and key passphrases) in {@code destination-secrets.json},
 * owner-only (0600), as the pgpass file keeps the database passwords: never in {@code destinations.json}, the
 * command line, a log or a sidecar. Thread-safe.
 */
public final class DestinationSecrets {
    private static final TypeReference<TreeMap<String, DestinationCredentials>> SHAPE = new TypeReference<>() { };
    private final Path file;

    public DestinationSecrets(Path configDir) {
        this.file = configDir.resolve("destination-secrets.json");
    }

    public Path path() {
        return file;
    }

    /** The destination's secrets; {@link DestinationCredentials#NONE} when none are stored. */
    public synchronized DestinationCredentials of(String destination) {
        return readAll().getOrDefault(destination, DestinationCredentials.NONE);
    }

    public synchronized void store(String destination, DestinationCredentials credentials) {
        TreeMap<String, DestinationCredentials> all = readAll();
        if (credentials == null || credentials.equals(DestinationCredentials.NONE)) {
            all.remove(destination);
        } else {
            all.put(destination, credentials);
        }
        write(all);
    }

    public synchronized void remove(String destination) {
        TreeMap<String, DestinationCredentials> all = readAll();
        if (all.remove(destination) != null) {
            write(all);
        }
    }

    private TreeMap<String, DestinationCredentials> readAll() {
        try {
            TreeMap<String, DestinationCredentials> all = Json.mapper().readValue(Files.readAllBytes(file), SHAPE);
            return all == null ? new TreeMap<>() : all;
        } catch (NoSuchFileException e) {
            return new TreeMap<>();
        } catch (IOException e) {
            // the message of a JSON error may quote the file, and so a secret: never pass it on
            throw new BackupDeskException(ErrorKind.CONFIGURATION, "The destinations' secrets file " + file
                    + " cannot be read.", "Fix or remove it, then give the destinations' credentials again.",
                    List.of(), null);
        }
    }

    private void write(Map<String, DestinationCredentials> all) {
        try {
            SecureFiles.writeAtomically(file, Json.mapper().writeValueAsBytes(all));
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "Could not save the destinations' secrets file " + file + ".",
                    "Check free space and permissions of the configuration folder.", List.of(), e);
        }
    }
}
