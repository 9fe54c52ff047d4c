package io.backupdesk.engine;

import io.backupdesk.core.Destination;
import io.backupdesk.jobs.DestinationsJob;
import io.backupdesk.offsite.HostKey;
import io.backupdesk.offsite.HostKeyOffer;
import io.backupdesk.offsite.KnownHostsFile;
import io.backupdesk.offsite.SftpStore;

import java.nio.file.Path;
import java.util.Optional;

/** SFTP servers' host keys, looked at and trusted through the SSH client, which loads only when this is used. */
final class SshHostKeys implements DestinationsJob.HostKeys {
    @Override
    public Optional<HostKeyOffer> untrusted(Destination destination, Path knownHosts) {
        HostKey offered = SftpStore.scanHostKey(destination);
        if (SftpStore.isTrusted(destination, knownHosts, offered)) {
            return Optional.empty();
        }
        int port = destination.uri().getPort() < 0 ? 22 : destination.uri().getPort();
        return Optional.of(new HostKeyOffer(destination.uri().getHost(), port, offered.type(),
                offered.fingerprintSha256(), offered.knownHostsLine()));
    }

    @Override
    public void trust(Path knownHosts, HostKeyOffer offer) {
        KnownHostsFile.add(knownHosts, offer.knownHostsLine());
    }
}
