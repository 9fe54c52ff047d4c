package io.backupdesk.pg;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.store.PgPassFile;
import io.backupdesk.store.SecureFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a run's password comes from: the pgpass file we keep, or a password asked for at run time, which goes into a
 * per-run 0600 file that is deleted when the run ends (and at the next start if the app died). Never an argument,
 * never an environment variable, never a log line.
 */
public final class Credentials {
    private final PgPassFile pgpass;
    private final Path runsDir;

    public Credentials(PgPassFile pgpass, Path runsDir) {
        this.pgpass = pgpass;
        this.runsDir = runsDir;
    }

    public PgPassFile pgpass() {
        return pgpass;
    }

    public Optional<String> storedPassword(ConnectionProfile profile) {
        return pgpass.lookup(profile.host() == null ? "*" : profile.host(), profile.port(),
                profile.database() == null ? "*" : profile.database(), profile.user() == null ? "*" : profile.user());
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
                Files.writeString(file, PgPassFile.singleEntry(profile.host(), profile.port(),
                        profile.user() == null ? "*" : profile.user(), runtimePassword.get()), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new BackupDeskException(ErrorKind.IO, "Could not prepare the password for this run: " + e.getMessage(),
                        "Check free space and permissions of the configuration folder.", List.of(), e);
            }
            return new PassFile(file, true);
        }
        return new PassFile(storedPassword(profile).isPresent() ? pgpass.path() : null, false);
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
