package io.backupdesk.core;

/**
 * A cancel flag shared between whoever asks for a cancel (a button, Ctrl+C, a timeout) and the code that
 * runs a job. Thread-safe: any thread may cancel; the job polls {@link #isCancelled()}.
 */
public final class Cancellation {
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public void throwIfCancelled() {
        if (cancelled) {
            throw BackupDeskException.cancelled();
        }
    }
}
