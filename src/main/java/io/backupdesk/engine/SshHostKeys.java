package io.backupdesk.engine;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Destination;
import io.backupdesk.jobs.DestinationsJob;
import io.backupdesk.offsite.HostKeyOffer;

import java.nio.file.Path;
import java.util.Optional;

/** SFTP servers' host keys, looked at and trusted through the SSH client. */
final class SshHostKeys implements DestinationsJob.HostKeys {
    @Override
    public Optional<HostKeyOffer> untrusted(Destination destination, Path knownHosts) {
        throw BackupDeskException.configuration("SFTP destinations are not built into this version yet.",
                "Use a folder destination.");
    }

    @Override
    public void trust(Path knownHosts, HostKeyOffer offer) {
        throw BackupDeskException.configuration("SFTP destinations are not built into this version yet.",
                "Use a folder destination.");
    }
}
