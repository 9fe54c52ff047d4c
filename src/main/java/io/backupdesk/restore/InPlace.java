package io.backupdesk.restore;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.ShellQuoting;
import io.backupdesk.pg.DatabaseProperties;
import io.backupdesk.pg.TargetServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * Restore in place: the backup is read in full and a safety backup of the target is taken first. A whole restore then
 * empties the database by dropping it and creating it again with its owner, encoding, locale, settings, privileges and
 * comment, so that afterwards it holds exactly what the backup holds and nothing made since (pg_restore --clean
 * leaves such objects, and cannot drop the constraints partitions inherit). A selective restore drops and restores
 * only the chosen objects (pg_restore --clean --if-exists with a list) and leaves everything else as it is.
 * When the restore fails or is cancelled, the safety backup is put back at once, so the target ends as it began;
 * when even that fails, both errors are told, the safety backup is named with the command that puts it back, and the
 * run stays marked for the next start.
 */
final class InPlace {
    private static final Logger LOG = LoggerFactory.getLogger(InPlace.class);

    private final RestoreRun run;
    private final RestoreRun.Steps steps;

    InPlace(RestoreRun run, RestoreRun.Steps steps) {
        this.run = run;
        this.steps = steps;
    }

    RestoreReport run() {
        String db = run.plan().database();
        TargetServer server = steps.server;
        run.requireFullRead();
        // sessions are ended before the safety backup, so that what they wrote is in it, and again just before the
        // database is emptied, for any that connected meanwhile
        endSessions(server, db, "nothing was changed");
        String safetyId = run.safetyBackup();
        String putBackCommand = putBackCommand(safetyId);
        run.journal().note(db + " was being restored in place and may be incomplete. The safety backup " + safetyId
                + " holds it as it was: put it back with '" + putBackCommand + "'.");
        endSessions(server, db, db + " was not touched; the safety backup " + safetyId + " was kept");
        RestoreReport report;
        try {
            if (run.plan().whole()) {
                recreate(server, db);
            } else if (run.plan().loadsIntoExistingTables()) {
                steps.emptyTablesLoaded(db);
            }
            report = steps.restoreInto(db, db, ToolRestore.cleans(run.plan()), safetyId);
        } catch (BackupDeskException e) {
            putBackAfter(e, safetyId, putBackCommand);
            throw new BackupDeskException(e.kind(), e.getMessage() + " " + db + " was put back from the safety backup "
                    + safetyId + ".", e.hint(), e.details(), e);
        } catch (RuntimeException e) {
            // whatever broke after the database was emptied, it is put back before the error goes on
            BackupDeskException unexpected = new BackupDeskException(ErrorKind.TOOL_FAILED, "The restore failed"
                    + " unexpectedly: " + e + ".", "See the app's log.", List.of(), e);
            putBackAfter(unexpected, safetyId, putBackCommand);
            throw new BackupDeskException(ErrorKind.TOOL_FAILED, unexpected.getMessage() + " " + db + " was put back"
                    + " from the safety backup " + safetyId + ".", unexpected.hint(), List.of(), e);
        }
        if (report.outcome() == RestoreReport.Outcome.FAILED) {
            putBackAfter(new BackupDeskException(ErrorKind.TOOL_FAILED, report.summary(), "", List.of(), null), safetyId,
                    putBackCommand);
            RestoreReport failed = RestoreRun.failed(report, db + " was put back from the safety backup " + safetyId + ".");
            run.record(failed);
            return failed;
        }
        String scope = run.plan().loadsIntoExistingTables()
                ? " The rows of the tables restored were replaced by the backup's; their definitions and everything"
                + " else in " + db + " are as they were."
                : !run.plan().whole() && !run.plan().selective()
                ? " Only the backup's post-data was made again; the tables and their rows are as they were."
                : run.plan().selective()
                ? " Only the chosen objects were replaced; everything else in " + db + " is as it was."
                : report.outcome() == RestoreReport.Outcome.COMPLETE
                ? " " + db + " now holds exactly what the backup holds."
                : " " + db + " was emptied first, so nothing made since the backup is left; the errors below are what"
                + " differs from it.";
        RestoreReport done = RestoreRun.withSummary(report, report.summary() + scope + " The safety backup " + safetyId
                + " holds " + db + " as it was before.", null, safetyId);
        run.record(done);
        return done;
    }

