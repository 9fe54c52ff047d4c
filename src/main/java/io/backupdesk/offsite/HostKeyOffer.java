package io.backupdesk.offsite;

/**
 * The host key an SFTP server offered on a first connection, for the user to compare and accept.
 *
 * @param type              the key's type, e.g. ssh-ed25519
 * @param fingerprintSha256 as OpenSSH shows it, {@code SHA256:…}
 * @param knownHostsLine    the line that trusts it, in known_hosts form
 */
public record HostKeyOffer(String host, int port, String type, String fingerprintSha256, String knownHostsLine) { }
