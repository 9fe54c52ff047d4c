package io.backupdesk.core;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(?:i?b)?", Pattern.CASE_INSENSITIVE);

    private ByteSizes() { }

    /**
     * A size as a person types it: "500MB", "500M", "1.5 GiB", "2g", "4096". Units step by 1024, as {@link #format}
     * shows them, so a limit typed as "2 GB" is the "2.0 GB" a list shows.
     */
    public static long parse(String text) {
        Matcher m = text == null ? null : SIZE.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw BackupDeskException.configuration("'" + text + "' is not a size.",
                    "Write a number with an optional unit, e.g. 500MB, 2GB or 1.5TB.");
        }
        int power = m.group(2).isEmpty() ? 0 : "kmgt".indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(STEP).pow(power));
        if (bytes.signum() <= 0 || bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw BackupDeskException.configuration("'" + text + "' is not a size a backup can have.",
                    "Give a size above zero, e.g. 500MB.");
        }
        return bytes.longValue();
    }

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
