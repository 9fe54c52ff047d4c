package io.backupdesk.app;

import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.ui.Formats;
import io.backupdesk.ui.Messages;

import java.time.Duration;

/**
 * What the tray says about a backup started from its menu: that it began, and how it ended, since the user who
 * clicked there has no window to look at.
 */
record TrayOutcome(String title, String text) {

    static TrayOutcome started(String profile) {
        return new TrayOutcome(Messages.get("tray.backup.started.title", profile), Messages.get("tray.backup.started.text"));
    }

    /** A finished run; null for one that did not end well, which the failure notice tells. */
    static TrayOutcome finished(JobRun run) {
        if (run.status() != JobStatus.OK) {
            return null;
        }
        Duration took = run.startedAt() == null || run.finishedAt() == null ? null
                : Duration.between(run.startedAt(), run.finishedAt());
        return new TrayOutcome(Messages.get("tray.backup.done.title", run.profile() + "/" + run.database()),
                Messages.get("tray.backup.done.text", Formats.bytes(run.sizeBytes()), Formats.duration(took)));
    }
}
