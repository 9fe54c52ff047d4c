package io.backupdesk.core;

import java.util.Locale;

/**
 * Sizes as people read them, the same on the screens, in the tray and on the command line: "999 B", "2.3 MB",
 * "24 MB", "246 MB". At most three figures, as {@code ls -h} and {@code du -h} show them, so a column of sizes reads
 * at a glance; one decimal only below ten, where it says something.
 */
public final class ByteSizes {
    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};
    private static final int STEP = 1024;
    /** A value that would round to 1000 or more moves up a unit: "1.0 MB", never "1000 KB". */
    private static final double NEXT_UNIT_AT = 999.5;
    /** A value that would round to 10.0 is shown whole: "10 MB", never "10.0 MB". */
    private static final double WHOLE_FROM = 9.95;

    private ByteSizes() { }

    /** The size with its unit; a negative size is unknown and shown as "–". */
    public static String format(long bytes) {
        if (bytes < 0) {
            return "–";
        }
        if (bytes < 1000) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= NEXT_UNIT_AT && unit < UNITS.length - 1) {
            value /= STEP;
            unit++;
        }
        return String.format(Locale.ROOT, value < WHOLE_FROM ? "%.1f %s" : "%.0f %s", value, UNITS[unit]);
    }
}
