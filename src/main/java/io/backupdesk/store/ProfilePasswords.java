package io.backupdesk.store;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ErrorKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One pgpass file per profile, {@code passwords/<profile>.pgpass}, each holding that profile's line only. A run
 * hands the client programs its profile's file, so two profiles with the same host, port and user (one of them with a
 * mistyped password) never overwrite or shadow each other, and a password is offered to no other login. Profile names
 * are portable file names already (see {@link ConnectionProfile}). Thread-safe within a process; every write is an
 * atomic replace, so another process reads either the old or the new file.
 */
public final class ProfilePasswords {
    private final Path dir;

    public ProfilePasswords(Path dir) {
        this.dir = dir;
    }

    /** The pgpass file of this profile; it may not exist. */
    public Path fileOf(String profileName) {
        return dir.resolve(profileName + ".pgpass");
    }

    /** The profile's password, if its file holds one for the profile's host, port and user as they are now. */
    public synchronized Optional<String> lookup(ConnectionProfile profile) {
        return new PgPassFile(fileOf(profile.name())).lookup(profile.host(), profile.port(),
                profile.database() == null ? "*" : profile.database(), profile.user());
    }

    /** Keeps this password for this profile only, replacing the one it had. */
    public synchronized void store(ConnectionProfile profile, String password) {
        new PgPassFile(fileOf(profile.name())).replace(
                List.of(PgPassFile.entry(profile.host(), profile.port(), profile.user(), password)));
    }

    /** Forgets the profile's password; nothing happens when it had none. */
    public synchronized void remove(String profileName) {
        new PgPassFile(fileOf(profileName)).replace(List.of());
    }

    /** Moves a renamed profile's password to its new name; a password the new name had already is replaced. */
    public synchronized void rename(String from, String to) {
        Path source = fileOf(from);
        if (from.equals(to) || !Files.exists(source)) {
            return;
        }
        try {
            Files.move(source, fileOf(to), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            SecureFiles.fsyncDirectory(dir);
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "Could not move the password of profile '" + from + "' to '"
                    + to + "': " + e.getMessage(), "Check the permissions of " + dir + ".", List.of(), e);
        }
    }

    /**
     * Moves the passwords of a shared pgpass file (how earlier versions kept them) into the profiles' own files: each
     * profile without a file of its own gets the line that libpq would have picked for it, so every profile that
     * logged in before still does. The lines copied go from the shared file; lines no profile uses (written by hand,
     * or for a login of no profile) stay where they are, and the file goes once it holds nothing else.
     *
     * @return the names of the profiles that received a password
     */
    public synchronized List<String> migrateFrom(PgPassFile shared, List<ConnectionProfile> profiles) {
        List<String> lines = shared.lines();
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> migrated = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (ConnectionProfile profile : profiles) {
            if (Files.exists(fileOf(profile.name()))) {
                continue;
            }
            for (String line : lines) {
                Optional<String> password = PgPassFile.passwordIfMatches(line, profile.host(), profile.port(),
                        profile.database() == null ? "*" : profile.database(), profile.user());
                if (password.isPresent()) {
                    store(profile, password.get());
                    migrated.add(profile.name());
                    used.add(line);
                    break;
                }
            }
        }
        if (!used.isEmpty()) {
            List<String> rest = new ArrayList<>(lines);
            rest.removeAll(used);
            shared.replace(rest.stream().allMatch(String::isBlank) ? List.of() : rest);
        }
        return migrated;
    }
}
