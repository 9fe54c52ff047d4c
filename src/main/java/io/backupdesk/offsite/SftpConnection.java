package io.backupdesk.offsite;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.client.auth.password.PasswordIdentityProvider;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

import java.io.IOException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One logged-in SFTP session: its own SSH client (no ~/.ssh/config, no keys but the destination's, no agent), the
 * host key checked by a {@link HostKeyCheck}, and a heartbeat so that a silently lost network ends in an error
 * within about a minute instead of a hang.
 */
final class SftpConnection implements AutoCloseable {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration AUTH_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final int HEARTBEATS_MISSED = 4;

    private final SshClient client;
    private final ClientSession session;
    private final SftpClient sftp;

    private SftpConnection(SshClient client, ClientSession session, SftpClient sftp) {
        this.client = client;
        this.session = session;
        this.sftp = sftp;
    }

    /**
     * Connects and logs in with the key, or else the password (never both: a key's passphrase never goes to the
     * server).
     */
    static SftpConnection open(SftpAddress address, KeyPair identity, String password, HostKeyCheck check,
                               String destination) {
        SshClient client = newClient(check);
        client.setUserAuthFactories(identity != null ? List.of(UserAuthPublicKeyFactory.INSTANCE)
                : List.of(UserAuthPasswordFactory.INSTANCE, UserAuthKeyboardInteractiveFactory.INSTANCE));
        client.start();
        ClientSession session = null;
        try {
            session = connect(client, address, destination);
            if (identity != null) {
                session.addPublicKeyIdentity(identity);
            } else if (password != null) {
                // not addPasswordIdentity, which logs a hash of the password at DEBUG
                session.setPasswordIdentityProvider(PasswordIdentityProvider.wrapPasswords(password));
            }
            authenticate(session, address, identity != null, check, destination);
            SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
            return new SftpConnection(client, session, sftp);
        } catch (IOException e) {
            closeQuietly(session, client);
            throw SftpErrors.of(e, destination, "starting SFTP");
        } catch (RuntimeException e) {
            closeQuietly(session, client);
            throw e;
        }
    }

    /** Connects, reads the host key the server offers, and disconnects before any login. */
    static HostKey scan(SftpAddress address, String destination) {
        HostKeyCheck check = HostKeyCheck.scanning(address);
        SshClient client = newClient(check);
        client.start();
        ClientSession session = null;
        try {
            session = connect(client, address, destination);
            session.waitFor(EnumSet.of(ClientSession.ClientSessionEvent.WAIT_AUTH,
                    ClientSession.ClientSessionEvent.CLOSED), CONNECT_TIMEOUT);
            Optional<HostKey> key = check.offeredKey();
            if (key.isEmpty()) {
                throw new BackupDeskException(ErrorKind.CONNECTION, "The SFTP server of " + destination
                        + " showed no host key: the connection ended before the key exchange was done.",
                        "Check that the host and port are an SSH server's.");
            }
            return key.get();
        } finally {
            closeQuietly(session, client);
        }
    }

    SftpClient sftp() {
        return sftp;
    }

    boolean isOpen() {
        return session.isOpen() && sftp.isOpen() && !sftp.isClosing();
    }

    @Override
    public void close() {
        try {
            sftp.close();
        } catch (IOException | RuntimeException e) {
            // the session goes next, and with it the channel
        }
        closeQuietly(session, client);
    }

    private static SshClient newClient(HostKeyCheck check) {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(check);
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setSignatureFactories(preferring(check.knownKeyTypes(), client.getSignatureFactories()));
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, HEARTBEAT);
        CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, HEARTBEATS_MISSED);
        CoreModuleProperties.PASSWORD_PROMPTS.set(client, 1);
        return client;
    }

    /**
     * The host key algorithms with those of the key types on record first, as OpenSSH orders them: a server known
     * by its RSA key is asked for that one, not refused for offering an Ed25519 key nobody recorded. Certificates
     * are left out; they would need a certificate authority on record, which the app does not offer to accept.
     */
    static List<NamedFactory<Signature>> preferring(Set<String> keyTypes, List<NamedFactory<Signature>> factories) {
        List<NamedFactory<Signature>> plain = factories.stream().filter(f -> !f.getName().contains("-cert-")).toList();
        List<NamedFactory<Signature>> ordered = new ArrayList<>();
        plain.stream().filter(f -> keyTypes.contains(keyTypeOf(f.getName()))).forEach(ordered::add);
        plain.stream().filter(f -> !keyTypes.contains(keyTypeOf(f.getName()))).forEach(ordered::add);
        return ordered;
    }

    private static String keyTypeOf(String algorithm) {
        return algorithm.startsWith("rsa-sha2-") ? "ssh-rsa" : algorithm;
    }

    private static ClientSession connect(SshClient client, SftpAddress address, String destination) {
        try {
            return client.connect(address.user(), address.host(), address.port()).verify(CONNECT_TIMEOUT).getSession();
        } catch (IOException | RuntimeException e) {
            throw SftpErrors.ofConnect(e, address, destination);
        }
    }

    private static void authenticate(ClientSession session, SftpAddress address, boolean withKey, HostKeyCheck check,
                                     String destination) {
        try {
            session.auth().verify(AUTH_TIMEOUT);
        } catch (IOException | RuntimeException e) {
            Optional<BackupDeskException> refused = check.refusal(destination);
            if (refused.isPresent()) {
                throw refused.get();
            }
            String reason = SftpErrors.reason(e).toLowerCase(Locale.ROOT);
            if (check.verdict() == HostKeyCheck.Verdict.KNOWN && reason.contains("authentication")) {
                throw new BackupDeskException(ErrorKind.AUTHENTICATION, "The SFTP server of " + destination
                        + " refused the login of '" + address.user() + "' with " + (withKey
                        ? "the destination's identity file." : "the password given."), withKey
                        ? "Check that the key's public half is in the user's authorized_keys on the server."
                        : "Check the user name and the password.", List.of(), e);
            }
            if (check.verdict() == HostKeyCheck.Verdict.KNOWN) {
                throw SftpErrors.of(e, destination, "logging in");
            }
            throw SftpErrors.ofConnect(e, address, destination);
        }
    }

    private static void closeQuietly(ClientSession session, SshClient client) {
        if (session != null) {
            session.close(true);
        }
        client.stop();
    }
}
