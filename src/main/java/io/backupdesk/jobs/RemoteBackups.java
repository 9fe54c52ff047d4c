package io.backupdesk.jobs;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupSets;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.Destination;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.offsite.CopyLedger;
import io.backupdesk.offsite.CopyState;
import io.backupdesk.offsite.DestinationStore;
import io.backupdesk.offsite.RemoteCatalog;
import io.backupdesk.offsite.RemoteRetention;
import io.backupdesk.offsite.RemoteSets;
import io.backupdesk.offsite.RemoteStore;
import io.backupdesk.offsite.RemoteStores;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * The backups at the destinations, one catalog across desks: {@code catalog sync} mirrors a destination's sidecars
 * here; backups found only there are listed as remote and restored by downloading them first. What a sync finds
 * goes into the copy ledger, so that {@code copies} shows them too.
 */
public final class RemoteBackups {
    private final DestinationStore destinations;
    private final RemoteStores stores;
    private final RemoteCatalog remote;
    private final CopyLedger ledger;
    private final BackupCatalog local;
    private final Path downloads;
    private final BiPredicate<String, String> latestRunFailed;
    private final Clock clock;

    public RemoteBackups(DestinationStore destinations, RemoteStores stores, RemoteCatalog remote, CopyLedger ledger,
                         BackupCatalog local, Path downloads, BiPredicate<String, String> latestRunFailed,
                         Clock clock) {
        this.latestRunFailed = latestRunFailed;
        this.destinations = destinations;
        this.stores = stores;
        this.remote = remote;
        this.ledger = ledger;
        this.local = local;
        this.downloads = downloads;
        this.clock = clock;
    }

    /** Mirrors the destination's catalog; records each backup found there, and each damaged one, in the ledger. */
    public RemoteCatalog.Synced sync(String destinationName, Cancellation cancel) {
        Destination destination = destinations.require(destinationName);
        RemoteCatalog.Synced synced;
        try (RemoteStore store = stores.open(destination)) {
            synced = remote.sync(destination, store, cancel);
        }
        Map<String, CopyState> known = ledger.current().stream().filter(s -> s.destination().equals(destinationName))
                .collect(Collectors.toMap(CopyState::backupId, s -> s, (a, b) -> b));
        for (RemoteCatalog.RemoteEntry found : synced.backups()) {
            CopyState before = known.get(found.entry().record().id());
            if (before == null || before.status() != CopyState.Status.OK) {
                ledger.record(new CopyState(found.entry().record().id(), destinationName, CopyState.Status.OK,
                        found.entry().record().sha256(), "a catalog sync that found it there, its size as recorded", clock.instant(),
                        0, null, null, found.archiveKey()));
            }
        }
        for (RemoteSets.RemoteSet found : synced.sets()) {
            CopyState before = known.get(found.entry().set().id());
            if (before == null || before.status() != CopyState.Status.OK) {
                ledger.record(new CopyState(found.entry().set().id(), destinationName, CopyState.Status.OK,
                        null, "a catalog sync that found its manifest there",
                        clock.instant(), 0, null, null, found.manifestKey()));
            }
        }
        for (RemoteCatalog.RemoteEntry damaged : synced.damaged()) {
            ledger.record(new CopyState(damaged.entry().record().id(), destinationName, CopyState.Status.CORRUPT, null,
                    null, clock.instant(), 0, null, "the copy's size differs from its sidecar's", damaged.archiveKey()));
        }
        return synced;
    }

    /**
     * Applies the destination's retention to the backups there, as a sync finds them now; records each copy deleted.
     *
     * @param dryRun decide and delete nothing
     */
    public RemoteRetention.Pruned prune(String destinationName, boolean dryRun, Cancellation cancel) {
        Destination destination = destinations.require(destinationName);
        RemoteRetention.Pruned pruned;
        try (RemoteStore store = stores.open(destination)) {
            RemoteCatalog.Synced synced = remote.sync(destination, store, cancel);
            pruned = RemoteRetention.prune(destination, store, synced.backups(), synced.sets(), latestRunFailed,
                    clock.instant(), clock.getZone(), dryRun);
            if (!dryRun && (!pruned.deleted().isEmpty() || !pruned.deletedSets().isEmpty())) {
                remote.sync(destination, store, cancel);
            }
        }
        if (!dryRun) {
            for (BackupCatalog.Entry gone : pruned.deleted()) {
                removed(gone.record().id(), destinationName);
            }
            for (BackupSets.SetEntry gone : pruned.deletedSets()) {
                removed(gone.set().id(), destinationName);
                gone.members().forEach(m -> removed(m.record().id(), destinationName));
            }
        }
        return pruned;
    }

