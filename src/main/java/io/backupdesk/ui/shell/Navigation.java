package io.backupdesk.ui.shell;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Which screen the main window shows. Screens never know each other: they ask this to go elsewhere, and the shell
 * follows it. Use on the UI thread.
 */
public final class Navigation {
    /** The screens of the sidebar, in its order. */
    public enum Screen { DASHBOARD, BACKUPS, SCHEDULES, CONNECTIONS, SETTINGS }

    private final ObjectProperty<Screen> current = new SimpleObjectProperty<>(Screen.DASHBOARD);

    public ReadOnlyObjectProperty<Screen> currentProperty() {
        return current;
    }

    public Screen current() {
        return current.get();
    }

    public void go(Screen screen) {
        current.set(screen);
    }
}
