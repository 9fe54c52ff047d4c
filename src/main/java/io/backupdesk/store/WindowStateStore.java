package io.backupdesk.store;

import java.nio.file.Path;
import java.util.function.Consumer;

/** {@code window.json}: the main window's last place, size and screen. Thread-safe. */
public final class WindowStateStore {
    private final JsonFile<WindowState> file;

    public WindowStateStore(Path configDir, Consumer<String> warnings) {
        this.file = new JsonFile<>(configDir.resolve("window.json"), WindowState.class, WindowState.VERSION,
                WindowState::unknown, warnings);
    }

    public synchronized WindowState load() {
        return file.read();
    }

    public synchronized void save(WindowState state) {
        file.write(state);
    }
}
