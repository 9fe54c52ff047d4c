package io.backupdesk.jobs;

import io.backupdesk.restore.roles.RolesReport;

import java.util.List;

/**
 * What a set restore did, step by step: the roles, then each chosen database with its own settings and grants. A
 * database that failed did not stop the others; each says how it went.
 *
 * @param roles     what the roles step did; with roles skipped, that nothing was changed
 * @param databases every chosen database, in the order they were restored, including those not started
 */
public record SetRestoreReport(String setId, String target, RolesReport roles, List<SetDatabaseOutcome> databases) {
    public SetRestoreReport {
        databases = List.copyOf(databases);
    }

    /** Every database restored with all its rows and all its settings and grants, and no role setting refused. */
    public boolean succeeded() {
        return roles.failures().isEmpty() && databases.stream().allMatch(SetDatabaseOutcome::complete);
    }

    /** One or two sentences for a log line, a notification or the top of a screen. */
    public String summary() {
        long restored = databases.stream().filter(d -> d.status() == SetDatabaseOutcome.Status.RESTORED).count();
        long failed = databases.stream().filter(d -> d.status() == SetDatabaseOutcome.Status.FAILED).count();
        long notStarted = databases.size() - restored - failed;
        String text = "Set " + setId + " onto " + target + ": " + restored + " of " + databases.size() + " database"
                + (databases.size() == 1 ? "" : "s") + " restored";
        if (failed > 0) {
            text += ", " + failed + " failed";
        }
        if (notStarted > 0) {
            text += ", " + notStarted + " not started";
        }
        long incomplete = databases.stream().filter(d -> d.status() == SetDatabaseOutcome.Status.RESTORED
                && !d.complete()).count();
        if (incomplete > 0) {
            text += "; " + incomplete + " without all of " + (incomplete == 1 ? "its" : "their")
                    + " own settings and grants";
        }
        return text + ". " + roles.summary();
    }
}
