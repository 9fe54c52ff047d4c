package io.backupdesk.jobs;

import io.backupdesk.backup.ActiveRun;
import io.backupdesk.backup.ArchiveEncryption;
import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupLayout;
import io.backupdesk.backup.BackupService;
import io.backupdesk.backup.BackupSets;
import io.backupdesk.backup.RunRegistry;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupSet;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.Ids;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.Progress;
import io.backupdesk.core.ProgressUpdate;
import io.backupdesk.pg.ConnectionFactory;
import io.backupdesk.pg.Credentials;
import io.backupdesk.pg.DatabaseScope;
import io.backupdesk.pg.PgVersion;
import io.backupdesk.pg.ServerInspector;
import io.backupdesk.store.JobHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A whole-server set (decision 0037): the databases found when the run starts, each backed up as an ordinary backup
 * whose sidecar names the set, as that database's one job, a few at a time; the roles once; the manifest last. A
 * database that fails does not stop the others: the set is then partial and says which failed and why. A cancel stops
 * every dump and removes what the set wrote. {@link BackupJob} calls this for every server connection, so every front
 * end gets it. Thread-safe: runs share nothing but the services.
 */
public final class SetBackupJob {
    private static final Logger LOG = LoggerFactory.getLogger(SetBackupJob.class);

    /**
     * One run of a set.
     *
     * @param verify          read each database's backup back in full
     * @param encryption      every member and the roles file are encrypted with this; null for none
     * @param databasesAtOnce how many databases are dumped at the same time, each by one pg_dump with one job
     */
    public record Run(ConnectionProfile profile, BackupOptions options, String origin, Optional<String> password,
                      boolean interactive, boolean verify, ArchiveEncryption encryption, int databasesAtOnce) { }

    /** The set as listed now, and its line in the history. */
    public record Outcome(BackupSets.SetEntry set, JobRun run) { }

    private final BackupService backups;
    private final BackupSets sets;
    private final BackupCatalog catalog;
    private final BackupLayout layout;
    private final ConnectionFactory connections;
    private final Credentials credentials;
    private final RunRegistry runs;
    private final DatabaseClaims claims;
    private final JobHistory history;
    private final Clock clock;

    public SetBackupJob(BackupService backups, BackupSets sets, BackupCatalog catalog, BackupLayout layout,
                        ConnectionFactory connections, Credentials credentials, RunRegistry runs, DatabaseClaims claims,
                        JobHistory history, Clock clock) {
        this.backups = backups;
        this.sets = sets;
        this.catalog = catalog;
        this.layout = layout;
        this.connections = connections;
        this.credentials = credentials;
        this.runs = runs;
        this.claims = claims;
        this.history = history;
        this.clock = clock;
    }

    /** The databases a set of this server connection would back up now, and those its patterns leave out. */
    public DatabaseScope.Choice databasesOf(ConnectionProfile profile, Optional<String> password) {
        try (ServerInspector inspector = login(profile, password)) {
            return DatabaseScope.choose(inspector.connectableDatabases(), profile.server());
        }
    }

    /**
     * Backs up the set. Blocks until every database is done; a partial set is an outcome, not an exception.
     *
     * @throws BackupDeskException when nothing could start (the server cannot be reached, the plain format, the
     *                             options), recorded in the history unless a password is to be asked;
     *                             {@code CANCELLED} after {@code cancel} fired, with the set's files removed
     */
    public Outcome run(Run run, Progress progress, Cancellation cancel) {
        Instant started = clock.instant();
        JobRun line = JobRun.builder().id(Ids.newId()).kind(JobRun.KIND_SET).profile(run.profile().name())
                .origin(run.origin()).startedAt(started).build();
        SetRun set;
        try {
            check(run.options());
            BackupService.checkOptions(memberOptions(run.options()), run.encryption() != null);
            set = begin(run, line, progress);
        } catch (BackupDeskException e) {
            if (!(run.interactive() && e.kind() == ErrorKind.PASSWORD_REQUIRED)) {
                history.append(ended(line, JobStatus.FAILED, 0, null, e.kind(), e.getMessage()));
            }
            throw e;
        }
        return set.complete(progress, cancel);
    }

