package io.backupdesk.backup;

import io.backupdesk.core.DaemonThreads;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.ByteSizes;
import io.backupdesk.core.Counts;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.Ids;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.ParallelJobs;
import io.backupdesk.core.Progress;
import io.backupdesk.core.ProgressUpdate;
import io.backupdesk.core.Verification;
import io.backupdesk.pg.ClientInstallation;
import io.backupdesk.pg.ClientTool;
import io.backupdesk.pg.Credentials;
import io.backupdesk.pg.DumpCommands;
import io.backupdesk.pg.PgEnvironment;
import io.backupdesk.pg.PgNamePattern;
import io.backupdesk.pg.PgVersion;
import io.backupdesk.pg.ServerInspector;
import io.backupdesk.pg.SnapshotSession;
import io.backupdesk.pg.ToolErrors;
import io.backupdesk.store.SecureFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * One backup, from login to sidecar. The order is chosen so that pg_dump starts as early as it can: one login, the
 * server's version, the client programs (searched for while logging in), the snapshot, then pg_dump; the rest happens
 * beside it. Until the sidecar is written every file of the run is a leftover to delete on failure; after it, nothing
 * may fail the run.
 */
final class BackupRun {
    private static final Logger LOG = LoggerFactory.getLogger(BackupRun.class);
    static final String READ_AS_WRITTEN = "Read back in full as it was written, before it was encrypted.";

    private final BackupService.Services services;
    private final BackupService.Request request;
    private final String runId;
    private final Instant started;
    private final Progress progress;
    private final Cancellation cancel;
    private final ConnectionProfile profile;
    private final BackupOptions options;
    private final String target;
    private final Instant deadline;
    private final ArchiveEncryption encryption;

    BackupRun(BackupService.Services services, BackupService.Request request, String runId, Instant started,
              Progress progress, Cancellation cancel) {
        this.services = services;
        this.request = request;
        this.runId = runId;
        this.started = started;
        this.progress = progress;
        this.cancel = cancel;
        this.profile = request.profile();
        this.options = request.options();
        this.target = profile.describe();
        this.deadline = options.timeout() == null ? null : started.plus(options.timeout());
        this.encryption = request.encryption();
    }

    BackupCatalog.Entry execute() {
        BackupService.checkOptions(options, encryption != null);
        Stream.of(options.schemas(), options.excludeSchemas(), options.tables(), options.excludeTables())
                .flatMap(List::stream).forEach(PgNamePattern::parse);
        services.tools().discovery().prefetch();
        Optional<String> password = request.runtimePassword().or(() -> services.credentials().storedPassword(profile));
        progress.report(ProgressUpdate.phase("Connecting to " + target));
        LOG.info("Backup {} ({}): connecting to {}", runId, request.origin(), target);
        BackupCatalog.Entry entry;
        try (ServerInspector inspector = new ServerInspector(
                services.connections().open(profile, profile.database(), password), target)) {
            PgVersion server = inspector.serverVersion();
            if (options.jobs() > 1) {
                ParallelJobs.checkAgainstServer(options.jobs(), inspector.freeConnections(), target);
            }
            ClientInstallation client = services.tools().forDump(server);
            ClientInstallation globalsClient = options.globals() ? services.tools().forDumpAll(server) : null;
            ClientInstallation readBackClient = encryption != null && request.verify() && options.format() != BackupFormat.PLAIN
                    ? services.tools().forRestore(ClientTool.PG_RESTORE, client.version()) : null;
            // built now only to refuse what this pg_dump cannot do (zstd before 16) before any file exists
            DumpCommands.pgDump(options, client.version(), null, null);
            LOG.info("Backup {}: PostgreSQL {}, pg_dump {} from {}", runId, server, client.version(), client.binDir());
            cancel.throwIfCancelled();
            BackupLayout.BackupPaths paths = reserve();
            entry = write(inspector, server, client, globalsClient, readBackClient, paths, password);
        }
        try {
            progress.report(new ProgressUpdate(1, "Done", entry.record().sizeBytes(), Duration.ZERO));
        } catch (RuntimeException e) {
            LOG.warn("Backup {}: the progress listener failed after the backup was complete", runId, e);
        }
        return entry;
    }

