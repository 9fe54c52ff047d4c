package io.backupdesk.store;

import java.nio.file.Path;
import java.util.function.Consumer;

/** {@code settings.json}. Thread-safe. */
public final class SettingsStore {
    private final JsonFile<Settings> file;

    public SettingsStore(Path configDir, Consumer<String> warnings) {
        this.file = new JsonFile<>(configDir.resolve("settings.json"), Settings.class, Settings.VERSION,
                Settings::defaults, warnings);
    }

    public synchronized Settings load() {
        return file.read();
    }

    public synchronized void save(Settings settings) {
        file.write(settings);
    }
}
