package io.backupdesk.store;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Preset;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Backup presets in {@code presets.json}. Thread-safe; every change is written through at once. */
public final class PresetStore {
    /** The file's shape. */
    public record PresetsFile(int schemaVersion, List<Preset> presets) {
        public PresetsFile {
            presets = presets == null ? List.of() : List.copyOf(presets);
        }
    }

    private static final int VERSION = 1;
    private final NamedRecords<PresetsFile, Preset> records;

    public PresetStore(Path configDir, Consumer<String> warnings) {
        this.records = new NamedRecords<>(configDir.resolve("presets.json"), PresetsFile.class, VERSION,
                PresetsFile::presets, all -> new PresetsFile(VERSION, all), Preset::name, warnings);
    }

    /** By name. */
    public List<Preset> list() {
        return records.list();
    }

    public Optional<Preset> find(String name) {
        return records.find(name);
    }

    public Preset require(String name) {
        return find(name).orElseThrow(() -> BackupDeskException.configuration("There is no preset named '" + name + "'.",
                "Check the name among the presets, or add a preset with that name.")
                .withCommandLineHint("List them with 'backupdesk presets list', or add one with 'backupdesk presets add'."));
    }

    /** Adds it, or replaces the one with the same name. */
    public void save(Preset preset) {
        records.save(preset);
    }

    public boolean remove(String name) {
        return records.remove(name);
    }
}
