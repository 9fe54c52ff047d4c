package io.backupdesk.backup;

import io.backupdesk.core.Cancellation;
import io.backupdesk.core.DaemonThreads;
import io.backupdesk.pg.ClientInstallation;
import io.backupdesk.pg.ClientTool;
import io.backupdesk.pg.ProcessRunner;
import io.backupdesk.pg.ToolCommand;
import io.backupdesk.pg.ToolErrors;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Reads an archive back in full while pg_dump writes it: a copy of the plaintext goes to {@code pg_restore}'s stdin,
 * which writes the whole script to nowhere, as {@link VerifyService} does with a file. An encrypted backup cannot be
 * read back later without its secret key, which a scheduled backup never has; this is its read-back.
 * <p>
 * Bounded: a few chunks wait at most, so a slow reader slows the dump rather than filling memory. A reader that
 * stopped early takes no more chunks but never blocks the writer.
 */
final class StreamedReadBack implements AutoCloseable {
    private static final byte[] END = new byte[0];
    private static final int QUEUED_CHUNKS = 32;

    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
    private final ExecutorService thread = Executors.newSingleThreadExecutor(DaemonThreads.named("streamed-read-back"));
    private final CompletableFuture<ProcessRunner.Result> result;
    private volatile boolean readerGone;
    private boolean ended;

    StreamedReadBack(ProcessRunner runner, ClientInstallation client, Cancellation cancel) {
        Map<String, String> env = new HashMap<>();
        env.put("LC_MESSAGES", "C");
        env.put("LC_ALL", null);
        ToolCommand command = ToolCommand.of(client.tool(ClientTool.PG_RESTORE).orElseThrow(), List.of("--file=-"), env);
        result = CompletableFuture.supplyAsync(() -> runner.run(command, this::feed, ProcessRunner.StdoutHandler.DISCARD,
                line -> { }, cancel, null, process -> { }), thread);
    }

    /** A copy of the next bytes pg_dump wrote. */
    void accept(byte[] buffer, int length) throws IOException {
        if (readerGone || length <= 0) {
            return;
        }
        byte[] copy = new byte[length];
        System.arraycopy(buffer, 0, copy, 0, length);
        put(copy);
    }

    /**
     * Ends the input and waits for pg_restore.
     *
     * @return empty when it read everything, else what it could not read
     */
    Optional<String> finish() throws IOException {
        end();
        ProcessRunner.Result done = result.join();
        return done.exitCode() == 0 ? Optional.empty()
                : Optional.of("pg_restore could not read it to the end as it was written: "
                + ToolErrors.errorLine(done.stderrTail()) + ".");
    }

    private void feed(OutputStream stdin) {
        try {
            while (true) {
                byte[] chunk = chunks.take();
                if (chunk == END) {
                    return;
                }
                stdin.write(chunk);
            }
        } catch (IOException e) {
            // pg_restore stopped reading; its exit code and message say why
            readerGone = true;
            chunks.clear();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            readerGone = true;
        }
    }

    private void put(byte[] chunk) throws IOException {
        try {
            while (!readerGone && !result.isDone()) {
                if (chunks.offer(chunk, 50, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the backup back", e);
        }
    }

    private void end() throws IOException {
        if (!ended) {
            ended = true;
            put(END);
        }
    }

    /** Stops pg_restore if the dump failed before {@link #finish}. */
    @Override
    public void close() {
        readerGone = true;
        chunks.clear();
        chunks.offer(END);
        thread.shutdown();
        try {
            result.join();
        } catch (RuntimeException e) {
            // the dump's own failure is the one to report
        }
    }
}
