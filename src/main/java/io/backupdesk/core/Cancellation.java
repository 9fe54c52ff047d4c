package io.backupdesk.core;

/**
 * A cancel flag shared between whoever asks for a cancel (a button, Ctrl+C, a timeout) and the code that
 * runs a job. Thread-safe: any thread may cancel; the job polls {@link #isCancelled()}.
 */
public final class Cancellation {
    private final Cancellation parent;
    private volatile boolean cancelled;

    public Cancellation() {
        this(null);
    }

    private Cancellation(Cancellation parent) {
        this.parent = parent;
    }

    /** A flag of its own that also reads as cancelled when this one is: for stopping part of a job. */
    public Cancellation child() {
        return new Cancellation(this);
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled || parent != null && parent.isCancelled();
    }

    public void throwIfCancelled() {
        if (isCancelled()) {
            throw BackupDeskException.cancelled();
        }
    }
}
