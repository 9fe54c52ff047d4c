package io.backupdesk.app;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupSets;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Outcomes;

import java.time.Duration;
import java.util.Optional;

/**
 * What the tray says about a backup: that one started from its menu began, and how a run ended, since the user who
 * clicked there has no window to look at. The line itself is the one the window's status bar shows
 * ({@link Outcomes}).
 *
 * @param failed whether it tells of a failure (a notice of its own kind)
 */
record TrayOutcome(String title, String text, boolean failed) {

    static TrayOutcome started(String profile) {
        return new TrayOutcome(Messages.get("tray.backup.started.title", profile),
                Messages.get("tray.backup.started.text"), false);
    }

    /**
     * A run that ended, with what it made when that could be read (a backup's sidecar says whether it was read back;
     * a set's manifest how many databases it holds).
     */
    static TrayOutcome finished(JobRun run, Optional<BackupCatalog.Entry> backup, Optional<BackupSets.SetEntry> set) {
        boolean isSet = JobRun.KIND_SET.equals(run.kind());
        String what = isSet ? Messages.get("backup.set.what", run.profile()) : run.profile() + "/" + run.database();
        String name = isSet ? run.profile() : run.profile() + "/" + run.database();
        boolean ok = run.status() == JobStatus.OK;
        String text;
        if (isSet && set.isPresent()) {
            // a partial set made some backups: what it made says it, not its error alone
            text = Outcomes.set(set.get());
        } else if (!ok) {
            text = Outcomes.failed(what, run.error());
        } else if (backup.isPresent()) {
            text = Outcomes.backup(backup.get().record(), backup.get().status());
        } else {
            Duration took = run.startedAt() == null || run.finishedAt() == null ? null
                    : Duration.between(run.startedAt(), run.finishedAt());
            text = Outcomes.backup(what, run.sizeBytes(), took);
        }
        return new TrayOutcome(Messages.get(ok ? "tray.backup.done.title" : "tray.backup.failed.title", name), text,
                !ok);
    }

    /** A run that could not be carried out at all: why, as the window would say it. */
    static TrayOutcome failed(String profile, RuntimeException error) {
        return new TrayOutcome(Messages.get("tray.backup.failed.title", profile), Outcomes.failed(profile, error), true);
    }
}
