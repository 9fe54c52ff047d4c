package io.backupdesk.offsite;

/**
 * The host key an SSH server offered, for the user to compare with what the server's administrator says before
 * accepting it. Holds no secret: a host key is public.
 *
 * @param type              the key's type as OpenSSH names it: "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa"
 * @param fingerprintSha256 the fingerprint as {@code ssh-keygen -lf} and the ssh client show it: "SHA256:" and the
 *                          unpadded base64 of the key's SHA-256
 * @param knownHostsLine    the line that accepts the key: the server's name as OpenSSH writes it ({@code host} on
 *                          port 22, else {@code [host]:port}), the type and the key; for {@link KnownHostsFile#add}
 */
public record HostKey(String type, String fingerprintSha256, String knownHostsLine) {
    @Override
    public String toString() {
        return type + " " + fingerprintSha256;
    }
}