    private void removed(String id, String destination) {
        ledger.record(new CopyState(id, destination, CopyState.Status.REMOVED, null, null, clock.instant(), 0, null,
                null, null));
    }

    /**
     * Reads each copy (of one backup, or of all) back from its destination in full and checks it against the
     * backup's recorded checksums; records each as ok or corrupt. Nothing is written anywhere but the ledger.
     */
    public List<CopyState> verifyCopies(Optional<String> backupId, Cancellation cancel) {
        Map<String, BackupRecord> records = new java.util.HashMap<>();
        local.scan().forEach(e -> records.put(e.record().id(), e.record()));
        remote.readAll().forEach(r -> records.putIfAbsent(r.entry().record().id(), r.entry().record()));
        List<CopyState> outcomes = new java.util.ArrayList<>();
        for (CopyState copy : ledger.current()) {
            boolean wanted = backupId.map(copy.backupId()::equals).orElse(true);
            boolean there = copy.status() == CopyState.Status.OK || copy.status() == CopyState.Status.CORRUPT;
            BackupRecord record = records.get(copy.backupId());
            if (!wanted || !there || copy.remoteKey() == null || record == null || cancel.isCancelled()) {
                continue;
            }
            Optional<Destination> destination = destinations.find(copy.destination());
            if (destination.isEmpty()) {
                continue;
            }
            Optional<String> problem;
            try (RemoteStore store = stores.open(destination.get())) {
                problem = CopyCheck.problem(store, copy.remoteKey(), record, cancel);
            }
            CopyState checked = problem.isEmpty()
                    ? new CopyState(copy.backupId(), copy.destination(), CopyState.Status.OK, record.sha256(),
                    "verify --remote, which read it back in full", clock.instant(), 0, null, null, copy.remoteKey())
                    : new CopyState(copy.backupId(), copy.destination(), CopyState.Status.CORRUPT, null, null,
                    clock.instant(), 0, null, problem.get(), copy.remoteKey());
            ledger.record(checked);
            outcomes.add(checked);
        }
        return outcomes;
    }

    /** The backups that are at a destination but not on this desk, each once (the first destination's), newest first. */
    public List<RemoteCatalog.RemoteEntry> remoteOnly() {
        return remote.readAllExcept(local.scan().stream().map(e -> e.record().id()).collect(Collectors.toSet()));
    }

    /**
     * A backup by id (or a unique id prefix of at least 4 characters) or path: on this desk first, else at a
     * destination, with the status {@link BackupStatus#REMOTE}.
     */
    public BackupCatalog.Entry require(String idOrPath) {
        try {
            return local.require(idOrPath);
        } catch (BackupDeskException notHere) {
            List<RemoteCatalog.RemoteEntry> matches = remoteOnly().stream()
                    .filter(r -> r.entry().record().id().equals(idOrPath)
                            || idOrPath.length() >= 4 && r.entry().record().id().startsWith(idOrPath)).toList();
            if (matches.size() != 1) {
                throw notHere;
            }
            return matches.get(0).entry();
        }
    }

    /** Where a remote backup is, for a download; empty for one on this desk. */
    Optional<RemoteCatalog.RemoteEntry> remoteOf(BackupCatalog.Entry entry) {
        if (entry.status() != BackupStatus.REMOTE) {
            return Optional.empty();
        }
        return remote.readAll().stream().filter(r -> r.entry().record().id().equals(entry.record().id())).findFirst();
    }

    /** Downloads a remote backup into a work folder of its own, checked against its sidecar. */
    DownloadedCopy download(BackupCatalog.Entry entry, Cancellation cancel) {
        RemoteCatalog.RemoteEntry at = remoteOf(entry).orElseThrow(() -> new BackupDeskException(ErrorKind.CONFIGURATION,
                "The backup " + entry.record().id() + " is at no destination known here.",
                "Sync the destination's catalog again.", List.of(), null));
        try (RemoteStore store = stores.open(destinations.require(at.destination()))) {
            return DownloadedCopy.of(at, store, downloads, cancel);
        }
    }

    /** Deletes the downloads of restores that died with their process. */
    public void removeAbandonedDownloads() {
        WorkFolder.removeAbandoned(downloads);
    }
}
