package io.backupdesk.core;

/**
 * Receives progress of a long job. Called from worker threads, at most a few times a second;
 * implementations must be thread-safe and must not block.
 */
@FunctionalInterface
public interface Progress {
    Progress NONE = update -> { };

    void report(ProgressUpdate update);
}
