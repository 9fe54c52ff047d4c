package io.backupdesk.app.instance;

import io.backupdesk.app.Launcher;
import io.backupdesk.app.login.LoginItem;
import io.backupdesk.engine.AppPaths;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single instance proven with two JVMs: the real {@link Launcher} started without arguments is the desktop app,
 * headless on Monocle, with a config folder of its own; a second real launcher with the same folder hands over and
 * exits 0 without loading JavaFX, and the first logs that it brought its window forward. A frozen first instance is
 * reported with exit 1, and one killed with SIGKILL leaves nothing that stops the next start, here a start from the
 * login entry, which a later launch brings forward too.
 */
class SingleInstanceIT {
    private static final String BROUGHT_FORWARD = "Brought the window forward for a second launch";
    private static final List<String> HEADLESS = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
            "-Dprism.order=sw", "-Dprism.text=t2k", "-Djava.awt.headless=true");

    @TempDir
    Path dir;
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void endWhatWasStarted() throws InterruptedException {
        for (Process process : started) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aSecondLaunchBringsTheFirstForwardAndExitsAndAFrozenFirstIsReported() throws Exception {
        Path home = dir.resolve("home");
        Process first = launch(home, "first");
        awaitOwner(home, first, "first");

        Process second = launch(home, "second", "-Xlog:class+load=info:file=" + dir.resolve("second-classes.txt"));

        assertThat(second.waitFor(20, TimeUnit.SECONDS)).as("the second launch ends at once").isTrue();
        assertThat(second.exitValue()).as(output("second")).isZero();
        assertThat(Files.readString(dir.resolve("second.out"))).contains("already running");
        List<String> loaded = Files.readAllLines(dir.resolve("second-classes.txt"));
        assertThat(loaded).anyMatch(line -> line.contains("io.backupdesk.app.instance.InstanceLock "));
        assertThat(loaded).as("a second launch never loads JavaFX").noneMatch(line -> line.contains(" javafx."));
        await(() -> log(home).contains(BROUGHT_FORWARD), "the first instance to bring its window forward");
        assertThat(first.isAlive()).isTrue();

        signal("STOP", first);
        try {
            Process third = launch(home, "third");
            assertThat(third.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(third.exitValue()).as(output("third")).isEqualTo(1);
            assertThat(Files.readString(dir.resolve("third.err")))
                    .contains("already running", "(process " + first.pid() + ")", "did not answer within 5 seconds",
                            "No second copy was started");
        } finally {
            signal("CONT", first);
        }
        assertThat(InstanceEndpoint.readFrom(home).orElseThrow().pid()).isEqualTo(first.pid());
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aFirstInstanceKilledOutrightLeavesNothingThatStopsTheNextStart() throws Exception {
        Path home = dir.resolve("home");
        Process killed = launch(home, "killed");
        awaitOwner(home, killed, "killed");

        killed.destroyForcibly();
        assertThat(killed.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(home.resolve(InstanceEndpoint.SOCKET)).as("SIGKILL leaves the socket file").exists();

        Process next = launch(home, Map.of(LoginItem.START_HIDDEN_VARIABLE, "1"), "next");
        awaitOwner(home, next, "next");
        Process second = launch(home, "second");
        assertThat(second.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as(output("second")).isZero();
        await(() -> log(home).contains(BROUGHT_FORWARD), "the new first instance to bring its window forward");
        assertThat(log(home)).as("no tray yet, so a login start shows the window after all")
                .contains("Started by the login entry, but no tray icon can show the window later");
        assertThat(next.isAlive()).isTrue();
    }

    /** The real launcher without arguments, state in {@code home}, output in files named after the launch. */
    private Process launch(Path home, String name, String... jvmOptions) throws IOException {
        return launch(home, Map.of(), name, jvmOptions);
    }

    private Process launch(Path home, Map<String, String> env, String name, String... jvmOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(HEADLESS);
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile());
        builder.environment().remove(LoginItem.START_HIDDEN_VARIABLE);
        builder.environment().putAll(env);
        builder.environment().put(AppPaths.HOME_VARIABLE, home.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        started.add(process);
        return process;
    }

    /** Waits until the process holds the lock and listens: the endpoint it writes then names it. */
    private void awaitOwner(Path home, Process process, String name) throws Exception {
        await(() -> InstanceEndpoint.readFrom(home).map(e -> e.pid() == process.pid()).orElse(false)
                || !process.isAlive(), "process " + process.pid() + " to take the lock");
        assertThat(process.isAlive()).as(output(name)).isTrue();
    }

    private static void signal(String signal, Process process) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor()).isZero();
    }

    private static String log(Path home) {
        try {
            Path file = home.resolve("logs").resolve("backupdesk.log");
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private String output(String name) {
        try {
            return Files.readString(dir.resolve(name + ".out")) + Files.readString(dir.resolve(name + ".err"));
        } catch (IOException e) {
            return "(no output of " + name + ")";
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
