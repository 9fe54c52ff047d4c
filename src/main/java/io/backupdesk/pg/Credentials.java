package io.backupdesk.pg;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.store.PgPassFile;
import io.backupdesk.store.ProfilePasswords;
import io.backupdesk.store.SecureFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a run's password comes from: the profile's own pgpass file, or a password asked for at run time, which goes
 * into a per-run 0600 file that is deleted when the run ends (and at the next start if the app died). Either way the
 * client programs read a file holding that one profile's line and nothing else. Never an argument, never an
 * environment variable, never a log line.
 */
public final class Credentials {
    private final ProfilePasswords passwords;
    private final Path runsDir;

    public Credentials(ProfilePasswords passwords, Path runsDir) {
        this.passwords = passwords;
        this.runsDir = runsDir;
    }

    public Optional<String> storedPassword(ConnectionProfile profile) {
        return passwords.lookup(profile);
    }

    /** Keeps the password for this profile alone; other profiles with the same login keep theirs. */
    public void store(ConnectionProfile profile, String password) {
        passwords.store(profile, password);
    }

    /** Forgets the password of a removed profile. */
    public void forget(String profileName) {
        passwords.remove(profileName);
    }

    /** A renamed profile keeps its password. */
    public void rename(String from, String to) {
        passwords.rename(from, to);
    }

    /** Where the profile's password is kept, for telling the user. */
    public Path storeOf(ConnectionProfile profile) {
        return passwords.fileOf(profile.name());
    }

    /** The per-run password file of a run, deleted by the interrupted-run cleanup if the app dies. */
    public static Path runPassFile(Path runsDir, String runId) {
        return runsDir.resolve(runId + ".pgpass");
    }

    /** The pgpass file the tools of this run should read; close it when the run ends. */
    public PassFile passFileFor(ConnectionProfile profile, Optional<String> runtimePassword, String runId) {
        if (runtimePassword.isPresent()) {
            Path file = runPassFile(runsDir, runId);
            try {
                SecureFiles.createDirectories(runsDir);
                SecureFiles.createNewFile(file);
                Files.writeString(file, PgPassFile.singleEntry(profile.host(), profile.port(), profile.user(),
                        runtimePassword.get()), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new BackupDeskException(ErrorKind.IO, "Could not prepare the password for this run: " + e.getMessage(),
                        "Check free space and permissions of the configuration folder.", List.of(), e);
            }
            return new PassFile(file, true);
        }
        // the profile's own file holds its line only, so handing it over offers this password to this login alone
        return new PassFile(storedPassword(profile).isPresent() ? passwords.fileOf(profile.name()) : null, false);
    }

    /** A pgpass file for one run; null path leaves libpq's own lookup in charge. */
    public record PassFile(Path path, boolean temporary) implements AutoCloseable {
        @Override
        public void close() {
            if (temporary) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // removed with the run's marker at the next start
                }
            }
        }
    }
}
