package io.backupdesk.app.login;

import io.backupdesk.core.BackupDeskException;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How to start this desktop app again from outside, for a login entry: the installed launcher when the app runs from
 * a jpackage app image (it sets {@code jpackage.app-path}), else {@code java -jar} with the jar it runs from. Never
 * with arguments, since arguments mean the command line.
 *
 * @param command      the program and its arguments
 * @param javaLauncher true for {@code java -jar}, which can take a system property before {@code -jar}
 */
public record LaunchCommand(List<String> command, boolean javaLauncher) {
    public LaunchCommand {
        command = List.copyOf(command);
    }

    /** The command for the running app; fails when it runs from class folders, as in an IDE. */
    public static LaunchCommand ofThisApp() {
        return of(System.getProperty("os.name", ""), System.getProperty("jpackage.app-path"),
                Path.of(System.getProperty("java.home")), codeSource());
    }

    /**
     * @param appPath    the jpackage launcher, or null when not run from an app image
     * @param codeSource the jar or class folder our classes come from; null when unknown
     */
    static LaunchCommand of(String osName, String appPath, Path javaHome, Path codeSource) {
        if (appPath != null && !appPath.isBlank()) {
            return new LaunchCommand(List.of(appPath), false);
        }
        if (codeSource != null && Files.isRegularFile(codeSource)
                && codeSource.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar")) {
            // javaw on Windows: a login entry must not open a console window
            String java = osName.toLowerCase(Locale.ROOT).startsWith("windows") ? "javaw.exe" : "java";
            return new LaunchCommand(List.of(javaHome.resolve("bin").resolve(java).toString(), "-jar",
                    codeSource.toAbsolutePath().toString()), true);
        }
        throw BackupDeskException.configuration("Start at login needs Backup Desk installed or started from its jar; "
                        + "this copy runs from " + (codeSource == null ? "an unknown place" : codeSource) + ".",
                "Install Backup Desk, or build the jar (./mvnw package) and start it with java -jar target/backupdesk.jar.");
    }

    /** The command with a system property for the JVM; an installed launcher takes none and is returned as it is. */
    public List<String> withProperty(String name, String value) {
        if (!javaLauncher) {
            return command;
        }
        List<String> with = new ArrayList<>(command);
        with.add(1, "-D" + name + "=" + value);
        return List.copyOf(with);
    }

    private static Path codeSource() {
        try {
            CodeSource source = LaunchCommand.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
