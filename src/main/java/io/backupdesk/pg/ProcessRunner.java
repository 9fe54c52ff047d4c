package io.backupdesk.pg;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ErrorKind;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.Locale;

/**
 * Runs a client program to its end. stdin is closed at once, so a tool that would prompt gets EOF instead of
 * waiting. stderr is read line by line on its own thread into a bounded tail and a listener. Cancel and the deadline
 * are polled; either stops the process and its descendants (pg_dump's parallel workers), forcibly after a grace
 * period. Thread-safe; blocks the calling thread.
 */
public final class ProcessRunner {
    /** Consumes the program's stdout on a thread of its own; may throw to abort the run. */
    @FunctionalInterface
    public interface StdoutHandler {
        /** Sends stdout nowhere; the program writes its output itself. */
        StdoutHandler DISCARD = in -> { };

        void consume(InputStream stdout) throws IOException;
    }

    /** Writes the program's stdin on a thread of its own; the stream is closed after it returns. */
    @FunctionalInterface
    public interface StdinFeeder {
        /** Closes stdin at once, so a program that would prompt reads EOF instead of waiting. */
        StdinFeeder NONE = out -> { };

        void feed(OutputStream stdin) throws IOException;
    }

    /** How the program ended. {@code stderrTail} holds the last lines, oldest first. */
    public record Result(int exitCode, List<String> stderrTail) {
        public String lastLine() {
            return stderrTail.isEmpty() ? "" : stderrTail.get(stderrTail.size() - 1);
        }
    }

    private static final int TAIL_LINES = 60;
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 50;

    /**
     * Runs the command and waits for it.
     *
     * @param deadline when to give up with a {@code TIMEOUT} error; null for none
     * @throws BackupDeskException {@code CANCELLED}, {@code TIMEOUT}, {@code TOOL_MISSING}, or {@code IO} when the
     *                             stdout handler failed (e.g. disk full)
     */
    public Result run(ToolCommand command, StdoutHandler stdout, Consumer<String> stderrLines,
                      Cancellation cancel, Instant deadline) {
        return run(command, stdout, stderrLines, cancel, deadline, process -> { });
    }

    /**
     * Like {@link #run(ToolCommand, StdoutHandler, Consumer, Cancellation, Instant)}, telling {@code started} the
     * process as soon as it runs (e.g. to note its pid where a later start can find it).
     */
    public Result run(ToolCommand command, StdoutHandler stdout, Consumer<String> stderrLines,
                      Cancellation cancel, Instant deadline, Consumer<ProcessHandle> started) {
        return run(command, StdinFeeder.NONE, stdout, stderrLines, cancel, deadline, started);
    }

