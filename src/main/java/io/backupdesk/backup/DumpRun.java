package io.backupdesk.backup;

import io.backupdesk.core.DaemonThreads;
import java.util.List;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.Progress;
import io.backupdesk.pg.ArchiveToc;
import io.backupdesk.pg.ClientInstallation;
import io.backupdesk.pg.ClientTool;
import io.backupdesk.pg.DumpCommands;
import io.backupdesk.pg.ProcessRunner;
import io.backupdesk.pg.ServerInspector;
import io.backupdesk.pg.SnapshotSession;
import io.backupdesk.pg.ToolCommand;
import io.backupdesk.pg.ToolErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One pg_dump run into a partial file or folder. pg_dump starts as soon as the snapshot is exported; everything else
 * happens beside it: another thread lists the dumped tables and counts their rows in that same snapshot, a ticker
 * reports progress, and the archive is hashed while it streams through us. A failure of the counting stops pg_dump.
 */
final class DumpRun {
    /** What the run produced. {@code files} is filled for the directory format only. */
    record Result(String sha256, Map<String, String> files, long sizeBytes, SnapshotFacts facts) { }

    private static final Logger LOG = LoggerFactory.getLogger(DumpRun.class);
    /** pg_restore before 12 cannot restore out of order from an archive without data offsets, as piped ones are. */
    private static final int STREAMING_SINCE = 12;

    private final ProcessRunner runner;
    private final ClientInstallation client;
    private final Map<String, String> env;
    private final BackupOptions options;
    private final String target;
    private final ArchiveEncryption encryption;
    private final ClientInstallation readBackClient;

    /**
     * @param encryption     null to write the archive unencrypted
     * @param readBackClient the pg_restore that reads an encrypted archive back as it is written; null for none
     */
    DumpRun(ProcessRunner runner, ClientInstallation client, Map<String, String> env, BackupOptions options, String target,
            ArchiveEncryption encryption, ClientInstallation readBackClient) {
        this.runner = runner;
        this.client = client;
        this.env = env;
        this.options = options;
        this.target = target;
        this.encryption = encryption;
        this.readBackClient = readBackClient;
    }