    private BackupLayout.BackupPaths reserve() {
        try {
            return services.layout().reserve(profile.name(), profile.database(),
                    LocalDateTime.ofInstant(started, services.clock().getZone()), options.label(), options.format(),
                    options.compression(), encryption != null);
        } catch (IOException e) {
            throw new BackupDeskException(ToolErrors.isDiskFull(String.valueOf(e.getMessage())) ? ErrorKind.DISK_FULL : ErrorKind.IO,
                    "Could not create the backup in " + services.layout().folderFor(profile.name(), profile.database())
                            + ": " + e.getMessage(),
                    "Check that the backup root exists and is writable, or choose another one.", List.of(), e);
        }
    }

    private BackupCatalog.Entry write(ServerInspector inspector, PgVersion server, ClientInstallation client,
                                      ClientInstallation globalsClient, ClientInstallation readBackClient,
                                      BackupLayout.BackupPaths paths, Optional<String> password) {
        List<Path> leftovers = List.of(paths.partialArchive(), paths.archive(), paths.partialGlobals(), paths.globals());
        ActiveRun active = register(paths, leftovers);
        Cancellation globalsCancel = cancel.child();
        ExecutorService globalsThread = Executors.newSingleThreadExecutor(DaemonThreads.named("globals-dump"));
        CompletableFuture<String> globals = CompletableFuture.completedFuture(null);
        try (Credentials.PassFile passFile = services.credentials().passFileFor(profile, request.runtimePassword(), runId);
             SnapshotSession snapshot = SnapshotSession.open(inspector.connection(), target, options.lockWaitTimeout());
             ProgressTicker.Monitor monitor = monitor(server, password)) {
            Map<String, String> env = PgEnvironment.forProfile(profile, passFile.path());
            if (globalsClient != null) {
                globals = CompletableFuture.supplyAsync(() -> dumpGlobals(globalsClient, env, paths, globalsCancel), globalsThread);
            }
            DumpRun.Result dump = new DumpRun(services.runner(), client, env, options, target, encryption, readBackClient)
                    .run(paths.partialArchive(), snapshot, inspector, monitor, progress, cancel, deadline,
                            process -> noteProcess(active, process));
            String globalsSha = join(globals);
            cancel.throwIfCancelled();
            commit(paths.partialArchive(), paths.archive());
            if (globalsSha != null) {
                commit(paths.partialGlobals(), paths.globals());
            }
            BackupRecord record = record(client, paths, dump, globalsSha);
            Sidecars.create(paths.sidecar(), record);
            active.settled();
            // the details pane shows this line beside the backup's own numbers: sized and grouped as they are
            LOG.info("Backup {}: committed as {}, {} ({} bytes), {}", runId, record.id(), ByteSizes.format(record.sizeBytes()),
                    Counts.format(record.sizeBytes()), paths.archive());
            return new BackupCatalog.Entry(record, paths.sidecar(), BackupStatus.OK);
        } catch (IOException | RuntimeException e) {
            if (e instanceof BackupDeskException) {
                LOG.warn("Backup {}: failed, removing its files: {}", runId, e.getMessage());
            } else {
                LOG.warn("Backup {}: failed, removing its files", runId, e);
            }
            globalsCancel.cancel();
            globalsThread.shutdown();
            awaitQuietly(globals);
            if (deleteAll(leftovers)) {
                active.settled();
            }
            throw e instanceof IOException io ? BackupService.writeFailure(io) : (RuntimeException) e;
        } finally {
            globalsThread.shutdownNow();
            closeQuietly(active);
        }
    }

