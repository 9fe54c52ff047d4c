package io.backupdesk.engine;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.jobs.DestinationsJob;
import io.backupdesk.jobs.RemoteBackups;
import io.backupdesk.offsite.RemoteCatalog;
import io.backupdesk.offsite.CopyLedger;
import io.backupdesk.offsite.DestinationSecrets;
import io.backupdesk.offsite.DestinationStore;
import io.backupdesk.offsite.RemoteStores;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * The off-site part of the engine: the destinations, their secrets, the copy ledger, and where remote catalogs are
 * mirrored. Each part is made when first used, so a command that copies nothing reads none of these files.
 */
public final class Offsite {
    private final AppPaths paths;
    private final Consumer<String> warnings;
    private final Once<DestinationStore> destinations = new Once<>();
    private final Once<CopyLedger> ledger = new Once<>();

    Offsite(AppPaths paths, Consumer<String> warnings) {
        this.paths = paths;
        this.warnings = warnings;
    }

    public DestinationStore destinations() {
        return destinations.get(() -> new DestinationStore(paths.configDir(), warnings));
    }

    public DestinationSecrets secrets() {
        return new DestinationSecrets(paths.configDir());
    }

    /** The storage of each destination; SFTP servers' keys are checked against the app's own known_hosts file. */
    public RemoteStores stores() {
        return new RemoteStores(secrets(), paths.configDir().resolve("known_hosts"));
    }

    /** Keeping the destinations: add, test, trust a host key, remove. */
    public DestinationsJob destinationsJob() {
        return new DestinationsJob(destinations(), secrets(), stores(), ledger(), new SshHostKeys(), remoteCatalog());
    }

    public CopyLedger ledger() {
        return ledger.get(() -> new CopyLedger(paths.configDir(), warnings));
    }

    /** The backups at the destinations: sync, list, download for a restore. */
    public RemoteBackups remoteBackups(BackupCatalog local, BiPredicate<String, String> latestRunFailed, Clock clock) {
        return new RemoteBackups(destinations(), stores(), remoteCatalog(), ledger(), local, downloads(), latestRunFailed,
                clock);
    }

    /** The sidecars mirrored from the destinations by their last syncs. */
    public RemoteCatalog remoteCatalog() {
        return new RemoteCatalog(remoteCatalogs(), warnings);
    }

    /** Where the sidecars of each destination are mirrored by a catalog sync: one folder per destination. */
    public Path remoteCatalogs() {
        return paths.dataDir().resolve("remote");
    }

    /** Where remote backups are downloaded while they are restored; owner-only, emptied at every start. */
    public Path downloads() {
        return paths.runsDir().resolve("downloaded");
    }
}
