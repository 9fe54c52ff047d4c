package io.backupdesk.restore;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.pg.TargetServer;

/**
 * Clean and restore in place: a safety backup of the target first, then pg_restore --clean --if-exists over it. When
 * the restore fails or is cancelled, the safety backup is put back at once, so the target ends as it began.
 */
final class InPlace {
    private final RestoreRun run;
    private final RestoreRun.Steps steps;

    InPlace(RestoreRun run, RestoreRun.Steps steps) {
        this.run = run;
        this.steps = steps;
    }

    RestoreReport run() {
        String db = run.plan().database();
        String safetyId = run.safetyBackup();
        run.journal().note(db + " was being restored in place and may be incomplete. The safety backup " + safetyId
                + " holds it as it was: put it back with 'backupdesk restore " + safetyId + " --target "
                + run.plan().target().name() + " --database " + db + "'.");
        TargetServer server = steps.server;
        if (!server.sessions(db).isEmpty()) {
            if (!run.plan().terminateSessions()) {
                throw new BackupDeskException(ErrorKind.PREFLIGHT_BLOCKED, "Sessions are connected to " + db + ": "
                        + server.sessions(db) + ". " + db + " was not touched; the safety backup " + safetyId + " was kept.",
                        "Ask them to disconnect, or let the restore end them (--terminate-sessions).");
            }
            server.terminateSessions(db);
        }
        RestoreReport report;
        try {
            report = steps.restoreInto(db, db, true, safetyId);
        } catch (BackupDeskException e) {
            putBack(safetyId);
            throw new BackupDeskException(e.kind(), e.getMessage() + " " + db + " was put back from the safety backup "
                    + safetyId + ".", e.hint(), e.details(), e);
        }
        if (report.outcome() == RestoreReport.Outcome.FAILED) {
            RestoreReport putBack = putBack(safetyId);
            return RestoreRun.failed(report, db + " was put back from the safety backup " + safetyId
                    + "; the failed state is kept as " + putBack.asideDatabase() + ".");
        }
        RestoreReport done = RestoreRun.withSummary(report, report.summary() + " The safety backup " + safetyId
                + " holds " + db + " as it was before.", null, safetyId);
        run.record(done);
        return done;
    }

    private RestoreReport putBack(String safetyId) {
        return Rollback.restoreSafetyBackup(run.services(), safetyId, run.plan().target(), run.plan().database(),
                run.runtimePassword(), run.progress(), new Cancellation(), run.journal());
    }
}
