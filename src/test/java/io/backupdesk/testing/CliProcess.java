package io.backupdesk.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged CLI in a JVM of its own, for what only a separate process can show: crashes, limits, locks. */
public final class CliProcess {
    /** How a finished run ended. */
    public record Outcome(int exitCode, String stdout, String stderr) { }

    private CliProcess() { }

    public static Path jar() {
        String jar = System.getProperty("backupdesk.jar");
        if (jar == null) {
            throw new IllegalStateException("Run through failsafe (./mvnw verify): it sets backupdesk.jar to the packaged jar.");
        }
        return Path.of(jar);
    }

    /** The java command line for the CLI with these arguments, state isolated under configDir. */
    public static List<String> command(Path configDir, Path backupRoot, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toString(), "--config-dir", configDir.toString(), "--backup-root", backupRoot.toString()));
        command.addAll(List.of(args));
        return command;
    }

    public static Process start(List<String> command, Path outputDir) throws IOException {
        return new ProcessBuilder(command)
                .redirectOutput(outputDir.resolve("stdout.txt").toFile())
                .redirectError(outputDir.resolve("stderr.txt").toFile())
                .start();
    }

    public static Outcome run(List<String> command) throws IOException, InterruptedException {
        return run(command, null);
    }

    /** @param workingDir the folder the CLI starts in, as a shell's current folder; null for this JVM's */
    public static Outcome run(List<String> command, Path workingDir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(workingDir == null ? null : workingDir.toFile()).start();
        process.getOutputStream().close();
        var stderr = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String stdout = read(process.getInputStream());
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the CLI did not finish: " + command);
        }
        return new Outcome(process.exitValue(), stdout, stderr.join());
    }

    /** Runs the command in bash under a file size limit, as a full disk would stop it. */
    public static List<String> withFileSizeLimit(int kilobytes, List<String> command) {
        StringBuilder line = new StringBuilder("trap '' XFSZ; ulimit -f " + kilobytes + "; exec");
        command.forEach(part -> line.append(" '").append(part.replace("'", "'\\''")).append("'"));
        return List.of("bash", "-c", line.toString());
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
