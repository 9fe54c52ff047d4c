package io.backupdesk.cli;

import io.backupdesk.core.ByteSizes;
import io.backupdesk.core.Counts;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Sizes, durations and times the way a person reads them. */
final class Format {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Format() { }

    /** The rule is {@link ByteSizes}, shared with the desktop. */
    static String bytes(long bytes) {
        return ByteSizes.format(bytes);
    }

    static String duration(Duration d) {
        long millis = d.toMillis();
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = d.toSeconds();
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(ZoneId.systemDefault()));
    }

    /**
     * Keys to encrypt to, for a table: names as they are, an age1… public key cut to its start and end (still enough
     * to tell two apart; {@code --json} has it whole); "-" for none.
     */
    static String keys(List<String> entries) {
        if (entries.isEmpty()) {
            return "-";
        }
        return String.join(", ", entries.stream().map(Format::key).toList());
    }

    private static String key(String entry) {
        return entry.startsWith("age1") && entry.length() >= 60
                ? entry.substring(0, 12) + "…" + entry.substring(entry.length() - 4) : entry;
    }

    static String count(long n) {
        return Counts.format(n);
    }
}
