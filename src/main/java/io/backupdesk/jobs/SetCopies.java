package io.backupdesk.jobs;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupSets;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupSet;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.Destination;
import io.backupdesk.core.Progress;
import io.backupdesk.core.ProgressUpdate;
import io.backupdesk.offsite.CopyLedger;
import io.backupdesk.offsite.CopyService;
import io.backupdesk.offsite.CopyState;
import io.backupdesk.offsite.DestinationStore;
import io.backupdesk.offsite.RemoteStore;
import io.backupdesk.offsite.RemoteStores;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One attempt at copying a set to one destination (decision 0043): its members not there yet as ordinary copies, then
 * its roles file, then its manifest last, so that a destination never shows a set whose parts are missing. The set's
 * own line in the ledger (under the set's id) is ok only once all of them are; until then it waits with the back-off
 * of any copy, and a retry of it tries only what is not there yet. Used by {@link CopyJob} alone.
 */
final class SetCopies {
    private final CopyJob job;
    private final DestinationStore destinations;
    private final RemoteStores stores;
    private final CopyLedger ledger;
    private final Path localRoot;

    SetCopies(CopyJob job, DestinationStore destinations, RemoteStores stores, CopyLedger ledger, Path localRoot) {
        this.job = job;
        this.destinations = destinations;
        this.stores = stores;
        this.ledger = ledger;
        this.localRoot = localRoot;
    }

    CopyState attempt(BackupSets.SetEntry set, String destinationName, int attemptsBefore, Progress progress,
                      Cancellation cancel) {
        CopyJob.Subject subject = new CopyJob.Subject(set.set().id(), set.set().profile(),
                "every database of the set", true);
        Optional<Destination> destination = destinations.find(destinationName);
        if (destination.isEmpty()) {
            return job.failedForGood(subject, destinationName, attemptsBefore, "the destination " + destinationName
                    + " was removed");
        }
        if (set.status() == BackupSet.Status.FAILED) {
            return job.failedForGood(subject, destinationName, attemptsBefore, "the set wrote nothing, so there is"
                    + " nothing of it to copy");
        }
        try {
            // refused as a whole before any member goes, so that no part of it is left there
            CopyService.refuseUnencrypted(set, destination.get());
        } catch (BackupDeskException e) {
            return job.failedForGood(subject, destinationName, attemptsBefore, e.getMessage());
        }
        List<String> missing = new ArrayList<>();
        boolean mendable = true;
        for (BackupCatalog.Entry member : set.members()) {
            CopyState before = copyOf(member, destinationName);
            if (before != null && before.status() == CopyState.Status.OK) {
                continue;
            }
            CopyState now = job.attempt(member, destinationName, CopyJob.attemptsSoFar(before), progress, cancel, true);
            if (now.status() != CopyState.Status.OK) {
                missing.add(member.record().database() + " (" + now.error() + ")");
                mendable &= now.status() == CopyState.Status.PENDING;
            }
        }
        if (!missing.isEmpty()) {
            String error = "its manifest was not copied, as not every database of it is there yet: "
                    + String.join("; ", missing);
            return mendable ? job.failedForNow(subject, destinationName, attemptsBefore + 1, error)
                    : job.failedForGood(subject, destinationName, attemptsBefore, error);
        }
        progress.report(ProgressUpdate.phase("Copying the set's roles file and manifest to " + destinationName));
        try (RemoteStore store = stores.open(destination.get())) {
            CopyState ok = job.ok(set.set().id(), destinationName,
                    new CopyService(localRoot).copySet(set, destination.get(), store, cancel));
            job.pruneAfterCopy(destination.get(), cancel);
            return ok;
        } catch (BackupDeskException e) {
            return job.failedForNow(subject, destinationName, attemptsBefore + 1, e.getMessage() + " " + e.hint());
        } catch (RuntimeException e) {
            return job.failedForNow(subject, destinationName, attemptsBefore + 1, "unexpected error: " + e);
        }
    }

    private CopyState copyOf(BackupCatalog.Entry member, String destination) {
        Map<String, CopyState> byDestination = ledger.of(member.record().id()).stream()
                .collect(Collectors.toMap(CopyState::destination, Function.identity(), (a, b) -> b));
        return byDestination.get(destination);
    }
}