    /**
     * Like {@link #run(ToolCommand, StdoutHandler, Consumer, Cancellation, Instant, Consumer)}, feeding the program's
     * stdin from {@code stdin}. A failure of the feeder (e.g. a damaged compressed input) fails the run like a
     * failure of the stdout handler.
     */
    public Result run(ToolCommand command, StdinFeeder stdin, StdoutHandler stdout, Consumer<String> stderrLines,
                      Cancellation cancel, Instant deadline, Consumer<ProcessHandle> started) {
        ProcessBuilder builder = new ProcessBuilder(command.arguments());
        Map<String, String> env = builder.environment();
        command.environment().forEach((k, v) -> {
            if (v == null) {
                env.remove(k);
            } else {
                env.put(k, v);
            }
        });
        if (stdout == StdoutHandler.DISCARD) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.TOOL_MISSING, "Could not start " + command.toolName() + ": " + e.getMessage(),
                    InstallHints.clientTools("a recent"), List.of(), e);
        }
        if (stdin == StdinFeeder.NONE) {
            closeQuietly(process);
        }
        try {
            started.accept(process.toHandle());
        } catch (RuntimeException e) {
            destroyTree(process);
            throw e;
        }
        Deque<String> tail = new ArrayDeque<>();
        Thread errThread = startThread(command.toolName() + "-stderr", () -> readLines(process.getErrorStream(), tail, stderrLines));
        AtomicReference<Throwable> stdoutFailure = new AtomicReference<>();
        AtomicReference<Throwable> stdinFailure = new AtomicReference<>();
        Thread inThread = stdin == StdinFeeder.NONE ? null : startThread(command.toolName() + "-stdin", () -> {
            try (OutputStream out = process.getOutputStream()) {
                stdin.feed(out);
            } catch (Throwable t) {
                // a broken pipe means the program stopped reading: its exit code and stderr tell why
                if (!isBrokenPipe(t)) {
                    stdoutFailure.compareAndSet(null, t);
                    stdinFailure.set(t);
                }
            }
        });
        Thread outThread = stdout == StdoutHandler.DISCARD ? null : startThread(command.toolName() + "-stdout", () -> {
            try (InputStream in = process.getInputStream()) {
                stdout.consume(in);
            } catch (Throwable t) {
                stdoutFailure.compareAndSet(null, t);
            }
        });
        try {
            waitFor(process, cancel, deadline, stdoutFailure, command.toolName());
            join(inThread);
            join(outThread);
            join(errThread);
        } catch (RuntimeException e) {
            destroyTree(process);
            join(inThread);
            join(outThread);
            join(errThread);
            throw e;
        }
        Throwable failure = stdoutFailure.get();
        if (failure == null && process.exitValue() == 0) {
            failure = stdinFailure.get();
        }
        if (failure != null) {
            throw outputFailure(command.toolName(), failure, tailCopy(tail));
        }
        return new Result(process.exitValue(), tailCopy(tail));
    }

    private static void waitFor(Process process, Cancellation cancel, Instant deadline,
                                AtomicReference<Throwable> stdoutFailure, String tool) {
        try {
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (cancel.isCancelled()) {
                    throw BackupDeskException.cancelled();
                }
                if (deadline != null && Instant.now().isAfter(deadline)) {
                    throw new BackupDeskException(ErrorKind.TIMEOUT, tool + " did not finish within the time limit and was stopped.",
                            "Raise the timeout, or back up less at once (fewer tables, schema-only).");
                }
                if (stdoutFailure.get() != null) {
                    throw outputFailure(tool, stdoutFailure.get(), List.of());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BackupDeskException.cancelled();
        }
    }

    private static BackupDeskException outputFailure(String tool, Throwable failure, List<String> tail) {
        if (failure instanceof BackupDeskException bde) {
            return bde;
        }
        String message = String.valueOf(failure.getMessage());
        ErrorKind kind = ToolErrors.isDiskFull(message) ? ErrorKind.DISK_FULL : ErrorKind.IO;
        return new BackupDeskException(kind, kind == ErrorKind.DISK_FULL
                ? ToolErrors.writeFailed(ToolErrors.diskFullReason(message))
                : "Writing the output of " + tool + " failed: " + message,
                ToolErrors.hintFor(kind), tail, failure);
    }

    /** Stops the process and every descendant: politely first, forcibly after the grace period. */
    public static void destroyTree(Process process) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        long until = System.nanoTime() + GRACE.toNanos();
        for (ProcessHandle handle : all) {
            long left = until - System.nanoTime();
            try {
                if (left > 0) {
                    handle.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (Exception e) {
                // falls through to the forcible kill below
            }
            if (handle.isAlive()) {
                handle.destroyForcibly();
            }
        }
    }

    /** A program that stops reading (it failed, or was told to stop on error) breaks the pipe; that is its story. */
    /**
     * Whether writing failed because the program no longer reads: the pipe says so while the program is exiting, and
     * once the JDK has seen it exit it has swapped its stdin for a closed stream. Either is no failure of ours: a
     * program may stop reading early and still succeed, and its exit code tells.
     */
    private static boolean isBrokenPipe(Throwable t) {
        String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        return t instanceof IOException && (message.contains("pipe") || message.equals("stream closed"));
    }

    private static void readLines(InputStream stream, Deque<String> tail, Consumer<String> listener) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (tail) {
                    if (tail.size() == TAIL_LINES) {
                        tail.removeFirst();
                    }
                    tail.addLast(line);
                }
                try {
                    listener.accept(line);
                } catch (RuntimeException e) {
                    // a listener's bug must not stop the draining, or the tool blocks on a full pipe
                }
            }
        } catch (IOException e) {
            // the process went away; what we have is the tail
        }
    }

    private static List<String> tailCopy(Deque<String> tail) {
        synchronized (tail) {
            return List.copyOf(tail);
        }
    }

    private static Thread startThread(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void join(Thread thread) {
        if (thread == null) {
            return;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // nothing to close
        }
    }
}
