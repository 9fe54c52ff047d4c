package io.backupdesk.cli;

import io.backupdesk.core.BackupDeskException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads "90s", "30m", "2h", "1d" or ISO-8601 ("PT1H30M"). */
final class Durations {
    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(s|m|h|d)");

    private Durations() { }

    static Duration parse(String text) {
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
