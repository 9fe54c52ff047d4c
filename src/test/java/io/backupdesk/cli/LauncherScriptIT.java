package io.backupdesk.cli;

import io.backupdesk.testing.CliProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/backupdesk}, the command of a built checkout, and its class-data archive: an aid to the start, never a
 * condition of it. Whatever the archive's state, the command runs, and its output and exit code are its own.
 */
class LauncherScriptIT {
    private static final Path LAUNCHER = CliProcess.jar().toAbsolutePath().getParent().getParent()
            .resolve("bin/backupdesk");

    /** A cache folder with the archive the launcher recorded, copied for the tests that spoil it. */
    @TempDir
    static Path recorded;

    @TempDir
    Path dir;

    @BeforeAll
    static void recordAnArchive() throws Exception {
        Outcome first = run(recorded.resolve("cache"), Map.of(), recorded, "--config-dir",
                recorded.resolve("config").toString(), "list");
        assertThat(first.exitCode()).as(first.stderr()).isZero();
    }

    @Test
    void theFirstCommandRecordsAnArchiveThatHoldsEveryClassOfAListPicocliAndJsonIncluded() throws Exception {
        Path cache = dir.resolve("cache");
        Outcome first = list(cache, Map.of());

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(first.stdout()).startsWith("No backups in ");
        assertThat(first.stderr()).isEmpty();
        assertThat(names(cache.resolve("backupdesk"))).as("one archive and what it was made for, nothing half-made")
                .containsExactly("cds-cli.jsa", "cds-cli.jsa.jar", "cds-cli.jsa.java");
        assertThat(cache.resolve("backupdesk/cds-cli.jsa.jar")).isSymbolicLink();
        assertThat(Files.isSameFile(cache.resolve("backupdesk/cds-cli.jsa.jar"), CliProcess.jar())).isTrue();

        Path plain = dir.resolve("list.log");
        Path json = dir.resolve("list-json.log");
        Outcome listed = list(cache, Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + plain));
        Outcome asJson = run(cache, Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + json), dir,
                "--config-dir", dir.resolve("config").toString(), "list", "--json");

        assertThat(listed.exitCode()).as(listed.stderr()).isZero();
        assertThat(asJson.exitCode()).as(asJson.stderr()).isZero();
        assertThat(asJson.stdout().strip()).isEqualTo("[ ]");
        // picocli's own jar is Java 5 bytecode, which the JVM does not archive: the build compiles its source for 17
        assertThat(Files.readString(plain))
                .contains("io.backupdesk.cli.ListCommand source: shared objects file (top)")
                .contains("picocli.CommandLine source: shared objects file (top)")
                // an empty list shows no local time: the time-zone database is a third of a bare JVM's start
                .doesNotContain("java.time.zone.ZoneRulesProvider")
                // nor does it build the use cases (the schedules' names came through them) or start the logging
                .doesNotContain("io.backupdesk.jobs.Jobs ").doesNotContain("ch.qos.logback.classic.LoggerContext ");
        assertThat(Files.readString(json))
                .contains("com.fasterxml.jackson.databind.ObjectMapper source: shared objects file (top)");
        for (Path log : List.of(plain, json)) {
            // a lambda made as it runs names its class as its source
            assertThat(Files.readAllLines(log)).as("classes read from the jar or the JDK's modules, or made, in " + log)
                    .noneMatch(line -> line.contains("source: file:") || line.contains("source: jrt:")
                            || line.contains("source: io.backupdesk."));
        }
    }

    @Test
    void aListWithTheArchiveNeverOpensTheJar() throws Exception {
        Path cache = copyOfTheRecordedCache();
        // the JDK's class path prints each jar it opens; without an archive, and with none to be made, a list opens it
        Map<String, String> tracing = Map.of("JAVA_TOOL_OPTIONS", "-Dsun.misc.URLClassPath.debug=true");

        Outcome withoutArchive = list(Files.writeString(dir.resolve("not-a-folder"), ""), tracing);
        Outcome listed = list(cache, tracing);

        assertThat(withoutArchive.stderr()).contains("Opening file:").contains("backupdesk.jar");
        assertThat(listed.exitCode()).as(listed.stderr()).isZero();
        // reading the index of its 26,000 entries took about a tenth of a second of CPU
        assertThat(listed.stderr()).doesNotContain("Opening ");
    }

    @Test
    void aRunThatOnlyAsksForTheVersionRecordsNothing() throws Exception {
        Path cache = dir.resolve("cache");

        Outcome version = run(cache, Map.of(), dir, "--version");

        assertThat(version.exitCode()).as(version.stderr()).isZero();
        assertThat(version.stdout()).startsWith("Backup Desk ");
        assertThat(names(cache.resolve("backupdesk"))).isEmpty();
    }

    @Test
    void aCacheThatCannotBeWrittenLeavesTheCommandAndItsExitCodeAlone() throws Exception {
        // a file where the cache folder should be: no folder can be made there, not even by root
        Path notAFolder = Files.writeString(dir.resolve("cache"), "");

        Outcome listed = list(notAFolder, Map.of());
        Outcome refused = run(notAFolder, Map.of(), dir, "--config-dir", dir.resolve("config").toString(), "list",
                "--no-such-option");

        assertThat(listed.exitCode()).as(listed.stderr()).isZero();
        assertThat(listed.stdout()).startsWith("No backups in ");
        assertThat(listed.stderr()).isEmpty();
        assertThat(refused.exitCode()).as(refused.stderr()).isEqualTo(2);
        assertThat(refused.stderr()).startsWith("error: Unknown option").doesNotContain("archive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "empty", "folder", "of another jar"})
    void anArchiveThatCannotBeUsedIsPassedOver(String spoilt) throws Exception {
        Path cache = copyOfTheRecordedCache();
        Path archive = theArchive(cache);
        Files.delete(archive);
        switch (spoilt) {
            case "garbage" -> Files.writeString(archive, "not an archive\n".repeat(1000));
            case "empty" -> Files.createFile(archive);
            case "folder" -> Files.createDirectory(archive);
            default -> {
                // the same classes, recorded for a jar at another place: the JVM refuses it as made for another
                Path other = Files.copy(CliProcess.jar(), dir.resolve("other.jar"));
                Process recording = new ProcessBuilder(java().toString(), "-XX:ArchiveClassesAtExit=" + archive,
                        "-Xlog:cds=off", "-jar", other.toString(), "--config-dir", dir.resolve("c").toString(), "list")
                        .redirectErrorStream(true).redirectOutput(dir.resolve("recording.txt").toFile()).start();
                assertThat(recording.waitFor(2, TimeUnit.MINUTES)).isTrue();
                assertThat(archive).isRegularFile();
            }
        }

        Outcome listed = list(cache, Map.of());

        assertThat(listed.exitCode()).as(listed.stderr()).isZero();
        assertThat(listed.stdout()).startsWith("No backups in ");
        assertThat(listed.stderr()).isEmpty();
    }

    @Test
    void aJarBuiltAgainOrAnotherCheckoutsJarGetsItsOwnRecording() throws Exception {
        Path cache = copyOfTheRecordedCache();
        Path archive = theArchive(cache);
        FileTime recordedAt = Files.getLastModifiedTime(archive);
        // the archive older than the jar, as after a build: the JVM would refuse it for the jar's changed time
        Files.setLastModifiedTime(archive, FileTime.fromMillis(Files.getLastModifiedTime(CliProcess.jar()).toMillis() - 60_000));

        Outcome afterABuild = list(cache, Map.of());

        assertThat(afterABuild.exitCode()).as(afterABuild.stderr()).isZero();
        assertThat(Files.getLastModifiedTime(archive)).as("recorded again").isGreaterThan(recordedAt);
        // the archive made for a jar elsewhere, as another checkout's: newer than ours, but not made for it
        Path otherJar = Files.copy(CliProcess.jar(), dir.resolve("other.jar"));
        Files.delete(cache.resolve("backupdesk/cds-cli.jsa.jar"));
        Files.createSymbolicLink(cache.resolve("backupdesk/cds-cli.jsa.jar"), otherJar);
        FileTime before = Files.getLastModifiedTime(archive);
        Thread.sleep(1100);

        Outcome fromAnotherCheckout = list(cache, Map.of());

        assertThat(fromAnotherCheckout.exitCode()).as(fromAnotherCheckout.stderr()).isZero();
        assertThat(Files.getLastModifiedTime(archive)).as("recorded for this jar").isGreaterThan(before);
        assertThat(Files.isSameFile(cache.resolve("backupdesk/cds-cli.jsa.jar"), CliProcess.jar())).isTrue();
        assertThat(names(cache.resolve("backupdesk"))).containsExactly("cds-cli.jsa", "cds-cli.jsa.jar", "cds-cli.jsa.java");
    }

    @Test
    void aCurrentArchiveIsUsedAsItIsWithoutRecordingAgain() throws Exception {
        Path cache = copyOfTheRecordedCache();
        FileTime recordedAt = Files.getLastModifiedTime(theArchive(cache));
        Path loads = dir.resolve("loads.log");

        Outcome listed = list(cache, Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + loads));

        assertThat(listed.exitCode()).as(listed.stderr()).isZero();
        assertThat(Files.getLastModifiedTime(theArchive(cache))).isEqualTo(recordedAt);
        assertThat(Files.readString(loads)).contains("io.backupdesk.cli.ListCommand source: shared objects file (top)");
    }

    @Test
    void aRecordingCutShortIsNotKept() throws Exception {
        // a java that cuts every archive it records short, as a JVM killed while writing it leaves it; the JVM maps an
        // archive without checking its length, so a start with this one would crash
        Path javaHome = Files.createDirectories(dir.resolve("jdk/bin")).getParent();
        Path cutting = javaHome.resolve("bin/java");
        Files.writeString(cutting, """
                #!/bin/sh
                "%s" "$@"
                status=$?
                for arg; do
                  case $arg in -XX:ArchiveClassesAtExit=*) out=${arg#*=}; head -c 65536 "$out" > "$out.cut"; mv -f "$out.cut" "$out" ;; esac
                done
                exit $status
                """.formatted(java()));
        Files.setPosixFilePermissions(cutting, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path cache = dir.resolve("cache");
        Path workingDir = Files.createDirectories(dir.resolve("work"));

        Outcome first = run(cache, Map.of("JAVA_HOME", javaHome.toString()), workingDir, "--config-dir",
                dir.resolve("config").toString(), "list");
        Outcome second = run(cache, Map.of("JAVA_HOME", javaHome.toString()), workingDir, "--config-dir",
                dir.resolve("config").toString(), "list");

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(first.stdout()).startsWith("No backups in ");
        assertThat(names(cache.resolve("backupdesk"))).as("no archive kept, nothing left").isEmpty();
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(second.stderr()).isEmpty();
        assertThat(names(workingDir)).as("no crash report in the current folder").isEmpty();
    }

    private Outcome list(Path cache, Map<String, String> env) throws Exception {
        return run(cache, env, dir, "--config-dir", dir.resolve("config").toString(), "list");
    }

    /** The recorded cache, its links copied as links and the archive with its time, as the launcher judges by both. */
    private Path copyOfTheRecordedCache() throws IOException {
        Path from = recorded.resolve("cache/backupdesk");
        Path to = Files.createDirectories(dir.resolve("cache/backupdesk"));
        for (String name : names(from)) {
            Files.copy(from.resolve(name), to.resolve(name), LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
        }
        return dir.resolve("cache");
    }

    private static Path theArchive(Path cache) {
        Path archive = cache.resolve("backupdesk/cds-cli.jsa");
        assertThat(archive).isRegularFile();
        return archive;
    }

    private static List<String> names(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private record Outcome(int exitCode, String stdout, String stderr) { }

    /** The launcher with this cache folder and, unless env names another, this JVM's java. */
    private static Outcome run(Path cache, Map<String, String> env, Path workingDir, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of(LAUNCHER.toString()), Stream.of(args)).toList())
                .directory(workingDir.toFile());
        Map<String, String> environment = builder.environment();
        environment.remove("JAVA_TOOL_OPTIONS");
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("XDG_CACHE_HOME", cache.toString());
        environment.putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String stdout = read(process.getInputStream());
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the launcher did not finish: " + String.join(" ", args));
        }
        // the note the JVM prints for JAVA_TOOL_OPTIONS is the test's, not the launcher's
        return new Outcome(process.exitValue(), stdout, stderr.join().replaceFirst("Picked up JAVA_TOOL_OPTIONS: .*\n", ""));
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
