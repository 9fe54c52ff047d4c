package io.backupdesk.ui;

import io.backupdesk.backup.BackupSets;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupSet;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.restore.RestoreReport;

import java.time.Duration;
import java.util.Locale;

/**
 * How a backup or a restore ended, in one line, for wherever the user started it: the main window's status bar, or
 * a notice of the tray. Built here alone, so that the window and the tray say it in the same words.
 */
public final class Outcomes {
    /** A reason is cut here: a notice and a status bar show one line, the details are in the log and the history. */
    static final int MAX_REASON = 160;

    private Outcomes() { }

    /** "prod/shop: 2.3 MB, verified in 4.2 s", or "prod/shop: 2.3 MB in 4.2 s, not read back". */
    public static String backup(BackupRecord made, BackupStatus status) {
        boolean verified = status == BackupStatus.VERIFIED || made.verification() != null
                && made.verification().status() == BackupStatus.VERIFIED;
        return Messages.get(verified ? "backup.done.verified" : "backup.done", made.profile() + "/" + made.database(),
                Formats.bytes(made.sizeBytes()), Formats.duration(Duration.ofMillis(made.durationMillis())));
    }

    /** "Set of prod: 3 of 3 databases, complete, 12 MB in 40 s". */
    public static String set(BackupSets.SetEntry made) {
        BackupSet set = made.set();
        long written = set.members().stream().filter(BackupSet.Member::written).count();
        return Messages.get("backup.set.done", Messages.get("backup.set.what", set.profile()), written,
                set.members().size(), Messages.get("backup.set.status." + made.status().name().toLowerCase(Locale.ROOT)),
                Formats.bytes(made.sizeBytes()), Formats.duration(Duration.ofMillis(set.durationMillis())));
    }

    /** "prod/shop: 2.3 MB in 4.2 s", when nothing more is known of the backup than its size and time. */
    public static String backup(String what, long bytes, Duration took) {
        return Messages.get("outcome.backup.plain", what, Formats.bytes(bytes), Formats.duration(took));
    }

    /**
     * "Restore of prod/shop into shop: complete, 12 tables in 8.1 s".
     *
     * @param what the restore, as {@link #restore(String, String)} names it
     */
    public static String restored(String what, RestoreReport report, Duration took) {
        String outcome = Messages.get(switch (report.outcome()) {
            case COMPLETE -> "restore.report.complete";
            case COMPLETE_WITH_WARNINGS -> "restore.report.warnings";
            case FAILED -> "restore.report.failed";
        }).toLowerCase(Locale.ROOT);
        return Messages.get("outcome.restored", what, outcome, report.tables().size(), Formats.duration(took));
    }

    /** "Restore of prod/shop into shop": a restore, named for its outcome. */
    public static String restore(String backup, String target) {
        return Messages.get("outcome.restore", backup, target);
    }

    /**
     * "prod/shop failed: could not connect to server ...": why, in one short line.
     *
     * @param what what was backed up or restored, as the other outcomes name it
     */
    public static String failed(String what, Throwable failure) {
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (failure instanceof BackupDeskException e && e.hint() != null && !e.hint().isBlank()
                && reason.length() + e.hint().length() < MAX_REASON) {
            reason = reason + " " + e.hint();
        }
        return failed(what, reason);
    }

    /** As {@link #failed(String, Throwable)}, from the reason's words. */
    public static String failed(String what, String reason) {
        String line = reason == null || reason.isBlank() ? Messages.get("outcome.failed.unknown")
                : reason.strip().lines().findFirst().orElse("");
        if (line.length() > MAX_REASON) {
            line = line.substring(0, MAX_REASON - 1) + "…";
        }
        return Messages.get("outcome.failed", what, line);
    }
}
