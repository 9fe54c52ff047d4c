package io.backupdesk.schedule;

import io.backupdesk.core.Schedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one armed timer per schedule, for its next run, and the last occurrence each schedule handled. An armed
 * schedule keeps its {@link ScheduleTimes}, so the same schedule read again is armed anew without reading its cron
 * again. Not thread-safe: the scheduler calls it under its lock.
 */
final class ArmedTimers {
    private static final Logger LOG = LoggerFactory.getLogger(ArmedTimers.class);

    /** What a timer does when it goes off for the occurrence {@code at} of the schedule {@code id}. */
    interface Fire {
        void fire(String id, Instant at);
    }

    private record Armed(ScheduleTimes times, Instant at, Timers.Armed timer) { }

    private final Timers timers;
    private final Clock clock;
    private final Fire fire;
    private final Map<String, Armed> armed = new HashMap<>();
    /** The last occurrence handled per schedule: after the clock is set back, it is not run a second time. */
    private final Map<String, Instant> handled = new HashMap<>();

    ArmedTimers(Timers timers, Clock clock, Fire fire) {
        this.timers = timers;
        this.clock = clock;
        this.fire = fire;
    }

    /** The times of a schedule just read from the store, its cron read again only when it changed since it was armed. */
    ScheduleTimes timesOf(Schedule schedule) {
        Armed known = armed.get(schedule.id());
        return known == null ? ScheduleTimes.of(schedule) : known.times().updatedTo(schedule);
    }

    /**
     * Arms the schedule for its next run after now, or after the last occurrence it handled when that lies ahead (the
     * clock was set back). A schedule without a next run stays disarmed.
     */
    void arm(ScheduleTimes times) {
        String id = times.schedule().id();
        disarm(id);
        times.problem().ifPresent(problem -> LOG.warn("Schedule {} is not armed: {}", id, problem.getMessage()));
        Instant now = clock.instant();
        Instant from = handled.getOrDefault(id, now).isAfter(now) ? handled.get(id) : now;
        Optional<Instant> next = times.nextRunAfter(from);
        if (next.isEmpty()) {
            return;
        }
        Instant at = next.get();
        armed.put(id, new Armed(times, at, timers.after(Duration.between(now, at), () -> fire.fire(id, at))));
    }

    void disarm(String id) {
        Armed timer = armed.remove(id);
        if (timer != null) {
            timer.timer().cancel();
        }
    }

    void disarmAll() {
        new ArrayList<>(armed.keySet()).forEach(this::disarm);
    }

    /** Whether the schedule's timer is armed for {@code at}; not when it was disarmed or re-armed meanwhile. */
    boolean armedFor(String id, Instant at) {
        Armed timer = armed.get(id);
        return timer != null && timer.at().equals(at);
    }

    boolean isArmed(String id) {
        return armed.containsKey(id);
    }

    /**
     * The schedule's timer went off: it is no longer armed (it needs no cancel).
     *
     * @return the times it was armed with
     */
    ScheduleTimes fired(String id) {
        return armed.remove(id).times();
    }

    /** The run the schedule is armed for; null when it is not armed. */
    Instant nextRun(String id) {
        Armed timer = armed.get(id);
        return timer == null ? null : timer.at();
    }

    Optional<Instant> soonest() {
        return armed.values().stream().map(Armed::at).min(Instant::compareTo);
    }

    /** The schedule has handled its occurrences up to {@code until}: it is never armed for one before it. */
    void handled(String id, Instant until) {
        handled.put(id, until);
    }

    /** Until when the schedule handled its occurrences; empty when it has not handled one in this app. */
    Optional<Instant> handledUntil(String id) {
        return Optional.ofNullable(handled.get(id));
    }

    /** A changed or removed schedule starts afresh. */
    void forget(String id) {
        handled.remove(id);
    }
}
