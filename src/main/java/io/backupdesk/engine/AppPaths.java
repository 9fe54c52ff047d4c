package io.backupdesk.engine;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where our files live. An explicit config folder ({@code --config-dir} or {@code BACKUPDESK_HOME}) isolates all
 * state, backups included; otherwise each OS's convention applies: XDG on Linux, {@code %APPDATA%} on Windows,
 * {@code ~/Library/Application Support} on macOS.
 */
public record AppPaths(Path configDir, Path dataDir) {
    public static final String HOME_VARIABLE = "BACKUPDESK_HOME";

    public static AppPaths resolve(Path configOverride, Map<String, String> env, String osName, Path home) {
        Path explicit = configOverride != null ? configOverride
                : env.get(HOME_VARIABLE) != null && !env.get(HOME_VARIABLE).isBlank() ? Path.of(env.get(HOME_VARIABLE)) : null;
        if (explicit != null) {
            Path dir = explicit.toAbsolutePath().normalize();
            return new AppPaths(dir, dir);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path roaming = env.containsKey("APPDATA") ? Path.of(env.get("APPDATA")) : home.resolve("AppData").resolve("Roaming");
            Path local = env.containsKey("LOCALAPPDATA") ? Path.of(env.get("LOCALAPPDATA")) : home.resolve("AppData").resolve("Local");
            return new AppPaths(roaming.resolve("BackupDesk"), local.resolve("BackupDesk"));
        }
        if (os.startsWith("mac")) {
            Path support = home.resolve("Library").resolve("Application Support").resolve("BackupDesk");
            return new AppPaths(support, support);
        }
        Path config = xdg(env, "XDG_CONFIG_HOME", home.resolve(".config"));
        Path data = xdg(env, "XDG_DATA_HOME", home.resolve(".local").resolve("share"));
        return new AppPaths(config.resolve("backupdesk"), data.resolve("backupdesk"));
    }

    public static AppPaths forCurrentUser(Path configOverride) {
        return resolve(configOverride, System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    private static Path xdg(Map<String, String> env, String variable, Path fallback) {
        String value = env.get(variable);
        return value == null || value.isBlank() || !Path.of(value).isAbsolute() ? fallback : Path.of(value);
    }

    public Path defaultBackupRoot() {
        return dataDir.resolve("backups");
    }

    public Path logsDir() {
        return configDir.resolve("logs");
    }

    public Path runsDir() {
        return configDir.resolve("runs");
    }
}
