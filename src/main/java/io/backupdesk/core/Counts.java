package io.backupdesk.core;

import java.util.Locale;

/**
 * Counts as people read them, the same on the screens, in the logs and on the command line: "5,000", "305,000",
 * "1,234,567", grouped by thousands. One rule, so that a row count in one place never reads "305000" beside "5,000" in
 * another.
 */
public final class Counts {
    private Counts() { }

    public static String format(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
