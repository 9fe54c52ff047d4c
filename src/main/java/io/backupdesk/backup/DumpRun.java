package io.backupdesk.backup;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.DumpScope;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.Progress;
import io.backupdesk.core.TableCount;
import io.backupdesk.pg.ArchiveToc;
import io.backupdesk.pg.ClientInstallation;
import io.backupdesk.pg.ClientTool;
import io.backupdesk.pg.DumpCommands;
import io.backupdesk.pg.ProcessRunner;
import io.backupdesk.pg.ServerInspector;
import io.backupdesk.pg.SnapshotSession;
import io.backupdesk.pg.TableInfo;
import io.backupdesk.pg.ToolCommand;
import io.backupdesk.pg.ToolErrors;
import io.backupdesk.store.SecureFiles;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One pg_dump run into a partial file or folder: pg_dump dumps the exported snapshot while another thread counts the
 * rows of every dumped table in that same snapshot, and a ticker reports progress. Afterwards the archive is fsynced
 * and hashed, and for archive formats the counted tables are checked against the archive's own table of contents.
 */
final class DumpRun {
    /** What the run produced. {@code files} is filled for the directory format only. */
    record Result(String sha256, Map<String, String> files, long sizeBytes, List<TableCount> tables) { }

    private static final long TICK_MILLIS = 500;

    private final ProcessRunner runner;
    private final ClientInstallation client;
    private final Map<String, String> env;
    private final BackupOptions options;
    private final String target;

    DumpRun(ProcessRunner runner, ClientInstallation client, Map<String, String> env, BackupOptions options, String target) {
        this.runner = runner;
        this.client = client;
        this.env = env;
        this.options = options;
        this.target = target;
    }

