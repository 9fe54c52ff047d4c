package io.backupdesk.app.login;

import io.backupdesk.engine.AppPaths;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.store.SecureFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The entry that starts Backup Desk when the user logs in, hidden in the tray: an XDG autostart file on Linux and the
 * other Unix desktops, a LaunchAgent on macOS, a value under the Run key on Windows. Headless, blocking.
 *
 * <p>Arguments mean the command line, so the entry marks a hidden start with the environment variable
 * {@value #START_HIDDEN_VARIABLE} (through {@code env} in the desktop entry, {@code EnvironmentVariables} in the
 * agent) and passes {@code BACKUPDESK_HOME} on when the app runs with one, so the login start finds the same
 * settings. A Windows Run value cannot set variables: there a {@code java -jar} command carries the system property
 * {@value #START_HIDDEN_PROPERTY} instead, and an installed launcher, which takes no JVM options, starts with its
 * window shown.
 */
public final class LoginItem {
    public static final String START_HIDDEN_VARIABLE = "BACKUPDESK_START_HIDDEN";
    public static final String START_HIDDEN_PROPERTY = "backupdesk.startHidden";

    /** Runs a program to its end; injected so tests see the {@code reg} commands without running them. */
    @FunctionalInterface
    public interface Commands {
        /** How a program ended: its exit code and its output, stderr included. */
        record Result(int exitCode, String output) { }

        Result run(List<String> command) throws IOException, InterruptedException;
    }

    private enum Desktop { XDG, MAC, WINDOWS }

    private final Desktop desktop;
    private final Map<String, String> env;
    private final Path home;
    private final Supplier<LaunchCommand> launch;
    private final Commands commands;

    /** @param launch asked only when installing, so an entry can be removed from any copy of the app */
    public LoginItem(String osName, Map<String, String> env, Path home, Supplier<LaunchCommand> launch, Commands commands) {
        String os = osName.toLowerCase(Locale.ROOT);
        this.desktop = os.startsWith("windows") ? Desktop.WINDOWS : os.startsWith("mac") ? Desktop.MAC : Desktop.XDG;
        this.env = Map.copyOf(env);
        this.home = home;
        this.launch = launch;
        this.commands = commands;
    }

    public static LoginItem forCurrentUser() {
        return new LoginItem(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")),
                LaunchCommand::ofThisApp, LoginItem::runProgram);
    }

    /** Whether this start came from the login entry, which then wants the window to stay in the tray. */
    public static boolean startedHidden(Map<String, String> env, Properties properties) {
        return "1".equals(env.get(START_HIDDEN_VARIABLE)) || "true".equals(properties.getProperty(START_HIDDEN_PROPERTY));
    }

    /**
     * Installs the entry, replacing an older one (the app may have moved since), or removes it; removing one that
     * is not there is fine.
     *
     * @throws BackupDeskException when the entry cannot be written or removed, or this copy cannot be started again
     */
    public void apply(boolean enabled) {
        try {
            switch (desktop) {
                case XDG -> write(enabled, autostartFile(), () -> LoginEntries.desktopEntry(launch.get().command(), environment()));
                case MAC -> write(enabled, launchAgentFile(), () -> LoginEntries.launchAgent(launch.get().command(), environment()));
                case WINDOWS -> runKey(enabled);
            }
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "Could not " + (enabled ? "add" : "remove") + " the login entry: "
                    + e.getMessage(), "Check that your own settings folders are writable, then save again.", List.of(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BackupDeskException.cancelled();
        }
    }

    /** {@code $XDG_CONFIG_HOME/autostart/backupdesk.desktop}; an unset or relative variable means {@code ~/.config}. */
    Path autostartFile() {
        String configHome = env.get("XDG_CONFIG_HOME");
        Path base = configHome == null || configHome.isBlank() || !Path.of(configHome).isAbsolute()
                ? home.resolve(".config") : Path.of(configHome);
        return base.resolve("autostart").resolve("backupdesk.desktop");
    }

    Path launchAgentFile() {
        return home.resolve("Library").resolve("LaunchAgents").resolve(LoginEntries.AGENT_LABEL + ".plist");
    }

    /** What the entry sets: the hidden mark, and the config folder when this app runs with an explicit one. */
    private Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(START_HIDDEN_VARIABLE, "1");
        String configHome = env.get(AppPaths.HOME_VARIABLE);
        if (configHome != null && !configHome.isBlank()) {
            environment.put(AppPaths.HOME_VARIABLE, Path.of(configHome).toAbsolutePath().normalize().toString());
        }
        return environment;
    }

    private static void write(boolean enabled, Path file, Supplier<String> content) throws IOException {
        if (enabled) {
            SecureFiles.writeAtomically(file, content.get().getBytes(StandardCharsets.UTF_8));
        } else {
            Files.deleteIfExists(file);
        }
    }

    private void runKey(boolean enabled) throws IOException, InterruptedException {
        if (enabled) {
            check(commands.run(LoginEntries.regAdd(launch.get().withProperty(START_HIDDEN_PROPERTY, "true"))));
        } else if (commands.run(LoginEntries.regQuery()).exitCode() == 0) {
            // reg delete fails on a value that is not there, and so does the query, which tells us first
            check(commands.run(LoginEntries.regDelete()));
        }
    }

    private static void check(Commands.Result result) throws IOException {
        if (result.exitCode() != 0) {
            throw new IOException("reg ended with exit code " + result.exitCode() + ": " + result.output().strip());
        }
    }

    private static Commands.Result runProgram(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command.get(0) + " did not finish within 30 seconds");
        }
        return new Commands.Result(process.exitValue(), output);
    }
}
