package io.backupdesk.app;

import io.backupdesk.core.Destination;
import io.backupdesk.engine.Engine;
import io.backupdesk.jobs.DestinationsJob;
import io.backupdesk.offsite.DestinationCredentials;
import io.backupdesk.offsite.HostKeyOffer;
import io.backupdesk.ui.settings.DestinationOperations;

import java.util.List;
import java.util.Optional;

/** The Destinations section's operations on the engine's destinations job. */
final class EngineDestinationOperations implements DestinationOperations {
    private final Engine engine;

    EngineDestinationOperations(Engine engine) {
        this.engine = engine;
    }

    private DestinationsJob job() {
        return engine.jobs().destinations();
    }

    @Override
    public List<Listed> list() {
        DestinationsJob job = job();
        return job.list().stream().map(d -> new Listed(d, job.hasSecrets(d.name()))).toList();
    }

    @Override
    public void save(Destination destination, Optional<DestinationCredentials> credentials) {
        Destination stamped = destination.createdAt() != null ? destination
                : new Destination(destination.name(), destination.url(), destination.endpoint(), destination.region(),
                destination.pathStyle(), destination.s3Checksums(), destination.identityFile(),
                destination.knownHosts(), destination.retention(), destination.requireEncryption(),
                engine.clock().instant());
        job().save(stamped, credentials);
    }

    @Override
    public void remove(String name) {
        job().remove(name);
    }

    @Override
    public String test(String name) {
        return job().test(name);
    }

    @Override
    public Optional<HostKeyOffer> untrustedHostKey(String name) {
        return job().untrustedHostKey(name);
    }

    @Override
    public void trust(String name, HostKeyOffer offer) {
        job().trust(name, offer);
    }
}
