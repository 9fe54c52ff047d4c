package io.backupdesk.engine;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AppPathsTest {
    private static final Path HOME = Path.of("/home/maria");

    @Test
    void anExplicitFolderWinsAndHoldsTheDataToo() {
        AppPaths paths = AppPaths.resolve(Path.of("/srv/bd/../backupdesk"),
                Map.of("BACKUPDESK_HOME", "/elsewhere", "XDG_CONFIG_HOME", "/xdg"), "Linux", HOME);

        assertThat(paths.configDir()).isEqualTo(Path.of("/srv/backupdesk"));
        assertThat(paths.dataDir()).isEqualTo(Path.of("/srv/backupdesk"));
        assertThat(paths.defaultBackupRoot()).isEqualTo(Path.of("/srv/backupdesk/backups"));
    }

    @Test
    void aRelativeExplicitFolderIsMadeAbsolute() {
        AppPaths paths = AppPaths.resolve(Path.of("state"), Map.of(), "Linux", HOME);

        assertThat(paths.configDir()).isAbsolute().isEqualTo(Path.of("state").toAbsolutePath());
    }

    @Test
    void backupdeskHomeIsUsedWhenNoFolderIsGiven() {
        AppPaths paths = AppPaths.resolve(null, Map.of("BACKUPDESK_HOME", "/opt/bd"), "Windows 11", HOME);

        assertThat(paths.configDir()).isEqualTo(Path.of("/opt/bd"));
        assertThat(paths.dataDir()).isEqualTo(Path.of("/opt/bd"));
    }

    @Test
    void aBlankBackupdeskHomeIsIgnored() {
        assertThat(AppPaths.resolve(null, Map.of("BACKUPDESK_HOME", " "), "Linux", HOME).configDir())
                .isEqualTo(HOME.resolve(".config/backupdesk"));
    }

    @Test
    void linuxFollowsTheXdgDefaults() {
        AppPaths paths = AppPaths.resolve(null, Map.of(), "Linux", HOME);

        assertThat(paths.configDir()).isEqualTo(Path.of("/home/maria/.config/backupdesk"));
        assertThat(paths.dataDir()).isEqualTo(Path.of("/home/maria/.local/share/backupdesk"));
        assertThat(paths.defaultBackupRoot()).isEqualTo(Path.of("/home/maria/.local/share/backupdesk/backups"));
        assertThat(paths.logsDir()).isEqualTo(Path.of("/home/maria/.config/backupdesk/logs"));
        assertThat(paths.runsDir()).isEqualTo(Path.of("/home/maria/.config/backupdesk/runs"));
    }

    @Test
    void absoluteXdgVariablesAreHonoured() {
        AppPaths paths = AppPaths.resolve(null, Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "/data"), "Linux", HOME);

        assertThat(paths.configDir()).isEqualTo(Path.of("/cfg/backupdesk"));
        assertThat(paths.dataDir()).isEqualTo(Path.of("/data/backupdesk"));
    }

    @Test
    void relativeXdgVariablesAreIgnoredAsTheSpecificationSays() {
        AppPaths paths = AppPaths.resolve(null, Map.of("XDG_CONFIG_HOME", "cfg", "XDG_DATA_HOME", "./data"), "Linux", HOME);

        assertThat(paths.configDir()).isEqualTo(Path.of("/home/maria/.config/backupdesk"));
        assertThat(paths.dataDir()).isEqualTo(Path.of("/home/maria/.local/share/backupdesk"));
    }

    @Test
    void windowsUsesRoamingAppDataForConfigAndLocalAppDataForData() {
        AppPaths paths = AppPaths.resolve(null,
                Map.of("APPDATA", "C:\\Users\\maria\\AppData\\Roaming", "LOCALAPPDATA", "C:\\Users\\maria\\AppData\\Local"),
                "Windows 11", HOME);

        assertThat(paths.configDir()).isEqualTo(Path.of("C:\\Users\\maria\\AppData\\Roaming").resolve("BackupDesk"));
        assertThat(paths.dataDir()).isEqualTo(Path.of("C:\\Users\\maria\\AppData\\Local").resolve("BackupDesk"));
    }

    @Test
    void windowsWithoutAppDataVariablesFallsBackToTheProfileFolder() {
        AppPaths paths = AppPaths.resolve(null, Map.of(), "Windows 10", HOME);

        assertThat(paths.configDir()).isEqualTo(HOME.resolve("AppData").resolve("Roaming").resolve("BackupDesk"));
        assertThat(paths.dataDir()).isEqualTo(HOME.resolve("AppData").resolve("Local").resolve("BackupDesk"));
    }

    @Test
    void macOsKeepsEverythingInApplicationSupport() {
        AppPaths paths = AppPaths.resolve(null, Map.of("XDG_CONFIG_HOME", "/cfg"), "Mac OS X", HOME);

        Path support = Path.of("/home/maria/Library/Application Support/BackupDesk");
        assertThat(paths.configDir()).isEqualTo(support);
        assertThat(paths.dataDir()).isEqualTo(support);
    }
}
