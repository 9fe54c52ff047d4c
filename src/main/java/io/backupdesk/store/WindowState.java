package io.backupdesk.store;

/**
 * Where the main window was and what it showed when it was last closed, so that it opens the same way.
 *
 * @param width      0 when never saved: the window then takes its default size, centred
 * @param lastScreen the name of the screen shown last; null for the default
 */
public record WindowState(int schemaVersion, double x, double y, double width, double height, boolean maximized,
                          String lastScreen) {
    public static final int VERSION = 1;

    public static WindowState unknown() {
        return new WindowState(VERSION, 0, 0, 0, 0, false, null);
    }

    public boolean known() {
        return width > 0 && height > 0;
    }
}
