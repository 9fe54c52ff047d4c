package io.backupdesk.core;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Moments in the engine's sentences, as people read them: local time to the minute, not an ISO stamp. */
public final class Times {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private Times() { }

    public static String forPeople(Instant when) {
        return when == null ? "an unknown time" : LOCAL.format(when.atZone(ZoneId.systemDefault()));
    }
}
