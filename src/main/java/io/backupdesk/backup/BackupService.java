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
import io.backupdesk.pg.DumpCommands;
import io.backupdesk.pg.PgEnvironment;
import io.backupdesk.pg.PgNamePattern;
import io.backupdesk.pg.PgVersion;
import io.backupdesk.pg.ProcessRunner;
import io.backupdesk.pg.ServerInspector;
import io.backupdesk.pg.SnapshotSession;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

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
     * @return the new backup as the catalog lists it
     * @throws BackupDeskException with a message and a hint; {@code CANCELLED} after {@code cancel} fired
     */
    public BackupCatalog.Entry backup(Request request, Progress progress, Cancellation cancel) {
        Instant started = clock.instant();
        String runId = Ids.newId();
        try {
            BackupCatalog.Entry entry = run(runId, started, request, progress, cancel);
            BackupRecord record = entry.record();
            history.append(jobRun(runId, request, started, JobStatus.OK, record.sizeBytes(), record.id(), null));
            return entry;
        } catch (BackupDeskException e) {
            if (e.kind() != ErrorKind.CONFIGURATION) {
                JobStatus status = e.kind() == ErrorKind.CANCELLED ? JobStatus.CANCELLED : JobStatus.FAILED;
                history.append(jobRun(runId, request, started, status, 0, null, e));
            }
            throw e;
        }
    }

    /**
     * The order is chosen so that pg_dump starts as early as it can: one login, the server's version, the client
     * programs (searched for while logging in), the snapshot, then pg_dump. Everything else happens beside it.
     */
    private BackupCatalog.Entry run(String runId, Instant started, Request request, Progress progress, Cancellation cancel) {
        ConnectionProfile profile = request.profile();
        BackupOptions options = request.options();
        String target = profile.describe();
        Instant deadline = options.timeout() == null ? null : started.plus(options.timeout());
        Stream.of(options.schemas(), options.excludeSchemas(), options.tables(), options.excludeTables())
                .flatMap(List::stream).forEach(PgNamePattern::parse);
        tools.discovery().prefetch();
        Optional<String> password = request.runtimePassword().or(() -> credentials.storedPassword(profile));
        progress.report(ProgressUpdate.phase("Connecting to " + target));
        LOG.info("Backup {}: connecting to {}", runId, target);
        try (ServerInspector inspector = new ServerInspector(connections.open(profile, profile.database(), password), target)) {
            PgVersion server = inspector.serverVersion();
            ClientInstallation client = tools.forDump(server);
            ClientInstallation globalsClient = options.globals() ? tools.forDumpAll(server) : null;
            DumpCommands.pgDump(options, client.version(), null, null);
            LOG.info("Backup {}: PostgreSQL {}, pg_dump {} from {}", runId, server, client.version(), client.binDir());
            cancel.throwIfCancelled();
            BackupLayout.BackupPaths paths = layout.allocate(profile.name(), profile.database(),
                    LocalDateTime.ofInstant(started, clock.getZone()), options.label(), options.format(), options.compression());
            List<Path> leftovers = List.of(paths.partialArchive(), paths.archive(), paths.partialGlobals(), paths.globals());
            createFolder(paths.folder());
            try (RunRegistry.ActiveRun active = runs.begin(jobRun(runId, request, started, null, 0, null, null), leftovers, paths.sidecar());
                 Credentials.PassFile passFile = credentials.passFileFor(profile, request.runtimePassword(), runId);
                 SnapshotSession snapshot = SnapshotSession.open(inspector.connection(), target, options.lockWaitTimeout());
                 ProgressTicker.Monitor monitor = server.majorFirst() >= 14 && progress != Progress.NONE
                         ? new CopyProgressMonitor(() -> new ServerInspector(connections.open(profile, profile.database(), password), target))
                         : ProgressTicker.Monitor.NONE) {
                try {
                    Map<String, String> env = PgEnvironment.forProfile(profile, passFile.path());
                    CompletableFuture<String> globals = globalsClient == null ? CompletableFuture.completedFuture(null)
                            : CompletableFuture.supplyAsync(() -> dumpGlobals(globalsClient, env, profile, paths, target, cancel, deadline));
                    DumpRun.Result dump = new DumpRun(runner, client, env, options, target)
                            .run(paths.partialArchive(), snapshot, inspector, monitor, progress, cancel, deadline);
                    String globalsSha = join(globals);
                    cancel.throwIfCancelled();
                    commit(paths.partialArchive(), paths.archive());
                    if (globalsSha != null) {
                        commit(paths.partialGlobals(), paths.globals());
                    }
                    BackupRecord record = record(request, started, client, paths, dump, globalsSha);
                    Sidecars.write(paths.sidecar(), record);
                    LOG.info("Backup {}: committed as {}, {} bytes ({})", runId, record.id(), record.sizeBytes(), paths.archive());
                    progress.report(new ProgressUpdate(1, "Done", dump.sizeBytes(), Duration.ZERO));
                    return new BackupCatalog.Entry(record, paths.sidecar(), BackupStatus.OK);
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

    private BackupRecord record(Request request, Instant started, ClientInstallation client, BackupLayout.BackupPaths paths,
                                DumpRun.Result dump, String globalsSha) {
        ConnectionProfile profile = request.profile();
        BackupOptions options = request.options();
        SnapshotFacts facts = dump.facts();
        return new BackupRecord(BackupRecord.SCHEMA_VERSION, Ids.newId(), profile.name(), profile.host(), profile.port(),
                profile.database(), facts.serverVersion(), client.version().toString(), options.format(),
                compressionOf(options), options, paths.archive().getFileName().toString(), dump.sizeBytes(),
                facts.databaseSize(), dump.sha256(), dump.files(),
                globalsSha == null ? null : paths.globals().getFileName().toString(), globalsSha,
                started, Duration.between(started, clock.instant()).toMillis(), facts.counts(), options.label(),
                BackupStatus.OK, null, request.origin(), false);
    }

    private String dumpGlobals(ClientInstallation client, Map<String, String> env, ConnectionProfile profile,
                               BackupLayout.BackupPaths paths, String target, Cancellation cancel, Instant deadline) {
        try {
            return new GlobalsDump(runner).dump(client, env, profile.database(), paths.partialGlobals(), target, cancel, deadline);
        } catch (IOException e) {
            throw asBackupDeskException(e);
        }
    }

    private static String join(CompletableFuture<String> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
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
