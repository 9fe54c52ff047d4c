package io.backupdesk.offsite;

import io.backupdesk.core.Destination;

import java.nio.file.Path;

/**
 * Opens the storage of a destination with its secrets. The S3 and SFTP clients are loaded only here, when such a
 * destination is used, so that a command that copies nothing starts as fast as before.
 */
public final class RemoteStores {
    private final DestinationSecrets secrets;
    private final Path defaultKnownHosts;

    /** @param defaultKnownHosts the known_hosts file of SFTP destinations that name none of their own */
    public RemoteStores(DestinationSecrets secrets, Path defaultKnownHosts) {
        this.secrets = secrets;
        this.defaultKnownHosts = defaultKnownHosts;
    }

    public Path defaultKnownHosts() {
        return defaultKnownHosts;
    }

    /** The known_hosts file an SFTP destination is checked against. */
    public Path knownHostsOf(Destination destination) {
        return destination.knownHosts() == null ? defaultKnownHosts : Path.of(destination.knownHosts());
    }

    /** In a method of its own, so that the S3 client's classes load only when this runs. */
    private RemoteStore s3(Destination destination) {
        return new S3Store(destination, secrets.of(destination.name()));
    }

    /** In a method of its own, so that the SSH client's classes load only when this runs. */
    private RemoteStore sftp(Destination destination) {
        return new SftpStore(destination, secrets.of(destination.name()), knownHostsOf(destination));
    }

    public RemoteStore open(Destination destination) {
        return switch (destination.kind()) {
            case FOLDER -> new FolderStore(destination);
            case SFTP -> sftp(destination);
            case S3 -> s3(destination);
        };
    }
}
