package io.backupdesk.restore;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.Progress;
import io.backupdesk.pg.TargetServer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * Puts a restored database in the place of another: gives it the original's settings, privileges and comment, ends
 * the sessions on the original (only with consent), renames it aside and the restored one into its name in one
 * transaction, and gives it the original's owner. Either both
 * renames happen or neither does, even if the app dies in between.
 */
final class DatabaseSwap {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSwap.class);
    private static final int ATTEMPTS = 5;
    private static final long RETRY_MILLIS = 300;

    private final TargetServer server;
    private final boolean terminateSessions;
    private final Progress progress;

    DatabaseSwap(TargetServer server, boolean terminateSessions, Progress progress) {
        this.server = server;
        this.terminateSessions = terminateSessions;
        this.progress = progress;
    }

    /** Renames {@code database} to {@code aside}, then {@code replacement} to {@code database}. */
    void swap(String replacement, String database, String aside) {
        Optional<TargetServer.DatabaseTraits> original = server.traits(database);
        server.giveProperties(replacement, server.properties(database))
                .forEach(failure -> LOG.warn("A property of {} was not carried over: {}", database, failure));
        RestoreService.phase(progress, "Swapping " + replacement + " into the place of " + database);
        rename(database, aside, replacement);
        original.ifPresent(t -> {
            try {
                server.setOwner(database, t.owner());
            } catch (BackupDeskException e) {
                // the login may not hand databases to others; the restored one then stays the login's own
            }
        });
    }

    /** Sessions may connect between ending them and the rename, so it is tried a few times. */
    private void rename(String database, String aside, String replacement) {
        for (int attempt = 1; ; attempt++) {
            List<TargetServer.Session> sessions = server.sessions(database);
            if (!sessions.isEmpty()) {
                if (!terminateSessions) {
                    throw new BackupDeskException(ErrorKind.PREFLIGHT_BLOCKED, sessions.size() + " session(s) connected to "
                            + database + " while it was to be replaced: " + sessions + ". " + database + " was not touched.",
                            "Ask them to disconnect, or let the restore end them.")
                            .withCommandLineHint("Ask them to disconnect, or let the restore end them (--terminate-sessions).");
                }
                int ended = server.terminateSessions(database);
                LOG.info("Ended {} session(s) on {} to replace it: {}", ended, database, sessions);
            }
            try {
                server.swapNames(database, aside, replacement);
                LOG.info("Swapped {} into the place of {}; the previous database is now {}", replacement, database, aside);
                return;
            } catch (BackupDeskException e) {
                if (attempt == ATTEMPTS || !String.valueOf(e.getMessage()).contains("being accessed by other users")) {
                    throw e;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BackupDeskException.cancelled();
        }
    }
}