    Result run(Path partial, List<TableInfo> tables, SnapshotSession snapshot, ServerInspector inspector,
               boolean copyProgress, Progress progress, Cancellation cancel, Instant deadline) throws IOException {
        BackupFormat format = options.format();
        if (format == BackupFormat.DIRECTORY) {
            SecureFiles.createDirectories(partial);
        } else {
            SecureFiles.createNewFile(partial);
        }
        AtomicLong streamed = new AtomicLong();
        PlainDumpWriter plain = format == BackupFormat.PLAIN ? new PlainDumpWriter(partial, options.compression(), streamed) : null;
        DumpProgress tracker = new DumpProgress(options.scope() == DumpScope.SCHEMA_ONLY ? List.of() : tables, options.jobs() > 1);
        List<String> args = DumpCommands.pgDump(options, client.version(), plain == null ? partial : null, snapshot.snapshotId());
        ExecutorService counter = Executors.newSingleThreadExecutor(daemon("row-counter"));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("dump-progress"));
        try {
            Future<List<TableCount>> counts = options.scope() == DumpScope.SCHEMA_ONLY
                    ? java.util.concurrent.CompletableFuture.completedFuture(withoutRows(tables))
                    : counter.submit(() -> snapshot.countRows(tables));
            ticker.scheduleWithFixedDelay(() -> tick(tracker, inspector, copyProgress, partial, streamed, progress),
                    0, TICK_MILLIS, TimeUnit.MILLISECONDS);
            ProcessRunner.Result result;
            try {
                result = runner.run(ToolCommand.of(client.tool(ClientTool.PG_DUMP).orElseThrow(), args, env),
                        plain == null ? ProcessRunner.StdoutHandler.DISCARD : plain, tracker::onStderr, cancel, deadline);
            } catch (BackupDeskException e) {
                snapshot.cancel();
                throw e;
            }
            LoggerFactory.getLogger(DumpRun.class).info("pg_dump exited with {}", result.exitCode());
            ticker.shutdownNow();
            awaitTermination(ticker);
            if (result.exitCode() != 0) {
                snapshot.cancel();
                throw ToolErrors.classify("pg_dump", result, target);
            }
            tracker.dataDone();
            progress.report(tracker.snapshot(bytesOf(partial, streamed)));
            if (plain != null && !plain.sawCompletionMarker()) {
                throw new BackupDeskException(ErrorKind.TOOL_FAILED, "pg_dump ended without writing its completion marker; the dump is incomplete.",
                        ToolErrors.hintFor(ErrorKind.TOOL_FAILED), result.stderrTail(), null);
            }
            List<TableCount> rows = await(counts, snapshot, cancel, deadline);
            LoggerFactory.getLogger(DumpRun.class).info("row counts ready");
            Result written = seal(partial, format, plain, streamed);
            LoggerFactory.getLogger(DumpRun.class).info("archive sealed and hashed");
            if (written.sizeBytes() == 0) {
                throw new BackupDeskException(ErrorKind.TOOL_FAILED, "pg_dump reported success but wrote nothing.",
                        ToolErrors.hintFor(ErrorKind.TOOL_FAILED), result.stderrTail(), null);
            }
            List<TableCount> checked = format == BackupFormat.PLAIN || options.scope() == DumpScope.SCHEMA_ONLY
                    ? rows : reconcile(partial, rows, snapshot, inspector, cancel, deadline);
            return new Result(written.sha256(), written.files(), written.sizeBytes(), checked);
        } finally {
            ticker.shutdownNow();
            counter.shutdownNow();
            awaitTermination(ticker);
        }
    }

    private void tick(DumpProgress tracker, ServerInspector inspector, boolean copyProgress, Path partial,
                      AtomicLong streamed, Progress progress) {
        try {
            if (copyProgress) {
                tracker.onCopyProgress(inspector.copyProgress());
            }
            progress.report(tracker.snapshot(bytesOf(partial, streamed)));
        } catch (RuntimeException e) {
            // progress is best effort; the run itself reports real failures
        }
    }

    private long bytesOf(Path partial, AtomicLong streamed) {
        if (options.format() == BackupFormat.PLAIN) {
            return streamed.get();
        }
        try {
            if (Files.isDirectory(partial)) {
                try (Stream<Path> files = Files.list(partial)) {
                    return files.mapToLong(DumpRun::sizeOrZero).sum();
                }
            }
            return Files.size(partial);
        } catch (IOException e) {
            return 0;
        }
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<TableCount> await(Future<List<TableCount>> counts, SnapshotSession snapshot, Cancellation cancel,
                                          Instant deadline) {
        while (true) {
            try {
                return counts.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (cancel.isCancelled() || deadline != null && Instant.now().isAfter(deadline)) {
                    snapshot.cancel();
                    throw cancel.isCancelled() ? BackupDeskException.cancelled()
                            : new BackupDeskException(ErrorKind.TIMEOUT, "Counting rows did not finish within the time limit.",
                            "Raise the timeout.");
                }
            } catch (ExecutionException e) {
                throw e.getCause() instanceof BackupDeskException bde ? bde
                        : new BackupDeskException(ErrorKind.TOOL_FAILED, "Counting rows failed: " + e.getCause().getMessage(),
                        ToolErrors.hintFor(ErrorKind.TOOL_FAILED), List.of(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                snapshot.cancel();
                throw BackupDeskException.cancelled();
            }
        }
    }

    /** Makes the archive durable and computes its checksum (streamed already for plain). */
    private static Result seal(Path partial, BackupFormat format, PlainDumpWriter plain, AtomicLong streamed) throws IOException {
        if (plain != null) {
            return new Result(plain.sha256(), Map.of(), streamed.get(), List.of());
        }
        if (format == BackupFormat.DIRECTORY) {
            long size = 0;
            try (Stream<Path> files = Files.list(partial)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    SecureFiles.restrictToOwner(file);
                    SecureFiles.fsync(file);
                    size += Files.size(file);
                }
            }
            SecureFiles.fsyncDirectory(partial);
            Map<String, String> files = Sha256.ofFolderFiles(partial);
            return new Result(Sha256.ofManifest(files), files, size, List.of());
        }
        SecureFiles.fsync(partial);
        return new Result(Sha256.ofFile(partial), Map.of(), Files.size(partial), List.of());
    }

    /**
     * The archive's table of contents is the truth about which tables it holds: count any table pg_dump took that our
     * selection did not predict, and drop any it did not take.
     */
    private List<TableCount> reconcile(Path partial, List<TableCount> counted, SnapshotSession snapshot,
                                       ServerInspector inspector, Cancellation cancel, Instant deadline) {
        var pgRestore = client.tool(ClientTool.PG_RESTORE);
        if (pgRestore.isEmpty()) {
            return counted;
        }
        List<String> lines = new ArrayList<>();
        ProcessRunner.Result listed = runner.run(ToolCommand.of(pgRestore.get(), List.of("--list", partial.toString()), env),
                in -> new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().forEach(lines::add),
                line -> { }, cancel, deadline);
        if (listed.exitCode() != 0) {
            throw ToolErrors.classify("pg_restore --list", listed, "the new archive");
        }
        ArchiveToc toc = ArchiveToc.parse(lines);
        Set<String> inArchive = toc.tableData().stream().map(e -> e.schema() + "." + e.name()).collect(Collectors.toSet());
        Map<String, TableCount> byName = new HashMap<>();
        counted.forEach(c -> byName.put(c.qualifiedName(), c));
        List<Long> missing = toc.tableData().stream()
                .filter(e -> !byName.containsKey(e.schema() + "." + e.name()))
                .map(ArchiveToc.DataEntry::oid).toList();
        List<TableCount> result = new ArrayList<>(counted.stream().filter(c -> inArchive.contains(c.qualifiedName())).toList());
        if (!missing.isEmpty()) {
            result.addAll(snapshot.countRows(inspector.tablesByOid(missing)));
        }
        result.sort(java.util.Comparator.comparing(TableCount::schema).thenComparing(TableCount::name));
        return result;
    }

    private static List<TableCount> withoutRows(List<TableInfo> tables) {
        return tables.stream().map(t -> new TableCount(t.schema(), t.name(), null)).toList();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static void awaitTermination(ExecutorService executor) {
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
