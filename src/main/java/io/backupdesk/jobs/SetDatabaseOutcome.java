package io.backupdesk.jobs;

import io.backupdesk.restore.DatabaseLevelReport;
import io.backupdesk.restore.RestoreReport;

/**
 * How one database of a set restore went: its restore's report, then what it was given of its own settings and
 * grants; or why it was not restored.
 *
 * @param report the restore's report; null when it did not run to a report (see {@code error})
 * @param level  what the database was given of its own settings, owner and grants; null when it was not restored
 * @param error  why there is no report: what stopped the restore, or why it was not started; null otherwise
 */
public record SetDatabaseOutcome(String database, String targetName, Status status, RestoreReport report,
                                 DatabaseLevelReport level, String error) {
    /** RESTORED may still carry settings that could not be given ({@link #complete()} says). */
    public enum Status { RESTORED, FAILED, NOT_STARTED }

    static SetDatabaseOutcome restored(String database, String targetName, RestoreReport report,
                                       DatabaseLevelReport level) {
        return new SetDatabaseOutcome(database, targetName, report.succeeded() ? Status.RESTORED : Status.FAILED,
                report, level, null);
    }

    static SetDatabaseOutcome failed(String database, String targetName, String error) {
        return new SetDatabaseOutcome(database, targetName, Status.FAILED, null, null, error);
    }

    static SetDatabaseOutcome notStarted(String database, String targetName, String why) {
        return new SetDatabaseOutcome(database, targetName, Status.NOT_STARTED, null, null, why);
    }

    /** Restored, with every row, and with all of its own settings and grants. */
    public boolean complete() {
        return status == Status.RESTORED && (level == null || level.succeeded());
    }
}
