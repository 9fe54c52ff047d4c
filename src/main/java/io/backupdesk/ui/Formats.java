package io.backupdesk.ui;

import io.backupdesk.core.ByteSizes;
import io.backupdesk.core.Counts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Sizes, durations, ages and times as the screens show them. */
public final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SOON_TODAY = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter SOON_WEEK = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.UK);

    private Formats() { }

    /** "305,000": the rule is {@link Counts}, shared with the command line and the logs. */
    public static String count(long count) {
        return Counts.format(count);
    }

    /** The rule is {@link ByteSizes}, shared with the command line and the tray. */
    public static String bytes(long bytes) {
        return ByteSizes.format(bytes);
    }

    /**
     * An age1… public key cut to its start and end: enough to tell two apart at a glance without a 62-character
     * line; the full key is in the key store and on the command line.
     */
    public static String publicKey(String key) {
        return key.length() <= 20 ? key : key.substring(0, 12) + "…" + key.substring(key.length() - 4);
    }

    /** A SHA-256 or other long hex value cut to its start and end, as the copies of a backup show it. */
    public static String checksum(String hex) {
        return hex == null ? "–" : hex.length() <= 20 ? hex : hex.substring(0, 8) + "…" + hex.substring(hex.length() - 8);
    }

    /** "nas", "nas and s3", "nas, s3 and sftp-1": names as a sentence lists them. */
    public static String names(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    public static String duration(Duration d) {
        if (d == null) {
            return "–";
        }
        long seconds = d.toSeconds();
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }

    /** "3 h ago", "2 days ago": how long since. */
    public static String age(Instant then, Instant now) {
        if (then == null) {
            return "never";
        }
        long minutes = Duration.between(then, now).toMinutes();
        if (minutes < 1) {
            return "just now";
        }
        if (minutes < 60) {
            return minutes + " min ago";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " h ago";
        }
        return hours / 24 + " days ago";
    }

    /** "in 40 min", "in 9 h", "in 3 days": how long until. */
    public static String until(Instant then, Instant now) {
        long minutes = Duration.between(now, then).toMinutes();
        if (minutes < 1) {
            return "now";
        }
        if (minutes < 60) {
            return "in " + minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return "in " + hours + " h";
        }
        return "in " + hours / 24 + " days";
    }

    /** A time soon, as short as it can be told: "14:30" today, "Mon 02:30" within a week, else the date. */
    public static String soon(Instant then, Instant now) {
        ZonedDateTime at = then.atZone(ZoneId.systemDefault());
        LocalDate today = now.atZone(ZoneId.systemDefault()).toLocalDate();
        if (at.toLocalDate().equals(today)) {
            return SOON_TODAY.format(at);
        }
        return at.toLocalDate().isBefore(today.plusDays(7)) ? SOON_WEEK.format(at) : TIME.format(at);
    }

    public static String eta(Duration left) {
        long seconds = left.toSeconds();
        return seconds < 60 ? seconds + " s left" : seconds / 60 + " min left";
    }

    public static String time(Instant instant) {
        return instant == null ? "–" : TIME.format(instant.atZone(ZoneId.systemDefault()));
    }

    public static String percent(Double rate) {
        return rate == null ? "–" : String.format(Locale.ROOT, "%.0f%%", rate * 100);
    }
}
