package io.backupdesk.ui.settings;

import io.backupdesk.core.Destination;
import io.backupdesk.jobs.DestinationsJob;
import io.backupdesk.offsite.CopyLedger;
import io.backupdesk.offsite.DestinationCredentials;
import io.backupdesk.offsite.DestinationSecrets;
import io.backupdesk.offsite.DestinationStore;
import io.backupdesk.offsite.HostKeyOffer;
import io.backupdesk.offsite.RemoteCatalog;
import io.backupdesk.offsite.RemoteStores;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Destinations section's operations on the real destinations job over a configuration folder, as the app's are
 * on the engine's. Only the SFTP server's host key is scripted: {@link #offered} is what a server offers until it is
 * trusted, and {@link #trusted} records what was.
 */
final class FolderDestinations implements DestinationOperations {
    final DestinationStore store;
    final DestinationSecrets secrets;
    final DestinationsJob job;
    final List<HostKeyOffer> trusted = new ArrayList<>();
    /** The key an SFTP server offers until it is trusted; null for a server that offers none. */
    HostKeyOffer offered;
    /** How many times a destination was tested. */
    int tests;

    FolderDestinations(Path configDir) {
        this.store = new DestinationStore(configDir, w -> { });
        this.secrets = new DestinationSecrets(configDir);
        RemoteStores stores = new RemoteStores(secrets, configDir.resolve("known_hosts"));
        this.job = new DestinationsJob(store, secrets, stores, new CopyLedger(configDir, w -> { }),
                new DestinationsJob.HostKeys() {
                    @Override
                    public Optional<HostKeyOffer> untrusted(Destination destination, Path knownHosts) {
                        return trusted.contains(offered) ? Optional.empty() : Optional.ofNullable(offered);
                    }

                    @Override
                    public void trust(Path knownHosts, HostKeyOffer offer) {
                        trusted.add(offer);
                    }
                }, new RemoteCatalog(configDir.resolve("remote"), w -> { }));
    }

    @Override
    public List<Listed> list() {
        return job.list().stream().map(d -> new Listed(d, job.hasSecrets(d.name()))).toList();
    }

    @Override
    public void save(Destination destination, Optional<DestinationCredentials> credentials) {
        job.save(destination.createdAt() != null ? destination : new Destination(destination.name(),
                destination.url(), destination.endpoint(), destination.region(), destination.pathStyle(),
                destination.s3Checksums(), destination.identityFile(), destination.knownHosts(),
                destination.retention(), destination.requireEncryption(), Instant.now()), credentials);
    }

    @Override
    public void remove(String name) {
        job.remove(name);
    }

    @Override
    public String test(String name) {
        tests++;
        return job.test(name);
    }

    @Override
    public Optional<HostKeyOffer> untrustedHostKey(String name) {
        return job.untrustedHostKey(name);
    }

    @Override
    public void trust(String name, HostKeyOffer offer) {
        job.trust(name, offer);
    }
}