    /**
     * @param partial the reserved partial archive: an empty file, or an empty folder for the directory format
     * @param started told pg_dump's process as soon as it runs
     */
    Result run(Path partial, SnapshotSession snapshot, ServerInspector inspector, ProgressTicker.Monitor monitor,
               Progress progress, Cancellation cancel, Instant deadline, Consumer<ProcessHandle> started) throws IOException {
        BackupFormat format = options.format();
        // an encrypted archive must pass through us, whatever pg_restore may later restore out of order
        boolean streamed = format != BackupFormat.DIRECTORY && (client.version().majorFirst() >= STREAMING_SINCE
                || encryption != null) || format == BackupFormat.PLAIN;
        AtomicLong written = new AtomicLong();
        StreamedReadBack readBack = readBackClient != null && format != BackupFormat.PLAIN
                ? new StreamedReadBack(runner, readBackClient, cancel) : null;
        boolean reconcile = format != BackupFormat.PLAIN && options.dumpsRows();
        TocTap tocTap = encryption != null && reconcile ? new TocTap(partial.getFileName()) : null;
        ArchiveWriter writer = streamed ? new ArchiveWriter(partial, format == BackupFormat.PLAIN ? options.compression() : null,
                written, encryption, readBack, tocTap) : null;
        DumpProgress tracker = new DumpProgress(options.jobs() > 1);
        List<String> args = DumpCommands.pgDump(options, client.version(), streamed ? null : partial, snapshot.snapshotId());
        Cancellation dumpCancel = cancel.child();
        ExecutorService snapshotThread = Executors.newSingleThreadExecutor(DaemonThreads.named("snapshot-facts"));
        LongSupplier size = () -> streamed ? written.get() : ArchiveFiles.sizeOf(partial);
        try (ProgressTicker ticker = new ProgressTicker(tracker, monitor, progress, size);
             SizeLimit limit = new SizeLimit(options.maxSizeBytes(), size, dumpCancel)) {
            CompletableFuture<SnapshotFacts> facts = CompletableFuture.supplyAsync(
                    () -> SnapshotFacts.gather(inspector, snapshot, options, tracker::tablesKnown), snapshotThread);
            facts.whenComplete((ok, failure) -> {
                if (failure != null) {
                    dumpCancel.cancel();
                }
            });
            ProcessRunner.Result result;
            try {
                result = runDump(args, writer, tracker, snapshot, facts, cancel, dumpCancel, deadline, started);
            } catch (BackupDeskException e) {
                limit.throwIfExceeded();
                throw e;
            }
            limit.throwIfExceeded();
            LOG.info("pg_dump exited with {}", result.exitCode());
            if (result.exitCode() != 0) {
                // Ctrl+C in a terminal reaches pg_dump too, which then exits on its own before we stop it
                cancel.throwIfCancelled();
                throw ToolErrors.classify("pg_dump", result, target);
            }
            tracker.dataDone();
            ticker.reportNow();
            if (format == BackupFormat.PLAIN && !writer.sawCompletionMarker()) {
                throw new BackupDeskException(ErrorKind.TOOL_FAILED, "pg_dump ended without writing its completion marker; the dump is incomplete.",
                        ToolErrors.hintFor(ErrorKind.TOOL_FAILED), result.stderrTail(), null);
            }
            if (readBack != null) {
                Optional<String> unread = readBack.finish();
                if (unread.isPresent()) {
                    throw new BackupDeskException(ErrorKind.TOOL_FAILED, "The backup could not be read back: " + unread.get()
                            + " It was not kept.", ToolErrors.hintFor(ErrorKind.TOOL_FAILED), result.stderrTail(), null);
                }
            }
            SnapshotFacts gathered = await(facts, snapshot, cancel, deadline);
            ArchiveFiles.Sealed sealed = streamed ? new ArchiveFiles.Sealed(writer.sha256(), Map.of(), written.get())
                    : ArchiveFiles.seal(partial);
            limit.throwIfExceeded(sealed.sizeBytes());
            if (sealed.sizeBytes() == 0) {
                throw new BackupDeskException(ErrorKind.TOOL_FAILED, "pg_dump reported success but wrote nothing.",
                        ToolErrors.hintFor(ErrorKind.TOOL_FAILED), result.stderrTail(), null);
            }
            SnapshotFacts checked = !reconcile ? gathered : gathered.withCounts(TocReconciler.reconcile(
                    tocTap != null ? tocTap.toc() : ArchiveToc.read(partial), gathered.counts(), snapshot, inspector));
            return new Result(sealed.sha256(), sealed.files(), sealed.sizeBytes(), checked);
        } finally {
            if (readBack != null) {
                readBack.close();
            }
            if (tocTap != null) {
                tocTap.close();
            }
            // stops a count still running after a failure; the transaction ends when the session closes
            snapshot.cancel();
            snapshotThread.shutdownNow();
            awaitTermination(snapshotThread);
        }
    }

    private static void awaitTermination(ExecutorService executor) {
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs pg_dump; if the snapshot work failed and stopped it, that failure is the one to report. */
    private ProcessRunner.Result runDump(List<String> args, ArchiveWriter writer, DumpProgress tracker, SnapshotSession snapshot,
                                        Future<SnapshotFacts> facts, Cancellation cancel, Cancellation dumpCancel,
                                        Instant deadline, Consumer<ProcessHandle> started) {
        try {
            return runner.run(ToolCommand.of(client.tool(ClientTool.PG_DUMP).orElseThrow(), args, env),
                    writer == null ? ProcessRunner.StdoutHandler.DISCARD : writer, tracker::onStderr, dumpCancel, deadline,
                    started);
        } catch (BackupDeskException e) {
            if (e.kind() == ErrorKind.CANCELLED && !cancel.isCancelled() && facts.isDone()) {
                await(facts, snapshot, cancel, deadline);
            }
            throw e;
        }
    }

    private static SnapshotFacts await(Future<SnapshotFacts> facts, SnapshotSession snapshot, Cancellation cancel,
                                       Instant deadline) {
        while (true) {
            try {
                return facts.get(50, TimeUnit.MILLISECONDS);
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
}
