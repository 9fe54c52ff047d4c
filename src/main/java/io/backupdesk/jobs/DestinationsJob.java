package io.backupdesk.jobs;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Destination;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.offsite.CopyLedger;
import io.backupdesk.offsite.CopyState;
import io.backupdesk.offsite.DestinationCredentials;
import io.backupdesk.offsite.DestinationSecrets;
import io.backupdesk.offsite.DestinationStore;
import io.backupdesk.offsite.HostKeyOffer;
import io.backupdesk.offsite.RemoteCatalog;
import io.backupdesk.offsite.RemoteStore;
import io.backupdesk.offsite.RemoteStores;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Keeping the destinations, the one use case behind {@code backupdesk destinations} and the Settings' Destinations
 * section: add or change one with its secrets, test it, trust an SFTP server's host key, remove one.
 */
public final class DestinationsJob {
    /**
     * How SFTP servers' host keys are looked at and trusted; the SSH client is loaded only when one is.
     */
    public interface HostKeys {
        /** The key the server offers when the known_hosts file does not trust it yet; empty when it does. */
        Optional<HostKeyOffer> untrusted(Destination destination, Path knownHosts);

        /** Adds the offered key to the known_hosts file. */
        void trust(Path knownHosts, HostKeyOffer offer);
    }

    /** How many copies wait for a retry or for a person. */
    public record CopiesSummary(int pending, int failed) { }

    private final DestinationStore destinations;
    private final DestinationSecrets secrets;
    private final RemoteStores stores;
    private final CopyLedger ledger;
    private final HostKeys hostKeys;
    private final RemoteCatalog remote;

    public DestinationsJob(DestinationStore destinations, DestinationSecrets secrets, RemoteStores stores,
                           CopyLedger ledger, HostKeys hostKeys, RemoteCatalog remote) {
        this.remote = remote;
        this.destinations = destinations;
        this.secrets = secrets;
        this.stores = stores;
        this.ledger = ledger;
        this.hostKeys = hostKeys;
    }

    public List<Destination> list() {
        return destinations.list();
    }

    public Optional<Destination> find(String name) {
        return destinations.find(name);
    }

    /**
     * Saves the destination, replacing one of the same name.
     *
     * @param credentials the secrets to store with it; empty keeps those stored (none for a new one)
     */
    public Destination save(Destination destination, Optional<DestinationCredentials> credentials) {
        destinations.save(destination);
        credentials.ifPresent(c -> secrets.store(destination.name(), c));
        return destination;
    }

    /** Whether secrets are stored for the destination. */
    public boolean hasSecrets(String name) {
        return !secrets.of(name).equals(DestinationCredentials.NONE);
    }

    /**
     * Removes the destination, its secrets and what this desk mirrored of its catalog; the copies already there stay
     * there, and a destination added again with its URL finds them with a sync.
     */
    public Destination remove(String name) {
        Destination destination = destinations.require(name);
        destinations.remove(name);
        secrets.remove(name);
        remote.forget(name);
        return destination;
    }

    /**
     * Logs in, writes a small file, reads it back and removes it.
     *
     * @return what was checked, as a sentence
     * @throws BackupDeskException saying what failed and what to do
     */
    public String test(String name) {
        Destination destination = destinations.require(name);
        try (RemoteStore store = stores.open(destination)) {
            store.test();
            return "Wrote, read back and removed a test file at " + store.describe() + ".";
        }
    }

    /** The host key an SFTP destination's server offers when it is not trusted yet; empty otherwise. */
    public Optional<HostKeyOffer> untrustedHostKey(String name) {
        Destination destination = destinations.require(name);
        if (destination.kind() != Destination.Kind.SFTP) {
            return Optional.empty();
        }
        return hostKeys.untrusted(destination, stores.knownHostsOf(destination));
    }

    /** Trusts the host key the user compared and accepted. */
    public void trust(String name, HostKeyOffer offer) {
        Destination destination = destinations.require(name);
        if (destination.kind() != Destination.Kind.SFTP) {
            throw new BackupDeskException(ErrorKind.CONFIGURATION, name + " is not an SFTP destination.",
                    "Only SFTP servers have host keys to trust.", List.of(), null);
        }
        hostKeys.trust(stores.knownHostsOf(destination), offer);
    }

    /** The copies waiting for a retry, and those that failed for good, for the tray and the dashboard. */
    public CopiesSummary copiesSummary() {
        List<CopyState> all = ledger.current();
        return new CopiesSummary((int) all.stream().filter(s -> s.status() == CopyState.Status.PENDING).count(),
                (int) all.stream().filter(s -> s.status() == CopyState.Status.FAILED
                        || s.status() == CopyState.Status.CORRUPT).count());
    }
}
