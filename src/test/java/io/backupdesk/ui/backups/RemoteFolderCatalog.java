package io.backupdesk.ui.backups;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.Cancellation;
import io.backupdesk.offsite.RemoteCatalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A catalog folder here and destinations whose catalogs hold more: what a destination holds is set by the test, and a
 * sync makes those not on this desk remote, as the engine's mirror would. The mirroring itself is the engine's,
 * tested on its own and end to end with a folder destination.
 */
final class RemoteFolderCatalog extends FolderCatalog {
    /** What each destination holds, by name, in the order synced. */
    final Map<String, List<BackupCatalog.Entry>> atDestinations = new LinkedHashMap<>();
    private final List<RemoteCatalog.RemoteEntry> mirrored = new ArrayList<>();
    final List<String> synced = new ArrayList<>();

    RemoteFolderCatalog(Path configDir, Path backupRoot) {
        super(configDir, backupRoot);
    }

    @Override
    public List<String> destinationNames() {
        return List.copyOf(atDestinations.keySet());
    }

    @Override
    public RemoteCatalog.Synced sync(String destination, Cancellation cancel) {
        synced.add(destination);
        mirrored.removeIf(r -> r.destination().equals(destination));
        List<RemoteCatalog.RemoteEntry> there = atDestinations.get(destination).stream()
                .map(e -> new RemoteCatalog.RemoteEntry(new BackupCatalog.Entry(e.record(), e.sidecar(),
                        BackupStatus.REMOTE), destination, e.record().profile() + "/" + e.record().database() + "/"))
                .toList();
        mirrored.addAll(there);
        return new RemoteCatalog.Synced(there, List.of(), List.of());
    }

    @Override
    public List<RemoteCatalog.RemoteEntry> remoteOnly() {
        List<String> here = scan().stream().map(e -> e.record().id()).toList();
        return mirrored.stream().filter(r -> !here.contains(r.entry().record().id())).toList();
    }
}
