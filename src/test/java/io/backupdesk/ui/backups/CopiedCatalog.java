package io.backupdesk.ui.backups;

import io.backupdesk.core.Cancellation;
import io.backupdesk.core.Progress;
import io.backupdesk.offsite.CopyState;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A catalog folder whose backups have copies off the desk, as a copy ledger would say: the copies are written here
 * by the test, and a retry confirms those of the backup it is asked for, as a destination that is reachable again
 * would. The copying itself is the copy job's, tested on its own.
 */
final class CopiedCatalog extends FolderCatalog {
    final List<CopyState> ledger = new ArrayList<>();
    final List<String> retried = new ArrayList<>();

    CopiedCatalog(Path configDir, Path backupRoot) {
        super(configDir, backupRoot);
    }

    static CopyState ok(String backupId, String destination, String sha256, Instant at) {
        return new CopyState(backupId, destination, CopyState.Status.OK, sha256, "read back", at, 0, null, null,
                "prod-1/sales/x.dump");
    }

    static CopyState pending(String backupId, String destination, Instant at, Instant next) {
        return new CopyState(backupId, destination, CopyState.Status.PENDING, null, null, at, 1, next,
                "The folder /mnt/nas is not there. Mount it.", null);
    }

    static CopyState failed(String backupId, String destination, Instant at) {
        return new CopyState(backupId, destination, CopyState.Status.FAILED, null, null, at, 0, null,
                "the backup is not encrypted, and vault takes only encrypted backups.", null);
    }

    @Override
    public List<CopyState> copies() {
        return List.copyOf(ledger);
    }

    @Override
    public List<CopyState> retryCopies(String backupId, Progress progress, Cancellation cancel) {
        retried.add(backupId);
        List<CopyState> outcomes = new ArrayList<>();
        for (CopyState state : List.copyOf(ledger)) {
            if (state.backupId().equals(backupId) && state.status() != CopyState.Status.OK) {
                CopyState now = state.destination().equals("vault") ? state
                        : ok(backupId, state.destination(), "ab".repeat(32), Instant.now());
                ledger.set(ledger.indexOf(state), now);
                outcomes.add(now);
            }
        }
        return outcomes;
    }
}
