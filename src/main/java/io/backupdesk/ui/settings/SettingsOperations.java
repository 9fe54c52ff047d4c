package io.backupdesk.ui.settings;

import io.backupdesk.alert.AlertChannel;
import io.backupdesk.store.Alerts;
import io.backupdesk.store.Settings;

import java.nio.file.Path;
import java.util.Optional;

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

    /** Whether the newest pg_dump here compresses with zstd and lz4 (version 16 and newer). */
    default boolean newCompressions() {
        return false;
    }

    /** The backup folder used when the setting is empty. */
    Path defaultBackupRoot();

    Path logsDir();

    /** Whether a password of the SMTP login is stored (in its own file, never in the settings). */
    boolean hasSmtpPassword();

    /** Stores the password of the SMTP login, replacing the earlier one. */
    void storeSmtpPassword(String password);

    /** Forgets the stored SMTP password, if there is one. */
    void forgetSmtpPassword();

    /**
     * Sends a test alert through one channel as the form has it, saved or not.
     *
     * @param typedPassword the SMTP password typed in the form; empty for the stored one
     * @return where it went, e.g. "dba@example.com via smtp.example.com:587"
     * @throws io.backupdesk.core.BackupDeskException saying why it did not arrive
     */
    String sendTestAlert(Alerts alerts, AlertChannel.Kind channel, Optional<String> typedPassword);
}
