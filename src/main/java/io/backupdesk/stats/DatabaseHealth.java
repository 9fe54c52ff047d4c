package io.backupdesk.stats;

import java.time.Instant;

/**
 * One database's standing.
 *
 * @param lastBackup   the newest backup that is ok or verified; null when none
 * @param lastVerified the newest verified backup; null when none
 * @param lastFailure  the newest failed or interrupted run; null when none
 */
public record DatabaseHealth(String profile, String database, Instant lastBackup, Instant lastVerified,
                             Instant lastFailure, Health health) {
    public String key() {
        return profile + "/" + database;
    }
}
