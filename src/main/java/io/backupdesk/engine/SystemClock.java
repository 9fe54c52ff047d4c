package io.backupdesk.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The system clock in the system's time zone, as {@link Clock#systemDefaultZone()}, except that the zone is looked up
 * when first asked for. Looking it up reads the JDK's time-zone database, a third of a bare JVM's start-up on a cold
 * start, and a command that shows and stores no local time (a {@code list} of an empty catalog) never needs it
 * (docs/decisions/0052).
 */
final class SystemClock extends Clock {
    private volatile ZoneId zone;

    @Override
    public ZoneId getZone() {
        ZoneId found = zone;
        if (found == null) {
            // the JVM keeps the default zone once read, so racing threads find the same one
            found = ZoneId.systemDefault();
            zone = found;
        }
        return found;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return Clock.system(other);
    }

    @Override
    public Instant instant() {
        return Instant.now();
    }

    @Override
    public long millis() {
        return System.currentTimeMillis();
    }

    @Override
    public String toString() {
        return "SystemClock[" + getZone() + "]";
    }
}
