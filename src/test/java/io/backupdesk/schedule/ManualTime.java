package io.backupdesk.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/**
 * A wall clock and timers the test moves by hand. {@link #advance} lets time pass as it does on a running machine:
 * both clocks move and the timers that fall due run, in order, on the calling thread. {@link #sleep} is a suspended
 * machine: the wall clock moves, the monotonic clock (and so every timer) stands still. {@link #setWallClock} is
 * someone changing the time.
 */
final class ManualTime extends Clock implements Timers {
    private record Pending(long dueNanos, long order, Runnable task, boolean[] cancelled) { }

    private final PriorityQueue<Pending> pending = new PriorityQueue<>((a, b) -> a.dueNanos() != b.dueNanos()
            ? Long.compare(a.dueNanos(), b.dueNanos()) : Long.compare(a.order(), b.order()));
    private Instant wall;
    private long monotonic;
    private long order;

    ManualTime(Instant start) {
        this.wall = start;
    }

    @Override
    public synchronized Instant instant() {
        return wall;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized Armed after(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        pending.add(new Pending(monotonic + Math.max(0, delay.toNanos()), order++, task, cancelled));
        return () -> {
            synchronized (ManualTime.this) {
                cancelled[0] = true;
            }
        };
    }

    @Override
    public synchronized long monotonicNanos() {
        return monotonic;
    }

    /** Time passes on a running machine; due timers run on this thread, each at its own instant. */
    void advance(Duration duration) {
        long target;
        synchronized (this) {
            target = monotonic + duration.toNanos();
        }
        while (true) {
            Pending next;
            synchronized (this) {
                next = pending.peek();
                if (next == null || next.dueNanos() > target) {
                    wall = wall.plusNanos(target - monotonic);
                    monotonic = target;
                    return;
                }
                pending.poll();
                wall = wall.plusNanos(next.dueNanos() - monotonic);
                monotonic = next.dueNanos();
                if (next.cancelled()[0]) {
                    continue;
                }
            }
            next.task().run();
        }
    }

    /** Advances to the wall-clock instant, which must lie ahead. */
    void advanceTo(Instant instant) {
        advance(Duration.between(instant(), instant));
    }

    /** The machine sleeps: the wall clock moves on, the monotonic clock and the timers do not. */
    synchronized void sleep(Duration duration) {
        wall = wall.plus(duration);
    }

    synchronized void setWallClock(Instant instant) {
        wall = instant;
    }

    @Override
    public void close() {
    }
}
