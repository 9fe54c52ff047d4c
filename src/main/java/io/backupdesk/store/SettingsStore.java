package io.backupdesk.store;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * {@code settings.json}. Thread-safe. A bad value costs only itself: it is taken out and reported, with the original
 * file kept beside as {@code settings.json.corrupt-<time>}; only a file that is not JSON at all is set aside whole.
 */
public final class SettingsStore {
    private final JsonFile<Settings> file;

    public SettingsStore(Path configDir, Consumer<String> warnings) {
        this.file = new JsonFile<>(configDir.resolve("settings.json"), Settings.class, Settings.VERSION,
                Settings::defaults, warnings, new SettingsFields());
    }

    public synchronized Settings load() {
        return file.read();
    }

    public synchronized void save(Settings settings) {
        file.write(settings);
    }
}
