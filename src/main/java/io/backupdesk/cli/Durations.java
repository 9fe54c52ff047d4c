package io.backupdesk.cli;

import io.backupdesk.core.BackupDeskException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads "90s", "30m", "2h", "1d" or ISO-8601 ("PT1H30M"), from zero to a hundred years. */
final class Durations {
    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(s|m|h|d)");
    /** Longer than any timeout or age means anything; added to a time, a larger one overflowed deep inside a run. */
    static final Duration LONGEST = Duration.ofDays(36_500);

    private Durations() { }

    static Duration parse(String text) {
        Duration duration = read(text);
        if (duration.isNegative()) {
            throw BackupDeskException.configuration("'" + text + "' is a negative duration.", "Write it like 90s, 30m, 2h or 1d.");
        }
        if (duration.compareTo(LONGEST) > 0) {
            throw BackupDeskException.configuration("'" + text + "' is longer than this tool can use (100 years).",
                    "Write a shorter one like 90s, 30m, 2h or 1d, or leave the option out for no limit.");
        }
        return duration;
    }

    private static Duration read(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(t);
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw BackupDeskException.configuration("'" + text + "' is not a duration this tool can use.",
                    "Write it like 90s, 30m, 2h or 1d.");
        }
    }
}