    /** Logs in, finds the databases and claims the set's names; nothing is written before this succeeds. */
    private SetRun begin(Run run, JobRun line, Progress progress) {
        ConnectionProfile profile = run.profile();
        progress.report(ProgressUpdate.phase("Connecting to " + profile.describe()));
        PgVersion server;
        String versionText;
        DatabaseScope.Choice choice;
        try (ServerInspector inspector = login(profile, run.password())) {
            server = inspector.serverVersion();
            versionText = inspector.serverVersionText();
            choice = DatabaseScope.choose(inspector.connectableDatabases(), profile.server());
        }
        LOG.info("Set run {} of {}: {} database(s) {}, left out {}", line.id(), profile.name(), choice.chosen().size(),
                choice.chosen(), choice.excluded());
        BackupLayout.SetPaths paths;
        try {
            paths = layout.reserveSet(profile.name(), LocalDateTime.ofInstant(line.startedAt(), clock.getZone()),
                    run.options().label(), run.encryption() != null);
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "Could not create the set in " + layout.folderFor(profile.name())
                    + ": " + e.getMessage(), "Check that the backup root exists and is writable.", List.of(), e);
        }
        ActiveRun active;
        try {
            active = runs.begin(line, List.of(paths.partialManifest(), paths.partialGlobals(), paths.globals()),
                    paths.manifest());
        } catch (IOException e) {
            deleteQuietly(paths.partialManifest());
            throw new BackupDeskException(ErrorKind.IO, "Could not register the set's run: " + e.getMessage(),
                    "Check free space and permissions of the configuration folder.", List.of(), e);
        }
        return new SetRun(this, run, line, paths, active, server, versionText, choice);
    }

    private ServerInspector login(ConnectionProfile profile, Optional<String> password) {
        Optional<String> login = password.or(() -> credentials.storedPassword(profile));
        return new ServerInspector(connections.open(profile, profile.database(), login), profile.describe());
    }

    /**
     * Refuses options a set cannot be made with, for a schedule before it is saved and for every run. A set is
     * restored as roles, then each database with its own settings and grants, which pg_restore reads from an archive;
     * plain SQL made without {@code --create} holds none of them (decision 0039).
     *
     * @throws BackupDeskException {@code CONFIGURATION} for the plain format
     */
    public static void check(BackupOptions options) {
        if (options.format() == BackupFormat.PLAIN) {
            throw BackupDeskException.configuration("A whole-server set cannot be in the plain format: restoring it needs"
                    + " each database's own settings and grants, which only an archive format keeps.",
                    "Choose the custom, directory or tar format for this connection.")
                    .withCommandLineHint("Use --format custom (the default), directory or tar for a server connection.");
        }
    }

    /** Each database's options: its one job, no roles of its own (the set dumps them once). */
    static BackupOptions memberOptions(BackupOptions options) {
        return options.toBuilder().jobs(1).globals(false).build();
    }

    /** A database of the set as its own backup, as that database's one job. */
    BackupCatalog.Entry backUpMember(Run run, String setId, String database, Cancellation cancel) {
        ConnectionProfile member = run.profile().withDatabase(database).withServer(null);
        return claims.whileHolding(DatabaseClaims.keyOf(member), "backup in a set",
                () -> backups.backup(new BackupService.Request(member, memberOptions(run.options()), run.origin(),
                        run.password(), false, run.verify(), run.encryption(), setId), Progress.NONE, cancel));
    }

    String dumpRoles(Run run, PgVersion server, BackupLayout.SetPaths paths, Cancellation cancel) {
        return backups.dumpRoles(run.profile(), run.password(), server, run.encryption(), paths.globals(), cancel);
    }

    void writeManifest(BackupLayout.SetPaths paths, BackupSet set) {
        sets.create(paths.manifest(), set);
        deleteQuietly(paths.partialManifest());
    }

    /** Removes what a cancelled set wrote: its members' backups, its roles file, its claim on the names. */
    void removeCancelled(List<BackupCatalog.Entry> written, BackupLayout.SetPaths paths) {
        for (BackupCatalog.Entry member : written) {
            try {
                catalog.delete(member);
            } catch (BackupDeskException e) {
                LOG.warn("A cancelled set's backup {} could not be removed: {}", member.record().id(), e.getMessage());
            }
        }
        List.of(paths.globals(), paths.partialGlobals(), paths.partialManifest()).forEach(SetBackupJob::deleteQuietly);
    }

    JobRun record(JobRun line, JobStatus status, long size, String setId, ErrorKind kind, String error) {
        JobRun ended = ended(line, status, size, setId, kind, error);
        history.append(ended);
        return ended;
    }

    private JobRun ended(JobRun line, JobStatus status, long size, String setId, ErrorKind kind, String error) {
        return line.toBuilder().finishedAt(clock.instant()).status(status).sizeBytes(size).backupId(setId)
                .errorKind(kind).error(error).build();
    }

    long millisSince(Instant started) {
        return Duration.between(started, clock.instant()).toMillis();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", file, e.getMessage());
        }
    }
}
