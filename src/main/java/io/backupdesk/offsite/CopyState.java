package io.backupdesk.offsite;

import java.time.Instant;
import java.util.Locale;

/**
 * Where one backup's copy to one destination stands, as one line of the copy ledger says it.
 *
 * @param status        {@code OK} only once the destination confirmed the content ({@code confirmedBy} says how)
 * @param sha256        the backup file's SHA-256 as the destination confirmed it; null until then
 * @param attempts      failed attempts so far; reset by a success
 * @param nextAttemptAt when a failed copy is tried again; null when it is not retried (it succeeded, or it can never
 *                      succeed as things are, e.g. a destination that takes only encrypted backups)
 * @param error         why the last attempt failed; null when it did not
 * @param remoteKey     the backup file's key under the destination's root
 */
public record CopyState(String backupId, String destination, Status status, String sha256, String confirmedBy,
                        Instant at, int attempts, Instant nextAttemptAt, String error, String remoteKey) {
    public enum Status {
        /** To be copied: queued, or a failed attempt waits for its retry. */
        PENDING,
        /** At the destination and confirmed there. */
        OK,
        /** Failed and not retried by itself: a person must act (or run {@code copies retry}). */
        FAILED,
        /** At the destination, but what it holds no longer matches the backup's checksum. */
        CORRUPT,
        /** Deleted from the destination by its retention. */
        REMOVED;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean due(Instant now) {
        return status == Status.PENDING && (nextAttemptAt == null || !nextAttemptAt.isAfter(now));
    }
}
