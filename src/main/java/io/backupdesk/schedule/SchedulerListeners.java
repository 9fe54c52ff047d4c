package io.backupdesk.schedule;

import io.backupdesk.core.JobRun;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells every {@link BackupScheduler.Listener} what happened, on the calling thread (a timer's or a job's), in the
 * order they were added. A listener added while another thread tells them hears the next event. Thread-safe.
 */
final class SchedulerListeners {
    private final List<BackupScheduler.Listener> listeners = new CopyOnWriteArrayList<>();

    void add(BackupScheduler.Listener listener) {
        listeners.add(listener);
    }

    void started(RunRequest run) {
        listeners.forEach(l -> l.runStarted(run));
    }

    void finished(RunRequest run, JobRun result) {
        listeners.forEach(l -> l.runFinished(run, result));
    }

    void failed(RunRequest run, RuntimeException error) {
        listeners.forEach(l -> l.runFailed(run, error));
    }

    void skipped(RunRequest run, JobRun skipped) {
        listeners.forEach(l -> l.runSkipped(run, skipped));
    }

    void stateChanged() {
        listeners.forEach(BackupScheduler.Listener::stateChanged);
    }
}
