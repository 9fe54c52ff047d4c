package io.backupdesk.backup;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.Ids;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.Progress;
import io.backupdesk.pg.ClientInstallation;
import io.backupdesk.pg.ClientTool;
import io.backupdesk.pg.ConnectionFactory;
import io.backupdesk.pg.Credentials;
import io.backupdesk.pg.PgEnvironment;
import io.backupdesk.pg.PgVersion;
import io.backupdesk.pg.ProcessRunner;
import io.backupdesk.pg.ShownCommand;
import io.backupdesk.pg.ToolErrors;
import io.backupdesk.pg.ToolSelection;
import io.backupdesk.store.JobHistory;
import io.backupdesk.store.SecureFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Makes backups. A run writes {@code *.partial} names, fsyncs, renames them into place, and writes the sidecar last;
 * a failed or cancelled run deletes everything it wrote, so nothing that looks like a backup is left. Every run is
 * recorded in the job history. Thread-safe: runs share nothing but the stores, which are thread-safe themselves.
 */
public final class BackupService {
    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);

    /**
     * @param origin          "manual" or "schedule:&lt;id&gt;"
     * @param runtimePassword a password asked for at run time, used for this run only; empty to use the stored one
     * @param interactive     a person will be asked for a password and the run retried when the server wants one;
     *                        that first attempt is then not a failed run worth recording
     * @param verify          read the new backup back in full before the run counts as done (the setting
     *                        "verify after backup"); an encrypted one is read as it is written
     * @param encryption      how to encrypt the archive and the globals file; null to write them unencrypted
     * @param set             the id of the whole-server set this backup is one database of, which its sidecar names;
     *                        null for a backup of one database on its own
     */
    public record Request(ConnectionProfile profile, BackupOptions options, String origin, Optional<String> runtimePassword,
                          boolean interactive, boolean verify, ArchiveEncryption encryption, String set) {
        /** A backup of one database on its own. */
        public Request(ConnectionProfile profile, BackupOptions options, String origin, Optional<String> runtimePassword,
                       boolean interactive, boolean verify, ArchiveEncryption encryption) {
            this(profile, options, origin, runtimePassword, interactive, verify, encryption, null);
        }

        /** A run nobody is asked a password for and that is not read back. */
        public Request(ConnectionProfile profile, BackupOptions options, String origin, Optional<String> runtimePassword) {
            this(profile, options, origin, runtimePassword, false, false, null, null);
        }

        /** An unencrypted run. */
        public Request(ConnectionProfile profile, BackupOptions options, String origin, Optional<String> runtimePassword,
                       boolean interactive, boolean verify) {
            this(profile, options, origin, runtimePassword, interactive, verify, null, null);
        }
    }

    /** What a run works with; shared by all runs. */
    record Services(BackupLayout layout, ToolSelection tools, ConnectionFactory connections, Credentials credentials,
                    ProcessRunner runner, RunRegistry runs, Clock clock) { }

    private final Services services;
    private final JobHistory history;
    private final VerifyService verifier;

    public BackupService(BackupLayout layout, ToolSelection tools, ConnectionFactory connections, Credentials credentials,
                         ProcessRunner runner, RunRegistry runs, JobHistory history, VerifyService verifier, Clock clock) {
        this.services = new Services(layout, tools, connections, credentials, runner, runs, clock);
        this.history = history;
        this.verifier = verifier;
    }

    /**
     * Backs up the profile's database. Blocks until done; reports progress from worker threads.
     *
     * @return the new backup as the catalog lists it; {@code VERIFIED} when it was read back
     * @throws BackupDeskException with a message and a hint; {@code CANCELLED} after {@code cancel} fired. A backup
     *                             that was written but failed its read-back stays in the catalog as {@code CORRUPT}
     *                             and the run fails.
     */
    public BackupCatalog.Entry backup(Request request, Progress progress, Cancellation cancel) {
        Instant started = services.clock().instant();
        String runId = Ids.newId();
        try {
            BackupCatalog.Entry entry = new BackupRun(services, request, runId, started, progress, cancel).execute();
            if (request.verify()) {
                entry = readBack(entry, progress, cancel);
            }
            BackupRecord record = entry.record();
            history.append(jobRun(runId, request, started, JobStatus.OK, record.sizeBytes(), record.id(), null, services.clock()));
            return entry;
        } catch (BackupDeskException e) {
            if (!(request.interactive() && e.kind() == ErrorKind.PASSWORD_REQUIRED)) {
                LOG.warn("Backup {} of {} ({}) ended {}: {}", runId, request.profile().describe(), request.origin(),
                        e.kind(), e.getMessage());
                JobStatus status = e.kind() == ErrorKind.CANCELLED ? JobStatus.CANCELLED : JobStatus.FAILED;
                history.append(jobRun(runId, request, started, status, 0, null, e, services.clock()));
            }
            throw e;
        } catch (RuntimeException e) {
            LOG.error("Backup {} of {} ({}) failed unexpectedly", runId, request.profile().describe(), request.origin(), e);
            history.append(jobRun(runId, request, started, JobStatus.FAILED, 0, null,
                    new BackupDeskException(ErrorKind.TOOL_FAILED, "Unexpected failure: " + e, "", List.of(), e),
                    services.clock()));
            throw e;
        }
    }

    /**
     * Refuses options no run can carry out, before anything is written.
     *
     * @throws BackupDeskException {@code CONFIGURATION} saying why
     */
    public static void checkOptions(BackupOptions options, boolean encrypted) {
        options.checked();
        if (encrypted && options.format() == BackupFormat.DIRECTORY) {
            // pg_dump writes a directory's files itself, in plaintext: they would sit unencrypted on disk
            throw BackupDeskException.configuration("A directory-format backup cannot be encrypted: pg_dump writes its"
                    + " files itself, unencrypted.", "Choose the custom format, which is encrypted as it is written.")
                    .withCommandLineHint("Use --format custom (the default) for an encrypted backup.");
        }
    }

    /**
     * The roles and tablespaces of the profile's server ({@code pg_dumpall --globals-only}, without passwords where the
     * server hides them) into {@code file}: owner-only, encrypted as it is written when asked, under its
     * {@code .partial} name (which the caller reserved) until it is complete. On failure nothing stays.
     *
     * @return the file's SHA-256
     * @throws BackupDeskException classified, with a hint; {@code CANCELLED} after {@code cancel} fired
     */
    public String dumpRoles(ConnectionProfile profile, Optional<String> runtimePassword, PgVersion server,
                            ArchiveEncryption encryption, Path file, Cancellation cancel) {
        Path partial = file.resolveSibling(file.getFileName() + BackupLayout.PARTIAL_SUFFIX);
        try (Credentials.PassFile passFile = services.credentials().passFileFor(profile, runtimePassword, Ids.newId())) {
            String sha = new GlobalsDump(services.runner()).dump(services.tools().forDumpAll(server),
                    PgEnvironment.forProfile(profile, passFile.path()), profile.database(), partial, encryption,
                    profile.describe(), cancel, null);
            cancel.throwIfCancelled();
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            SecureFiles.fsyncDirectory(file.getParent());
            return sha;
        } catch (IOException e) {
            deleteQuietly(partial);
            throw writeFailure(e);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", file, e.getMessage());
        }
    }

    /**
     * The pg_dump command line this request would run, for a person to read and copy (see {@link ShownCommand}). It
     * does not log in, so it names options as the newest pg_dump found here does; a server older than that gets the
     * same dump from them.
     *
     * @throws BackupDeskException {@code TOOL_MISSING} when no pg_dump is installed
     */
    public String commandLine(Request request) {
        request.options().checked();
        PgVersion client = services.tools().newest(ClientTool.PG_DUMP).map(ClientInstallation::version)
                .orElseThrow(() -> new BackupDeskException(ErrorKind.TOOL_MISSING, "No pg_dump was found.",
                        ToolErrors.hintFor(ErrorKind.TOOL_MISSING), List.of(), null));
        ArchiveEncryption encryption = request.encryption();
        String fileName = BackupLayout.fileName(request.profile().database(),
                LocalDateTime.ofInstant(services.clock().instant(), services.clock().getZone()), request.options().label(),
                request.options().format(), request.options().compression(), encryption != null);
        return ShownCommand.backup(request.profile(), request.options(), client, fileName,
                encryption == null ? List.of() : encryption.recipients(),
                encryption != null && encryption.recipients().isEmpty());
    }

    /**
     * The pg_dump command line that made this backup, without secrets, for a person to copy: its options, its
     * pg_dump's version and its file name as the sidecar records them, over the connection it was made through.
     * Empty when the sidecar does not say (an import, a sidecar of an older version) or the connection no longer
     * points at the server the backup came from.
     */
    public Optional<String> commandThatMade(BackupRecord record, ConnectionProfile connection) {
        Optional<PgVersion> client = PgVersion.fromText(record.pgDumpVersion());
        if (record.options() == null || record.fileName() == null || client.isEmpty()
                || !connection.host().equals(record.host()) || record.port() == null
                || connection.port() != record.port()) {
            return Optional.empty();
        }
        boolean passphrase = record.encrypted() && record.recipients().isEmpty();
        return Optional.of(ShownCommand.backup(connection.withDatabase(record.database()), record.options(),
                client.get(), record.fileName(), record.recipients(), passphrase));
    }

    private BackupCatalog.Entry readBack(BackupCatalog.Entry entry, Progress progress, Cancellation cancel) {
        BackupCatalog.Entry verified;
        try {
            verified = verifier.verify(entry, progress, cancel);
        } catch (BackupDeskException e) {
            if (e.kind() == ErrorKind.CANCELLED) {
                throw new BackupDeskException(ErrorKind.CANCELLED, "Cancelled while reading the backup back. The backup "
                        + entry.record().id() + " itself is complete and stays in the catalog, not verified.",
                        "Verify it later.").withCommandLineHint("Verify it later with 'backupdesk verify "
                        + entry.record().id() + "'.");
            }
            LOG.warn("Backup {} was written but could not be read back: {}", entry.record().id(), e.getMessage());
            return entry;
        }
        if (verified.status() != BackupStatus.VERIFIED) {
            throw new BackupDeskException(ErrorKind.IO, "The backup " + entry.record().id() + " was written, but reading it "
                    + "back failed: " + verified.record().verification().message(),
                    "It is kept in the catalog marked corrupt. Check the backup volume's health, then back up again.");
        }
        return verified;
    }

    /** A write failure in the backup folder, as the user should read it. */
    static BackupDeskException writeFailure(IOException e) {
        String message = String.valueOf(e.getMessage());
        ErrorKind kind = ToolErrors.isDiskFull(message) ? ErrorKind.DISK_FULL : ErrorKind.IO;
        return new BackupDeskException(kind, kind == ErrorKind.DISK_FULL
                ? ToolErrors.writeFailed(ToolErrors.diskFullReason(message))
                : "Writing the backup failed: " + message, ToolErrors.hintFor(kind), List.of(), e);
    }

    /** The history line of a run; a null status marks a run still in progress. */
    static JobRun jobRun(String runId, Request request, Instant started, JobStatus status, long size, String backupId,
                         BackupDeskException error, Clock clock) {
        return JobRun.builder().id(runId).kind(JobRun.KIND_BACKUP)
                .profile(request.profile().name()).database(request.profile().database()).origin(request.origin())
                .startedAt(started).finishedAt(status == null ? null : clock.instant()).status(status)
                .sizeBytes(size).backupId(backupId)
                .errorKind(error == null ? null : error.kind()).error(error == null ? null : error.getMessage())
                .build();
    }
}
