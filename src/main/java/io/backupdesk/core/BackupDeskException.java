package io.backupdesk.core;

import java.util.List;

/**
 * A failure the user can act on: a one-sentence message, a hint saying what to do, and the tail of the
 * tool's output for a "Details" view. Messages never contain passwords.
 */
public class BackupDeskException extends RuntimeException {
    private final ErrorKind kind;
    private final String hint;
    private final List<String> details;
    private volatile String commandLineHint = "";

    public BackupDeskException(ErrorKind kind, String message, String hint) {
        this(kind, message, hint, List.of(), null);
    }

    public BackupDeskException(ErrorKind kind, String message, String hint, List<String> details, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.hint = hint == null ? "" : hint;
        this.details = List.copyOf(details);
    }

    public ErrorKind kind() {
        return kind;
    }

    public String hint() {
        return hint;
    }

    /**
     * The hint as the command line gives it. {@link #hint()} is for every front and names no command-line option or
     * command, as the desktop has neither; this one may, where typing one is the way out.
     */
    public String commandLineHint() {
        return commandLineHint.isBlank() ? hint : commandLineHint;
    }

    /** Sets the command line's own hint; call where the exception is made, before it is thrown. */
    public BackupDeskException withCommandLineHint(String text) {
        commandLineHint = text == null ? "" : text;
        return this;
    }

    /** The last lines the tool printed, oldest first; empty when no tool was involved. */
    public List<String> details() {
        return details;
    }

    public static BackupDeskException configuration(String message, String hint) {
        return new BackupDeskException(ErrorKind.CONFIGURATION, message, hint);
    }

    public static BackupDeskException cancelled() {
        return new BackupDeskException(ErrorKind.CANCELLED, "The job was cancelled.", "Nothing was kept from the cancelled run.");
    }
}
