package io.backupdesk.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * The pause of all schedules as their store keeps it, so that it outlasts the app and another process (the command
 * line, {@code schedule run-due}) sees it. Without a store behind it, nothing is ever paused there.
 */
public interface PauseStore {
    /** Since when all schedules are paused; empty while they run. */
    default Optional<Instant> pausedSince() {
        return Optional.empty();
    }

    /** When a pause last ended; empty when there never was one. */
    default Optional<Instant> resumedAt() {
        return Optional.empty();
    }

    /** When the pause that ended at {@link #resumedAt()} began; empty when unknown. */
    default Optional<Instant> lastPauseStart() {
        return Optional.empty();
    }

    /** Stores a pause, so that it outlasts the app and other processes see it. */
    default void storePause(Instant at) { }

    /** Stores the end of the pause. */
    default void storeResume(Instant at) { }
}
