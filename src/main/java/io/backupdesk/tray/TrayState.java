package io.backupdesk.tray;

/** What the tray icon says at a glance, worst first when several hold: a run going on shows as running. */
public enum TrayState {
    /** Every database's newest backup run succeeded and each has a backup within its RPO. */
    OK,
    /** A backup or restore runs now. */
    RUNNING,
    /** A database has no good backup within the RPO, or copies off the desk failed: the warning. */
    STALE,
    /** The newest backup run of some database failed. */
    FAILED
}
