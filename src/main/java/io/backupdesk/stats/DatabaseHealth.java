package io.backupdesk.stats;

import java.time.Instant;

/**
 * One database's standing: against the recovery-point objective, and whether its newest backup run failed.
 *
 * @param database       null for a server connection that has no set yet: the connection is then judged as a whole
 * @param lastBackup     the newest backup that is ok or verified; null when none
 * @param lastVerified   the newest verified backup; null when none
 * @param lastFailure    the newest failed or interrupted run since it is watched; null when none
 * @param health         red when failing or stale; green when a verified backup is within the RPO; amber otherwise
 *                       (a backup within the RPO not read back, or new and waiting for its first good backup)
 * @param since          when its RPO clock started: its connection was added, or first asked to back it up
 * @param failing        its newest backup run failed or was interrupted, and no good backup came after
 * @param stale          past its RPO: no good backup within the RPO, and longer than the RPO since {@code since}
 * @param error          the first line of what the failing run said; null when not failing
 * @param acknowledgedAt when the user acknowledged this very condition; null when not acknowledged
 */
public record DatabaseHealth(String profile, String database, Instant lastBackup, Instant lastVerified,
                             Instant lastFailure, Health health, Instant since, boolean failing, boolean stale,
                             String error, Instant acknowledgedAt) {

    /** A standing told by its colour alone: red means past the RPO, nothing fails and nothing is acknowledged. */
    public DatabaseHealth(String profile, String database, Instant lastBackup, Instant lastVerified,
                          Instant lastFailure, Health health) {
        this(profile, database, lastBackup, lastVerified, lastFailure, health, null, false, health == Health.RED, null,
                null);
    }

    /** "profile/database", or the profile alone for a server connection judged as a whole. */
    public String key() {
        return database == null ? profile : profile + "/" + database;
    }

    /**
     * What is wrong, as one token that changes when something new goes wrong: a later failure, or going past the RPO
     * again after a good backup. Null when nothing is wrong. An acknowledgement holds for one token.
     */
    public String condition() {
        if (!failing && !stale) {
            return null;
        }
        Instant staleSince = lastBackup != null ? lastBackup : since;
        return key() + (failing ? "|failed@" + lastFailure : "") + (stale ? "|stale@" + staleSince : "");
    }

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }

    /** Something is wrong and nobody acknowledged it yet: the tray's colour and the notices go by this. */
    public boolean needsAttention() {
        return (failing || stale) && !acknowledged();
    }

    /** The same standing, acknowledged at this time. */
    public DatabaseHealth acknowledgedAt(Instant at) {
        return new DatabaseHealth(profile, database, lastBackup, lastVerified, lastFailure, health, since, failing,
                stale, error, at);
    }
}
