package io.backupdesk.schedule;

import java.time.Duration;

/**
 * Where the scheduler arms its timers. Delays run on the monotonic clock, as a {@code ScheduledExecutorService}
 * measures them: they do not move while the machine sleeps, and a change of the wall clock does not shorten them.
 * That is why the scheduler also watches the wall clock (see {@link ClockWatch}). Tests pass a controllable one.
 */
public interface Timers extends AutoCloseable {
    /** A timer that can be disarmed. */
    interface Armed {
        void cancel();
    }

    /** Runs the task once after the delay, on the timer thread; keep it short and hand real work elsewhere. */
    Armed after(Duration delay, Runnable task);

    /** The monotonic clock the delays run on, in nanoseconds; only differences mean something. */
    long monotonicNanos();

    @Override
    void close();
}
