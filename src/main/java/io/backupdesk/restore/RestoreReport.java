package io.backupdesk.restore;

import io.backupdesk.restore.roles.RolesReport;

import java.util.List;

/**
 * What a restore did, in words and numbers.
 *
 * @param summary        one or two sentences saying plainly whether the restore is complete
 * @param tables         each table of the backup (in the selection) with its rows then and now
 * @param harmlessErrors errors that change nothing (an object that already existed)
 * @param realErrors     errors that mean something is missing or wrong
 * @param asideDatabase  safe replace: where the previous database was kept, until the user drops it
 * @param safetyBackupId clean in place: the backup taken of the target first
 * @param log            the last lines of the tool's output
 * @param roles          what the roles step did before the restore, when the backup's roles file was restored first;
 *                       null when it was not
 */
public record RestoreReport(String restoreId, Outcome outcome, String summary, String database,
                            List<TableComparison> tables, List<String> harmlessErrors, List<String> realErrors,
                            String asideDatabase, String safetyBackupId, List<String> log, RolesReport roles) {
    /** COMPLETE: every table and row is there and nothing real failed. */
    public enum Outcome { COMPLETE, COMPLETE_WITH_WARNINGS, FAILED }

    public RestoreReport {
        tables = List.copyOf(tables);
        harmlessErrors = List.copyOf(harmlessErrors);
        realErrors = List.copyOf(realErrors);
        log = List.copyOf(log);
    }

    /** A report of a restore whose roles were left as they were. */
    public RestoreReport(String restoreId, Outcome outcome, String summary, String database,
                         List<TableComparison> tables, List<String> harmlessErrors, List<String> realErrors,
                         String asideDatabase, String safetyBackupId, List<String> log) {
        this(restoreId, outcome, summary, database, tables, harmlessErrors, realErrors, asideDatabase, safetyBackupId,
                log, null);
    }

    /** This report after the roles step that ran before it: its summary begins with what that step did. */
    public RestoreReport withRoles(RolesReport done) {
        return new RestoreReport(restoreId, outcome, done.summary() + " " + summary, database, tables, harmlessErrors,
                realErrors, asideDatabase, safetyBackupId, log, done);
    }

    /**
     * Whether the restore did what was asked: complete, with at most harmless errors. A restore that went on past real
     * errors may hold every row and still lack an index or a grant; it is not a success, for the history and for the
     * command line's exit code alike.
     */
    public boolean succeeded() {
        return outcome != Outcome.FAILED && realErrors.isEmpty();
    }
}
