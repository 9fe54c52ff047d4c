package io.backupdesk.store;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Preset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
    private final JsonFile<PresetsFile> file;

    public PresetStore(Path configDir, Consumer<String> warnings) {
        this.file = new JsonFile<>(configDir.resolve("presets.json"), PresetsFile.class, VERSION,
                () -> new PresetsFile(VERSION, List.of()), warnings);
    }

    public synchronized List<Preset> list() {
        return file.read().presets().stream().sorted(Comparator.comparing(Preset::name)).toList();
    }

    public synchronized Optional<Preset> find(String name) {
        return file.read().presets().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Preset require(String name) {
        return find(name).orElseThrow(() -> BackupDeskException.configuration("There is no preset named '" + name + "'.",
                "Check the name among the presets, or add a preset with that name.")
                .withCommandLineHint("List them with 'backupdesk presets list', or add one with 'backupdesk presets add'."));
    }

    /** Adds the preset, or replaces the one with the same name. */
    public synchronized void save(Preset preset) {
        List<Preset> presets = new ArrayList<>(file.read().presets());
        presets.removeIf(p -> p.name().equals(preset.name()));
        presets.add(preset);
        file.write(new PresetsFile(VERSION, presets));
    }

    public synchronized boolean remove(String name) {
        List<Preset> presets = new ArrayList<>(file.read().presets());
        boolean removed = presets.removeIf(p -> p.name().equals(name));
        if (removed) {
            file.write(new PresetsFile(VERSION, presets));
        }
        return removed;
    }
}
