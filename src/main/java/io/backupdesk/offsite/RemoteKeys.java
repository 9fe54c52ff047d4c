package io.backupdesk.offsite;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;

import java.util.List;

/**
 * Keys under a destination's root are '/'-separated relative paths. A key read from a destination (a listing, a
 * sidecar's file name) is untrusted: one that could climb out of the root or name a hidden temporary file is refused
 * before any store turns it into a path.
 */
public final class RemoteKeys {
    /** The prefix of our own hidden files at a destination: temporaries and probes, never listed. */
    public static final String HIDDEN_PREFIX = ".";

    private RemoteKeys() { }

    /** The key, checked: relative, no empty, "." or ".." segment, no backslash or control character. */
    public static String checked(String key) {
        if (key == null || key.isEmpty() || key.startsWith("/") || key.endsWith("/")) {
            throw refused(key, "it is empty or not relative");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw refused(key, "it has an empty, '.' or '..' part");
            }
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '\\' || c < 0x20 || c == 0x7f) {
                throw refused(key, "it holds a backslash or a control character");
            }
        }
        return key;
    }

    /** Whether the key's last part is one of our hidden files (a temporary or a probe), which no listing shows. */
    public static boolean hidden(String key) {
        return name(key).startsWith(HIDDEN_PREFIX);
    }

    /** The key's last part. */
    public static String name(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    /** The key's folder part with its trailing '/', or "" at the root. */
    public static String folder(String key) {
        return key.substring(0, key.lastIndexOf('/') + 1);
    }

    private static BackupDeskException refused(String key, String why) {
        return new BackupDeskException(ErrorKind.CONFIGURATION, "The name '" + printable(key)
                + "' at a destination was refused: " + why + ".", "Nothing was read or written under that name.",
                List.of(), null);
    }

    private static String printable(String key) {
        return key == null ? "" : key.replaceAll("\\p{Cntrl}", "?");
    }
}