    private ActiveRun register(BackupLayout.BackupPaths paths, List<Path> leftovers) {
        try {
            return services.runs().begin(BackupService.jobRun(runId, request, started, null, 0, null, null,
                    services.clock()), leftovers, paths.sidecar());
        } catch (IOException e) {
            deleteAll(leftovers);
            throw BackupService.writeFailure(e);
        }
    }

    private ProgressTicker.Monitor monitor(PgVersion server, Optional<String> password) {
        if (server.majorFirst() < 14 || progress == Progress.NONE) {
            return ProgressTicker.Monitor.NONE;
        }
        return new CopyProgressMonitor(() -> new ServerInspector(
                services.connections().open(profile, profile.database(), password), target));
    }

    private static void noteProcess(ActiveRun active, ProcessHandle process) {
        try {
            active.started(process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String dumpGlobals(ClientInstallation client, Map<String, String> env, BackupLayout.BackupPaths paths,
                               Cancellation globalsCancel) {
        try {
            return new GlobalsDump(services.runner()).dump(client, env, profile.database(), paths.partialGlobals(),
                    encryption, target, globalsCancel, deadline);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BackupRecord record(ClientInstallation client, BackupLayout.BackupPaths paths, DumpRun.Result dump,
                                String globalsSha) {
        SnapshotFacts facts = dump.facts();
        return BackupRecord.builder().id(Ids.newId())
                .profile(profile.name()).host(profile.host()).port(profile.port()).database(profile.database())
                .serverVersion(facts.serverVersion()).pgDumpVersion(client.version().toString())
                .format(options.format())
                .compression(options.format() == BackupFormat.TAR ? "none" : options.compression().toString())
                .options(options)
                .fileName(paths.archive().getFileName().toString()).sizeBytes(dump.sizeBytes())
                .databaseSizeBytes(facts.databaseSize()).sha256(dump.sha256()).files(dump.files())
                .globalsFile(globalsSha == null ? null : paths.globals().getFileName().toString())
                .globalsSha256(globalsSha)
                .createdAt(started).durationMillis(Duration.between(started, services.clock().instant()).toMillis())
                .tables(facts.counts()).label(options.label()).status(BackupStatus.OK).origin(request.origin())
                .encrypted(encryption != null).recipients(encryption == null ? List.of() : encryption.recipients())
                .set(request.set())
                .verification(readInFullAsWritten() ? new Verification(BackupStatus.VERIFIED, services.clock().instant(),
                        READ_AS_WRITTEN) : null)
                .build();
    }

    /**
     * An encrypted backup is read back as it is written (archives by pg_restore, plain SQL up to pg_dump's completion
     * marker), since nothing here can decrypt it later without its secret key.
     */
    private boolean readInFullAsWritten() {
        return encryption != null && request.verify();
    }

    /** Renames the finished partial into place, durably. Its name was reserved, so nothing is replaced. */
    private static void commit(Path partial, Path finalPath) throws IOException {
        Files.move(partial, finalPath, StandardCopyOption.ATOMIC_MOVE);
        SecureFiles.fsyncDirectory(finalPath.getParent());
    }

    private static String join(CompletableFuture<String> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw BackupService.writeFailure(io.getCause());
            }
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
        }
    }

    /** Waits for a helper that was told to stop, so that it writes nothing after the cleanup. */
    private static void awaitQuietly(CompletableFuture<?> future) {
        try {
            future.join();
        } catch (RuntimeException e) {
            // its failure, if any, is not the one to report
        }
    }

    /** Deletes what the run wrote; false if something stayed, which the next start then removes. */
    private static boolean deleteAll(List<Path> paths) {
        boolean all = true;
        for (Path path : paths) {
            try {
                SecureFiles.deleteRecursively(path);
            } catch (IOException e) {
                LOG.warn("Could not remove {}: {}", path, e.getMessage());
                all = false;
            }
        }
        return all;
    }

    private void closeQuietly(ActiveRun active) {
        try {
            active.close();
        } catch (IOException e) {
            LOG.warn("Backup {}: could not release its run marker: {}", runId, e.getMessage());
        }
    }
}
