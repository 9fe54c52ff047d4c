package io.backupdesk.ui.settings;

import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.Preset;

import java.util.List;

/** What the Presets section needs from the engine; blocking calls, run off the UI thread. */
public interface PresetOperations {
    List<Preset> list();

    /** Saves a new or changed preset, its options checked as a backup would check them. */
    void save(Preset preset);

    /** @throws io.backupdesk.core.BackupDeskException when a connection or schedule still names it, saying which */
    void remove(String name);

    /** The settings' default options, that a new preset starts from. */
    BackupOptions defaults();

    /** Whether the newest pg_dump here compresses with zstd and lz4 (version 16 and newer). */
    boolean newCompressions();
}
