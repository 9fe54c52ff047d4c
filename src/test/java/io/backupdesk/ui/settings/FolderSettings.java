package io.backupdesk.ui.settings;

import io.backupdesk.store.Settings;
import io.backupdesk.store.SettingsStore;

import java.nio.file.Path;

/** The settings screen's operations on a real settings file in a folder. */
final class FolderSettings implements SettingsOperations {
    final SettingsStore store;
    private final Path dir;

    FolderSettings(Path dir) {
        this.dir = dir;
        this.store = new SettingsStore(dir, w -> { });
    }

    @Override
    public Settings load() {
        return store.load();
    }

    @Override
    public void save(Settings settings) {
        store.save(settings);
    }

    @Override
    public Path defaultBackupRoot() {
        return dir.resolve("backups");
    }

    @Override
    public Path logsDir() {
        return dir.resolve("logs");
    }
}
