package io.backupdesk.ui.settings;

import io.backupdesk.store.Settings;

import java.nio.file.Path;

/** Where the settings screen reads and writes; blocking calls, run off the UI thread. */
public interface SettingsOperations {
    Settings load();

    void save(Settings settings);

    /**
     * Adds the entry that starts the app hidden in the tray at login, or removes it.
     *
     * @throws io.backupdesk.core.BackupDeskException when the system's entry cannot be changed
     */
    void startAtLogin(boolean enabled);

    /** The backup folder used when the setting is empty. */
    Path defaultBackupRoot();

    Path logsDir();
}
