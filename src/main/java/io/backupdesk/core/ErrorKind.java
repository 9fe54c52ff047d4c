package io.backupdesk.core;

/** What went wrong, in the categories a DBA acts on; each kind decides the hint and the exit code. */
public enum ErrorKind {
    VERSION_MISMATCH,
    AUTHENTICATION,
    /** The server wants a password and none is stored: ask the user, then try again. */
    PASSWORD_REQUIRED,
    UNKNOWN_DATABASE,
    CONNECTION,
    PERMISSION_DENIED,
    DISK_FULL,
    TIMEOUT,
    TOOL_MISSING,
    CANCELLED,
    /** The request itself is wrong (unknown profile, bad option): a usage error, not a failed job. */
    CONFIGURATION,
    /** A restore's pre-flight found something that must be dealt with first; nothing was changed. */
    PREFLIGHT_BLOCKED,
    /** Another job has the database now (one job per database); try again when it is done. */
    BUSY,
    /** A tool failed in a way we could not classify; the message carries its own words. */
    TOOL_FAILED,
    /** The backup grew past the size limit set for it; it was stopped and removed. */
    TOO_LARGE,
    IO;

    public boolean isUsageError() {
        return this == CONFIGURATION;
    }
}
