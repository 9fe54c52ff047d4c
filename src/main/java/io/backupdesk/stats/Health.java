package io.backupdesk.stats;

/** A database's standing against the recovery-point objective. */
public enum Health {
    /** The newest verified backup is younger than the RPO. */
    GREEN,
    /** Only a backup that was not read back is younger than the RPO. */
    AMBER,
    /** No good backup younger than the RPO. */
    RED
}
