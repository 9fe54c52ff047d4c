package io.backupdesk.backup;

import io.backupdesk.core.BackupDeskException;
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
import io.backupdesk.core.ProgressUpdate;
import io.backupdesk.pg.ClientInstallation;
import io.backupdesk.pg.ConnectionFactory;
import io.backupdesk.pg.Credentials;
import io.backupdesk.pg.PgEnvironment;
import io.backupdesk.pg.PgVersion;
import io.backupdesk.pg.ProcessRunner;
import io.backupdesk.pg.ServerInspector;
import io.backupdesk.pg.SnapshotSession;
import io.backupdesk.pg.TableInfo;
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
import java.time.Duration;
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
     */
    public record Request(ConnectionProfile profile, BackupOptions options, String origin, Optional<String> runtimePassword) { }

    private final BackupLayout layout;
    private final ToolSelection tools;
    private final ConnectionFactory connections;
    private final Credentials credentials;
    private final ProcessRunner runner;
    private final RunRegistry runs;
    private final JobHistory history;
    private final Clock clock;

    public BackupService(BackupLayout layout, ToolSelection tools, ConnectionFactory connections, Credentials credentials,
                         ProcessRunner runner, RunRegistry runs, JobHistory history, Clock clock) {
        this.layout = layout;
        this.tools = tools;
        this.connections = connections;
        this.credentials = credentials;
        this.runner = runner;
        this.runs = runs;
        this.history = history;
        this.clock = clock;
    }

    /**
     * Backs up the profile's database. Blocks until done; reports progress from worker threads.
     *
     * @throws BackupDeskException with a message and a hint; {@code CANCELLED} after {@code cancel} fired
     */
    public BackupRecord backup(Request request, Progress progress, Cancellation cancel) {
        Instant started = clock.instant();
        String runId = Ids.newId();
        try {
            BackupRecord record = run(runId, started, request, progress, cancel);
            history.append(jobRun(runId, request, started, JobStatus.OK, record.sizeBytes(), record.id(), null));
            return record;
        } catch (BackupDeskException e) {
            if (e.kind() != ErrorKind.CONFIGURATION) {
                JobStatus status = e.kind() == ErrorKind.CANCELLED ? JobStatus.CANCELLED : JobStatus.FAILED;
                history.append(jobRun(runId, request, started, status, 0, null, e));
            }
            throw e;
        }
    }

    private BackupRecord run(String runId, Instant started, Request request, Progress progress, Cancellation cancel) {
        ConnectionProfile profile = request.profile();
        BackupOptions options = request.options();
        String target = profile.describe();
        Instant deadline = options.timeout() == null ? null : started.plus(options.timeout());
        Optional<String> password = request.runtimePassword().or(() -> credentials.storedPassword(profile));
        progress.report(ProgressUpdate.phase("Connecting to " + target));
        try (ServerInspector inspector = new ServerInspector(connections.open(profile, profile.database(), password), target)) {
            PgVersion server = inspector.serverVersion();
            LOG.info("Backup {}: connected to {} (PostgreSQL {})", runId, target, server);
            ClientInstallation client = tools.forDump(server);
            LOG.info("Backup {}: using pg_dump {} from {}", runId, client.version(), client.binDir());
            ClientInstallation globalsClient = options.globals() ? tools.forDumpAll(server) : null;
            io.backupdesk.pg.DumpCommands.pgDump(options, client.version(), null, null);
            List<TableInfo> tables = inspector.dumpableTables(options.schemas(), options.excludeSchemas(),
                    options.tables(), options.excludeTables());
            long databaseSize = inspector.databaseSize();
            String serverVersion = inspector.serverVersionText();
            LOG.info("Backup {}: {} tables selected, database size {} bytes", runId, tables.size(), databaseSize);
            cancel.throwIfCancelled();
            BackupLayout.BackupPaths paths = layout.allocate(profile.name(), profile.database(),
                    LocalDateTime.ofInstant(started, clock.getZone()), options.label(), options.format(), options.compression());
            List<Path> leftovers = List.of(paths.partialArchive(), paths.archive(), paths.partialGlobals(), paths.globals());
            createFolder(paths.folder());
            JobRun marker = jobRun(runId, request, started, null, 0, null, null);
            try (RunRegistry.ActiveRun active = runs.begin(marker, leftovers, paths.sidecar());
                 Credentials.PassFile passFile = credentials.passFileFor(profile, request.runtimePassword(), runId)) {
                try {
                    var env = PgEnvironment.forProfile(profile, passFile.path());
                    String globalsSha = globalsClient == null ? null
                            : new GlobalsDump(runner).dump(globalsClient, env, profile.database(), paths.partialGlobals(),
                            target, cancel, deadline);
                    DumpRun.Result dump;
                    try (SnapshotSession snapshot = SnapshotSession.open(
                            connections.open(profile, profile.database(), password), target, options.lockWaitTimeout())) {
                        dump = new DumpRun(runner, client, env, options, target).run(paths.partialArchive(), tables,
                                snapshot, inspector, server.majorFirst() >= 14, progress, cancel, deadline);
                    }
                    cancel.throwIfCancelled();
                    LOG.info("Backup {}: pg_dump finished, {} bytes, rows counted", runId, dump.sizeBytes());
                    commit(paths.partialArchive(), paths.archive());
                    if (globalsSha != null) {
                        commit(paths.partialGlobals(), paths.globals());
                    }
                    BackupRecord record = new BackupRecord(BackupRecord.SCHEMA_VERSION, Ids.newId(), profile.name(),
                            profile.host(), profile.port(), profile.database(), serverVersion, client.version().toString(),
                            options.format(), compressionOf(options), options, paths.archive().getFileName().toString(),
                            dump.sizeBytes(), databaseSize, dump.sha256(), dump.files(),
                            globalsSha == null ? null : paths.globals().getFileName().toString(), globalsSha,
                            started, Duration.between(started, clock.instant()).toMillis(), dump.tables(), options.label(),
                            BackupStatus.OK, null, request.origin(), false);
                    Sidecars.write(paths.sidecar(), record);
                    LOG.info("Backup {}: committed as {} ({})", runId, record.id(), paths.archive());
                    progress.report(new ProgressUpdate(1, "Done", dump.sizeBytes(), Duration.ZERO));
                    return record;
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Backup {}: failed, removing its files: {}", runId, e.getMessage());
                    deleteQuietly(leftovers);
                    throw asBackupDeskException(e);
                }
            }
        } catch (IOException e) {
            throw asBackupDeskException(e);
        }
    }

    private static String compressionOf(BackupOptions options) {
        return options.format() == io.backupdesk.core.BackupFormat.TAR ? "none" : options.compression().toString();
    }

    private static void createFolder(Path folder) {
        try {
            SecureFiles.createDirectories(folder);
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "Could not create the backup folder " + folder + ": " + e.getMessage(),
                    "Check that the backup root exists and is writable, or choose another one.", List.of(), e);
        }
    }

    /** Renames the finished partial into place, durably. */
    private static void commit(Path partial, Path finalPath) throws IOException {
        Files.move(partial, finalPath, StandardCopyOption.ATOMIC_MOVE);
        SecureFiles.fsyncDirectory(finalPath.getParent());
    }

    private static void deleteQuietly(List<Path> paths) {
        for (Path path : paths) {
            try {
                SecureFiles.deleteRecursively(path);
            } catch (IOException e) {
                // the interrupted-run cleanup at the next start retries what is left
            }
        }
    }

    private static BackupDeskException asBackupDeskException(Exception e) {
        if (e instanceof BackupDeskException bde) {
            return bde;
        }
        String message = String.valueOf(e.getMessage());
        ErrorKind kind = io.backupdesk.pg.ToolErrors.isDiskFull(message) ? ErrorKind.DISK_FULL : ErrorKind.IO;
        return new BackupDeskException(kind, kind == ErrorKind.DISK_FULL
                ? io.backupdesk.pg.ToolErrors.writeFailed(io.backupdesk.pg.ToolErrors.diskFullReason(message))
                : "Writing the backup failed: " + message,
                io.backupdesk.pg.ToolErrors.hintFor(kind), List.of(), e);
    }

    private JobRun jobRun(String runId, Request request, Instant started, JobStatus status, long size, String backupId,
                          BackupDeskException error) {
        return new JobRun(JobRun.SCHEMA_VERSION, runId, JobRun.KIND_BACKUP, request.profile().name(),
                request.profile().database(), request.origin(), started, status == null ? null : clock.instant(), status,
                size, backupId, error == null ? null : error.kind(), error == null ? null : error.getMessage());
    }
}
