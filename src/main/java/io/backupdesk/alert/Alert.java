package io.backupdesk.alert;

import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.Schedule;
import io.backupdesk.pg.ToolErrors;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Something the user must learn of while away from the desk, worded for a chat message or an e-mail: the title says
 * what happened and where, the body what went wrong, what to do, and when. It is read on a phone by someone who did
 * not see the app, so it names profile and database and never relies on a screen's context.
 *
 * @param title    one line, e.g. "Backup of sales on prod failed"; the e-mail's subject
 * @param body     plain text, several lines
 * @param time     when it happened
 * @param severity how bad it is
 */
public record Alert(String title, String body, Instant time, Severity severity) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);

    public enum Severity {
        /** Only to show that the channel works. */
        INFO,
        /** Nothing failed yet, but the backups are not what they should be. */
        WARNING,
        FAILURE
    }

    /** A run that failed, or that was interrupted because the app died while it ran. */
    public static Alert failedRun(JobRun run) {
        boolean set = JobRun.KIND_SET.equals(run.kind());
        String job = JobRun.KIND_RESTORE.equals(run.kind()) ? "Restore" : set ? "Backup set" : "Backup";
        // a set with some databases written is partial: those are kept, the others are named in the error
        String ended = run.status() == JobStatus.INTERRUPTED ? "was interrupted"
                : set && run.backupId() != null ? "is partial" : "failed";
        String what = set ? "every database" : "database " + run.database();
        Instant time = run.finishedAt() != null ? run.finishedAt() : run.startedAt();
        StringBuilder body = new StringBuilder()
                .append(scheduled(run.origin()) ? "The scheduled " : "The ").append(job.toLowerCase(Locale.ROOT))
                .append(" of ").append(what).append(" (connection profile ").append(run.profile())
                .append(") ").append(ended).append(" at ").append(format(time)).append(".\n\n");
        if (run.error() != null && !run.error().isBlank()) {
            body.append("Error: ").append(run.error().strip()).append('\n');
        }
        if (run.errorKind() != null) {
            body.append("What to do: ").append(ToolErrors.hintFor(run.errorKind())).append('\n');
        }
        body.append("\nRun ").append(run.id());
        return new Alert(job + (set ? " of " + run.profile() : " of " + run.database() + " on " + run.profile()) + " "
                + ended, body.toString(), time,
                Severity.FAILURE);
    }

    /**
     * A database whose newest backup is older than the recovery-point objective, or that has none.
     *
     * @param database     null for a server connection that has no set yet
     * @param lastBackupAt when its newest good backup was made; null when it has none
     * @param now          when this was found
     */
    public static Alert stale(String profile, String database, Instant lastBackupAt, Duration rpo, Instant now) {
        String what = database == null ? "Server connection " + profile : "Database " + database
                + " (connection profile " + profile + ")";
        String named = database == null ? profile : database + " on " + profile;
        String body;
        String title;
        if (lastBackupAt == null) {
            title = named + " has no backup";
            body = what + " has no good backup at all.";
        } else {
            title = named + " has no backup for " + span(Duration.between(lastBackupAt, now));
            body = "The newest good backup of " + what.substring(0, 1).toLowerCase(Locale.ROOT) + what.substring(1)
                    + " was made at " + format(lastBackupAt) + ".";
        }
        body += "\nThe recovery-point objective is " + span(rpo) + ".\n\n"
                + "What to do: check that its schedule is enabled and that Backup Desk is running (in the tray), and"
                + " look at the latest runs in the job history.\n\nFound at " + format(now);
        return new Alert(title, body, now, Severity.WARNING);
    }

    /**
     * A copy of a backup that a destination did not take. The backup itself is intact on this desk; the copy is
     * tried again by itself unless {@code retried} is null.
     *
     * @param retried when the copy is tried again; null when it is not tried again by itself
     */
    public static Alert failedCopy(String backupId, String profile, String database, String destination, String error,
                                   Instant retried, Instant now) {
        String body = "The copy of backup " + backupId + " of database " + database + " (connection profile " + profile
                + ") to the destination " + destination + " failed at " + format(now) + ".\n\nError: "
                + (error == null ? "unknown" : error.strip()) + "\n\nThe backup itself is intact on this desk. "
                + (retried == null ? "The copy is not tried again by itself: fix the cause, then run"
                + " 'backupdesk copies retry'." : "The copy is tried again by itself at " + format(retried) + ".");
        return new Alert("Copy of " + database + " on " + profile + " to " + destination + " failed", body, now,
                Severity.WARNING);
    }

    /** What "Send test" sends: it says plainly that nothing is wrong. */
    public static Alert test(Instant now) {
        return new Alert("Test alert from Backup Desk", "This is a test. Backup Desk will report failed backups and"
                + " databases without a recent backup here.\n\nSent at " + format(now), now, Severity.INFO);
    }

    /** Title and body as one plain text, for channels that have no subject line. */
    public String text() {
        return title + "\n\n" + body;
    }

    private static boolean scheduled(String origin) {
        return origin != null && origin.startsWith(Schedule.ORIGIN_PREFIX);
    }

    /** In this machine's zone with its offset: the reader may be in another zone. */
    private static String format(Instant time) {
        return time == null ? "an unknown time" : WHEN.format(time.atZone(ZoneId.systemDefault()));
    }

    /** "45 minutes", "31 hours", "3 days": as a person says it, rounded down. */
    static String span(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 120) {
            return minutes == 1 ? "1 minute" : minutes + " minutes";
        }
        long hours = minutes / 60;
        return hours < 72 ? hours + " hours" : hours / 24 + " days";
    }
}
