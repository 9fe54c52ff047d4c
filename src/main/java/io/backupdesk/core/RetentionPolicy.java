package io.backupdesk.core;

import java.time.Duration;

/**
 * How many backups of a database to keep. Every rule is optional; a backup that any of keep-last or the GFS rules
 * keeps is kept, unless it is older than the maximum age. With no rule at all nothing is deleted.
 *
 * @param keepLast the newest N good backups, N at least 1
 * @param daily    the newest good backup of each of the last D days
 * @param weekly   the newest good backup of each of the last W ISO weeks
 * @param monthly  the newest good backup of each of the last M months
 * @param maxAge   backups older than this go, whatever the other rules say (the "never" rules still hold)
 */
public record RetentionPolicy(Integer keepLast, Integer daily, Integer weekly, Integer monthly, Duration maxAge) {
    public RetentionPolicy {
        if (keepLast != null && keepLast < 1) {
            throw BackupDeskException.configuration("Keep at least the newest backup: keep-last must be 1 or more.",
                    "Use keep-last 1 or more, or leave it out.");
        }
        for (Integer count : new Integer[] {daily, weekly, monthly}) {
            if (count != null && count < 0) {
                throw BackupDeskException.configuration("A retention count cannot be negative.", "Use 0 or more.");
            }
        }
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw BackupDeskException.configuration("The maximum age must be longer than zero.", "E.g. 90d.");
        }
    }

    public static RetentionPolicy none() {
        return new RetentionPolicy(null, null, null, null, null);
    }

    /**
     * Whether keep-last or a GFS rule keeps something: then a backup none of them keeps may go. A GFS count of 0
     * keeps nothing and so selects nothing; it must not turn "maximum age only" into "delete everything".
     */
    public boolean selects() {
        return keepLast != null || positive(daily) || positive(weekly) || positive(monthly);
    }

    private static boolean positive(Integer count) {
        return count != null && count > 0;
    }

    public boolean isNone() {
        return !selects() && maxAge == null;
    }

    /** The rules in the command line's words, e.g. "keep-last 7, daily 7, max-age 90d"; "keep all" for none. */
    public String describe() {
        java.util.List<String> rules = new java.util.ArrayList<>();
        if (keepLast != null) {
            rules.add("keep-last " + keepLast);
        }
        if (daily != null) {
            rules.add("daily " + daily);
        }
        if (weekly != null) {
            rules.add("weekly " + weekly);
        }
        if (monthly != null) {
            rules.add("monthly " + monthly);
        }
        if (maxAge != null) {
            rules.add("max-age " + (maxAge.toHoursPart() == 0 && maxAge.toMinutesPart() == 0 && maxAge.toSecondsPart() == 0
                    ? maxAge.toDays() + "d" : maxAge.toString()));
        }
        return rules.isEmpty() ? "keep all" : String.join(", ", rules);
    }
}
