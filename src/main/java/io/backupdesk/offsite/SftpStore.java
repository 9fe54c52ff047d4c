package io.backupdesk.offsite;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.Destination;
import io.backupdesk.core.ErrorKind;

import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.OpenMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Copies on an SFTP server ({@code sftp://USER@HOST[:PORT]/PATH}), through Apache MINA SSHD's client (decision
 * 0035). The server's host key must be in the known_hosts file given: an unknown key is refused with its
 * fingerprint ({@link #scanHostKey} and {@link KnownHostsFile#add} accept it), a changed one loudly. Logs in with the
 * destination's identity file ({@link DestinationCredentials#password()} is then its passphrase) or else the
 * password.
 * <p>
 * Connects on first use and again after a lost connection; used by one thread at a time. Loading this class loads
 * the SSH library: only code that copies to an SFTP destination names it.
 */
public final class SftpStore implements RemoteStore {
    private static final int BUFFER = 64 * 1024;

    private final Destination destination;
    private final DestinationCredentials credentials;
    private final Path knownHostsFile;
    private final SftpAddress address;
    private KeyPair identity;
    private SftpConnection connection;

    /**
     * @param knownHostsFile the known_hosts file to check the server against: {@code destination.knownHosts()} when
     *                       set, else the app's own
     */
    public SftpStore(Destination destination, DestinationCredentials credentials, Path knownHostsFile) {
        this.destination = destination;
        this.credentials = credentials == null ? DestinationCredentials.NONE : credentials;
        this.knownHostsFile = knownHostsFile;
        this.address = SftpAddress.of(destination);
    }

    /**
     * Connects to the destination's server and returns the host key it offers, logging into nothing: for showing
     * the fingerprint to the user before the first copy. Accept it with {@link KnownHostsFile#add}.
     */
    public static HostKey scanHostKey(Destination destination) {
        return SftpConnection.scan(SftpAddress.of(destination), destination.url());
    }

    /**
     * Whether connections to the destination accept {@code key}, as {@link #scanHostKey} returned it: it is on record
     * for the host in {@code knownHostsFile} and not revoked. Reads the file only; connects nowhere.
     */
    public static boolean isTrusted(Destination destination, Path knownHostsFile, HostKey key) {
        return HostKeyCheck.against(knownHostsFile, SftpAddress.of(destination)).trusts(key);
    }

    @Override
    public String describe() {
        return destination.url();
    }

    /**
     * {@inheritDoc}
     * <p>
     * Here: the bytes go to {@code .NAME.partial} in the key's folder; one that a broken attempt left is continued
     * from its size, so {@code sent} counts the bytes of the file at the server, those of the earlier attempt
     * included. The whole file is read back and hashed before it takes its name.
     */
    @Override
    public Confirmed upload(Path file, String key, String sha256, LongConsumer sent, Cancellation cancel) {
        String target = address.pathOfCopy(key);
        Cancellation flag = cancel == null ? new Cancellation() : cancel;
        flag.throwIfCancelled();
        SftpClient sftp = sftp();
        try {
            return new SftpUpload(sftp, describe(), sent, flag).run(file, target, key, sha256);
        } catch (IOException | RuntimeException e) {
            throw failure(e, "uploading " + key);
        }
    }

    @Override
    public void download(String key, OutputStream out, Cancellation cancel) {
        String path = address.pathOf(key);
        SftpClient sftp = sftp();
        try (InputStream in = sftp.read(path, BUFFER, OpenMode.Read)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (cancel != null) {
                    cancel.throwIfCancelled();
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            if (SftpErrors.isNoSuchFile(e)) {
                throw BackupDeskException.configuration("There is no " + key + " at " + describe() + ".",
                        "List the destination to see what it holds.");
            }
            throw failure(e, "downloading " + key);
        }
    }

    @Override
    public List<RemoteFile> list(String prefix) {
        String wanted = prefix == null ? "" : prefix;
        String folder = address.folderOfPrefix(wanted);
        String keyBase = wanted.substring(0, wanted.lastIndexOf('/') + 1);
        List<RemoteFile> files = new ArrayList<>();
        try {
            new SftpFolders(sftp()).walk(folder, keyBase, wanted, files);
        } catch (IOException | RuntimeException e) {
            throw failure(e, "listing " + (wanted.isEmpty() ? "the files" : wanted));
        }
        files.sort(Comparator.comparing(RemoteFile::key));
        return List.copyOf(files);
    }

    @Override
    public void delete(String key) {
        String path = address.pathOf(key);
        SftpClient sftp = sftp();
        try {
            sftp.remove(path);
        } catch (IOException | RuntimeException e) {
            if (!SftpErrors.isNoSuchFile(e)) {
                throw failure(e, "deleting " + key);
            }
        }
    }

    @Override
    public void test() {
        byte[] probe = new byte[4096];
        SecureRandom random = new SecureRandom();
        random.nextBytes(probe);
        byte[] id = new byte[8];
        random.nextBytes(id);
        String path = SftpAddress.join(address.root(), ".backupdesk-test-" + HexFormat.of().formatHex(id));
        SftpClient sftp = sftp();
        try {
            new SftpFolders(sftp).create(address.root());
            try (OutputStream out = sftp.write(path, BUFFER, OpenMode.Write, OpenMode.Create, OpenMode.Truncate)) {
                out.write(probe);
            }
            byte[] back;
            try (InputStream in = sftp.read(path, BUFFER)) {
                back = in.readAllBytes();
            }
            sftp.remove(path);
            if (!Arrays.equals(back, probe)) {
                throw new BackupDeskException(ErrorKind.IO, "A test file written to " + describe()
                        + " read back with other bytes.", "Check the server's disk and file system.");
            }
        } catch (IOException | RuntimeException e) {
            throw failure(e, "writing a test file in " + address.root());
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    @Override
    public String toString() {
        return "SftpStore[" + describe() + "]";
    }

    /**
     * The failure as the user reads it. One that broke the connection (the server closed it, the network dropped) is
     * also the end of this connection: the client may not have seen the session close yet, and the next call would
     * find it half-closed ("ClosedChannelException") instead of connecting again.
     */
    private BackupDeskException failure(Exception e, String doing) {
        BackupDeskException said = SftpErrors.of(e, describe(), doing);
        if (said.kind() == ErrorKind.CONNECTION) {
            close();
        }
        return said;
    }

    /** The logged-in SFTP client, connecting on first use and again after the connection was lost. */
    private SftpClient sftp() {
        if (connection != null && !connection.isOpen()) {
            close();
        }
        if (connection == null) {
            KeyPair key = identity();
            String password = credentials.password();
            if (key == null && password == null) {
                throw new BackupDeskException(ErrorKind.PASSWORD_REQUIRED, describe()
                        + " needs a password or an identity file, and neither was given.",
                        "Give the password of the user on the server, or an identity file the server accepts.");
            }
            connection = SftpConnection.open(address, key, key == null ? password : null,
                    HostKeyCheck.against(knownHostsFile, address), describe());
        }
        return connection.sftp();
    }

    private KeyPair identity() {
        if (identity == null && destination.identityFile() != null && !destination.identityFile().isBlank()) {
            identity = SftpIdentity.load(Path.of(destination.identityFile()), credentials.password(), describe());
        }
        return identity;
    }
}