    private void endSessions(TargetServer server, String db, String untouched) {
        List<TargetServer.Session> sessions = server.sessions(db);
        if (sessions.isEmpty()) {
            return;
        }
        if (!run.plan().terminateSessions()) {
            throw new BackupDeskException(ErrorKind.PREFLIGHT_BLOCKED, "Sessions are connected to " + db + ": "
                    + sessions + ". " + untouched + ".",
                    "Ask them to disconnect, or let the restore end them (the option to end sessions).");
        }
        int ended = server.terminateSessions(db);
        run.audit("ended " + ended + " session(s) on " + db + ": " + sessions);
    }

    /** Drops the database and creates it again, empty, with what it carries besides its contents. */
    private void recreate(TargetServer server, String db) {
        Optional<TargetServer.DatabaseTraits> traits = server.traits(db);
        DatabaseProperties properties = server.properties(db);
        RestoreService.phase(run.progress(), "Emptying " + db);
        run.audit("DROP DATABASE " + db + " to restore it in place");
        server.drop(db);
        server.create(db, traits);
        steps.makeRoomForTheArchivesSchemas(db);
        traits.ifPresent(t -> {
            try {
                server.setOwner(db, t.owner());
            } catch (BackupDeskException e) {
                LOG.warn("{} could not be given back to its owner {}: {}", db, t.owner(), e.getMessage());
            }
        });
        server.giveProperties(db, properties)
                .forEach(failure -> LOG.warn("A property of {} was not carried over: {}", db, failure));
    }

    /**
     * Puts the safety backup back after {@code cause}. When that fails too, throws one error that tells both, names
     * the safety backup and the command that puts it back, and leaves the run marked so the next start says so.
     */
    private void putBackAfter(BackupDeskException cause, String safetyId, String command) {
        String db = run.plan().database();
        try {
            RestoreReport putBack = Rollback.restoreSafetyBackup(run.services(), safetyId, run.plan().target(), db,
                    run.runtimePassword(), run.progress(), new Cancellation(), run.journal());
            if (putBack.outcome() == RestoreReport.Outcome.FAILED) {
                throw new BackupDeskException(ErrorKind.TOOL_FAILED, putBack.summary(), "", List.of(), null);
            }
            dropFailedState(putBack.asideDatabase());
        } catch (BackupDeskException second) {
            String unresolved = "The restore of " + db + " in place failed: " + cause.getMessage()
                    + " Putting " + db + " back from the safety backup failed too: " + second.getMessage() + " "
                    + db + " may be empty or incomplete. The safety backup " + safetyId + " holds it as it was;"
                    + " put it back with '" + command + "'.";
            run.journal().unresolved(unresolved);
            LOG.error("Restore {}: {}", run.id(), unresolved);
            throw new BackupDeskException(cause.kind(), unresolved, "When the server answers again, restore the safety"
                    + " backup " + safetyId + " over " + db + " (safe replace).", cause.details(), cause)
                    .withCommandLineHint("When the server answers again, put the safety backup back: " + command);
        }
    }

    /** The state the failed attempt left: worth nothing, since the backup and the safety backup both still exist. */
    private void dropFailedState(String aside) {
        if (aside == null) {
            return;
        }
        try (TargetServer server = run.openServer()) {
            run.audit("DROP DATABASE " + aside + " (what the failed restore in place left)");
            server.drop(aside);
        } catch (BackupDeskException e) {
            LOG.warn("Restore {}: could not drop {}, what the failed restore left: {}", run.id(), aside, e.getMessage());
        }
    }

    private String putBackCommand(String safetyId) {
        return "backupdesk restore " + safetyId + " --target " + ShellQuoting.quote(run.plan().target().name())
                + " --database " + ShellQuoting.quote(run.plan().database()) + " --mode safe-replace";
    }
}
