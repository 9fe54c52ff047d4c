package io.backupdesk.crypto;

import io.backupdesk.core.ShellQuoting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs the real {@code age} and {@code age-keygen} (the Debian package age). age reads a passphrase from the
 * terminal only, never from standard input, so {@link #atTerminal} runs it under util-linux {@code script}, which
 * gives it a pseudo-terminal and types our lines into it: headless and the same on every Linux CI machine.
 */
final class AgeTool {
    private static final long TIMEOUT_SECONDS = 120;

    /** What the tool did; at a terminal, stdout also carries its prompts and messages. */
    record Result(int exitCode, byte[] stdout, String stderr) {
        String output() {
            return new String(stdout, StandardCharsets.UTF_8) + stderr;
        }
    }

    private AgeTool() { }

    /** Fails with the way to get the tools when they are missing, so a missing install never passes as a skip. */
    static void requireInstalled() {
        for (String tool : List.of("age", "age-keygen", "script")) {
            Result result = run(List.of("sh", "-c", "command -v " + tool), new byte[0]);
            if (result.exitCode() != 0) {
                throw new IllegalStateException("The interoperability tests need '" + tool
                        + "' on the PATH: apt-get install age (script is in util-linux/bsdutils).");
            }
        }
    }

    static Result run(List<String> command, byte[] stdin) {
        try {
            Process process = new ProcessBuilder(command).start();
            CompletableFuture<byte[]> stdout = drain(process.getInputStream());
            CompletableFuture<byte[]> stderr = drain(process.getErrorStream());
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin);
            }
            return finish(process, stdout, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the command at a pseudo-terminal and types each line (then Enter). Standard input stays open until the
     * command ends, so {@code script} never passes an end-of-file to a prompt that comes late.
     */
    static Result atTerminal(List<String> command, String... typed) {
        String line = command.stream().map(ShellQuoting::quote).collect(Collectors.joining(" "));
        List<String> script = new ArrayList<>(List.of("script", "--quiet", "--return", "--command", line, "/dev/null"));
        try {
            Process process = new ProcessBuilder(script).start();
            CompletableFuture<byte[]> stdout = drain(process.getInputStream());
            CompletableFuture<byte[]> stderr = drain(process.getErrorStream());
            OutputStream in = process.getOutputStream();
            for (String text : typed) {
                in.write((text + "\n").getBytes(StandardCharsets.UTF_8));
            }
            in.flush();
            Result result = finish(process, stdout, stderr);
            in.close();
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Result finish(Process process, CompletableFuture<byte[]> stdout, CompletableFuture<byte[]> stderr) {
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("The age tool did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), stdout.join(), new String(stderr.join(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                stream.transferTo(all);
                return all.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, task -> {
            // a thread of its own: a shared pool could run both drains one after the other and block the tool
            Thread thread = new Thread(task, "age-tool-output");
            thread.setDaemon(true);
            thread.start();
        });
    }
}
