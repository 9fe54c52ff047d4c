package io.backupdesk.ui.settings;

import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.Preset;
import io.backupdesk.jobs.BackupDefaults;
import io.backupdesk.jobs.Presets;
import io.backupdesk.store.PresetStore;
import io.backupdesk.store.ProfileStore;
import io.backupdesk.store.ScheduleStore;
import io.backupdesk.store.Settings;

import java.nio.file.Path;
import java.util.List;

/** The Presets section's operations on the engine's real presets over a configuration folder, as the app's are. */
final class FolderPresets implements PresetOperations {
    final ProfileStore profiles;
    final Presets presets;
    boolean newCompressions;

    FolderPresets(Path configDir) {
        profiles = new ProfileStore(configDir, w -> { });
        presets = new Presets(new PresetStore(configDir, w -> { }), profiles, new ScheduleStore(configDir, w -> { }),
                () -> BackupDefaults.of(Settings.defaults()));
    }

    @Override
    public List<Preset> list() {
        return presets.list();
    }

    @Override
    public void save(Preset preset) {
        presets.save(preset);
    }

    @Override
    public void remove(String name) {
        presets.remove(name);
    }

    @Override
    public BackupOptions defaults() {
        return BackupDefaults.of(Settings.defaults()).options();
    }

    @Override
    public boolean newCompressions() {
        return newCompressions;
    }
}
