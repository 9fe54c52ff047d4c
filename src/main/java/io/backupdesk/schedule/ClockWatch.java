package io.backupdesk.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Notices when the wall clock and the monotonic clock part ways: the machine slept and woke (the monotonic clock
 * stood still meanwhile), or someone or NTP set the time. Either way the armed timers now fire at the wrong wall
 * time, so the scheduler re-arms them and catches up what it missed. It ticks once a minute and does nothing else,
 * which costs nothing measurable; the schedules themselves are never polled.
 */
final class ClockWatch {
    /** Smaller steps are NTP slewing or timer slack, not a jump worth re-arming for. */
    static final Duration TOLERANCE = Duration.ofSeconds(5);
    static final Duration TICK = Duration.ofMinutes(1);

    /**
     * What the watch saw between two looks.
     *
     * @param lastSeen the wall time of the previous look, when the timers were still known to be right
     * @param expected the wall time the monotonic clock says it should be now
     * @param actual   the wall time it is
     */
    record Jump(Instant lastSeen, Instant expected, Instant actual) {
        Duration size() {
            return Duration.between(expected, actual);
        }
    }

    private final Clock clock;
    private final Timers timers;
    private Instant lastWall;
    private long lastMonotonic;
    private Timers.Armed tick;
    private boolean stopped;

    ClockWatch(Clock clock, Timers timers) {
        this.clock = clock;
        this.timers = timers;
        reset();
    }

    /**
     * From now on, once a minute until {@link #stop()}: runs {@code onTick} on the timer thread (it calls
     * {@link #look()}), then arms the next tick.
     */
    synchronized void tickEveryMinute(Runnable onTick) {
        if (stopped) {
            return;
        }
        tick = timers.after(TICK, () -> {
            try {
                onTick.run();
            } finally {
                tickEveryMinute(onTick);
            }
        });
    }

    synchronized void stop() {
        stopped = true;
        if (tick != null) {
            tick.cancel();
        }
    }

    /** Takes the present as the new reference, e.g. after a jump was handled. */
    synchronized void reset() {
        lastWall = clock.instant();
        lastMonotonic = timers.monotonicNanos();
    }

    /** The jump since the last look, if there was one; the present becomes the new reference either way. */
    synchronized Optional<Jump> look() {
        Instant wall = clock.instant();
        long monotonic = timers.monotonicNanos();
        Instant previous = lastWall;
        Instant expected = lastWall.plusNanos(monotonic - lastMonotonic);
        lastWall = wall;
        lastMonotonic = monotonic;
        Duration drift = Duration.between(expected, wall).abs();
        return drift.compareTo(TOLERANCE) > 0 ? Optional.of(new Jump(previous, expected, wall)) : Optional.empty();
    }
}
