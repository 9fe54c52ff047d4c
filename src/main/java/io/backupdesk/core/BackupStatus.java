package io.backupdesk.core;

/** The state of a backup as the catalog shows it. */
public enum BackupStatus {
    /** Written completely; not read back yet. */
    OK,
    /** Read back in full and its checksum matched. */
    VERIFIED,
    FAILED,
    /** The checksum or a full read failed: never restore it silently. */
    CORRUPT,
    /** The sidecar is there but the archive is gone. */
    MISSING,
    /** Not on this desk: only at a destination, found by a catalog sync; a restore downloads it first. */
    REMOTE
}
