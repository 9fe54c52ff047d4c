package io.backupdesk.schedule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The pause as this app holds it and as the schedules' store keeps it, so that it lasts over a restart and a pause or
 * resume by another process (the command line) is taken over. Which changes of the store this app has seen is told
 * by the store's version. Not thread-safe: the scheduler calls it under its lock.
 */
final class StoredPause {
    private static final Logger LOG = LoggerFactory.getLogger(StoredPause.class);

    private final BackupScheduler.Schedules schedules;
    private final Clock clock;
    private boolean paused;
    /** This app's last pause or resume could not be stored; until one can, the stored state is not taken over. */
    private boolean notStored;
    /** The store's version whose pause this app has taken over. */
    private long seenVersion;

    StoredPause(BackupScheduler.Schedules schedules, Clock clock) {
        this.schedules = schedules;
        this.clock = clock;
    }

    boolean paused() {
        return paused;
    }

    void paused(boolean now) {
        paused = now;
    }

    /** Takes over the stored pause at start. */
    void readStored() {
        paused = schedules.pausedSince().isPresent();
    }

    /** The store's version read before its state was, kept once that state is applied. */
    void seen(long version) {
        seenVersion = version;
    }

    /** Stores a pause or its end. One that cannot be stored still holds in this app: the user asked for it now. */
    void store(boolean pause) {
        try {
            if (pause) {
                schedules.storePause(clock.instant());
            } else {
                schedules.storeResume(clock.instant());
            }
            notStored = false;
        } catch (RuntimeException e) {
            // the stored state is then not ours: taking it over would undo what the user just did
            notStored = true;
            LOG.warn("The schedules' {} could not be stored and holds only until the app closes: {}",
                    pause ? "pause" : "resume", e.getMessage());
        }
    }

    /** A pause stored since the last look (a minute at most), which a run about to start must obey. */
    boolean pausedElsewhere() {
        if (notStored) {
            return false;
        }
        try {
            return schedules.version() != seenVersion && schedules.pausedSince().isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Takes over a pause or resume another process stored since the last look, unless this app's own last pause or
     * resume could not be stored. The version is read before the state and kept only once the state is applied, so a
     * change written meanwhile, or a failed read, is seen at the next look.
     *
     * @param resumeHere told from when runs count again
     * @return whether the store changed at all since the last look (schedules may have been added or changed too)
     */
    boolean takeOver(Runnable pauseHere, Consumer<Instant> resumeHere) {
        long version = schedules.version();
        if (version == seenVersion) {
            return false;
        }
        if (!notStored) {
            boolean pausedThere = schedules.pausedSince().isPresent();
            if (pausedThere && !paused) {
                LOG.info("The schedules were paused by another process");
                pauseHere.run();
            } else if (!pausedThere && paused) {
                LOG.info("The schedules were resumed by another process");
                resumeHere.accept(schedules.resumedAt().orElse(clock.instant()));
            }
        }
        seenVersion = version;
        return true;
    }
}
