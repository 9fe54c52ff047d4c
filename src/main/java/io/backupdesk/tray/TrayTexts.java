package io.backupdesk.tray;

/**
 * The tray's words, looked up by key ({@code tray.*}) in the desktop's message bundle. The tray may not import the
 * screens' {@code ui} package, where the bundle is read (the front ends never import each other), so the app hands it
 * the lookup.
 */
@FunctionalInterface
public interface TrayTexts {
    /** The text of the key with {0}, {1}... filled in. */
    String get(String key, Object... args);
}
