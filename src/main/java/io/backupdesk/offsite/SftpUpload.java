package io.backupdesk.offsite;

import io.backupdesk.backup.Sha256;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ErrorKind;

import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.Attributes;
import org.apache.sshd.sftp.client.SftpClient.CloseableHandle;
import org.apache.sshd.sftp.client.SftpClient.OpenMode;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHFsyncExtension;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHPosixRenameExtension;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHStatExtensionInfo;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHStatPathExtension;
import org.apache.sshd.sftp.client.impl.AbstractSftpClient;
import org.apache.sshd.sftp.client.impl.SftpOutputStreamAsync;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * One file copied to an SFTP server so that nothing incomplete ever carries its name: the bytes go to a hidden
 * {@code .NAME.partial} beside it, a partial file left by a broken attempt is continued from its size, the whole
 * temporary file is read back and hashed (OpenSSH offers no checksum of its own), and only a file that has the
 * expected SHA-256 is renamed to the final name. Memory stays constant: 64 KiB buffers, and MINA's pipelined writes
 * are bounded by the SSH channel's window.
 */
final class SftpUpload {
    static final String TEMPORARY_SUFFIX = ".partial";
    private static final int BUFFER = 64 * 1024;
    private static final long TICK_NANOS = 250_000_000L;
    private static final int OWNER_READ_WRITE = 0600;

    private final SftpClient sftp;
    private final SftpFolders folders;
    private final String destination;
    private final LongConsumer sent;
    private final Cancellation cancel;
    private long lastTick;

    SftpUpload(SftpClient sftp, String destination, LongConsumer sent, Cancellation cancel) {
        this.sftp = sftp;
        this.folders = new SftpFolders(sftp);
        this.destination = destination;
        this.sent = sent == null ? bytes -> { } : sent;
        this.cancel = cancel == null ? new Cancellation() : cancel;
    }

    static String temporaryNameOf(String target) {
        return SftpAddress.join(SftpAddress.parentOf(target), "." + SftpAddress.nameOf(target) + TEMPORARY_SUFFIX);
    }

    /** Uploads {@code file} to {@code target} (a path on the server) and returns the SHA-256 read back. */
    RemoteStore.Confirmed run(Path file, String target, String key, String sha256) throws IOException {
        String expected = sha256.toLowerCase(Locale.ROOT);
        long size = sizeOf(file);
        String temp = temporaryNameOf(target);
        folders.create(SftpAddress.parentOf(target));
        try {
            long offset = resumeOffset(temp, size);
            while (true) {
                send(file, temp, offset, size, expected, key);
                String held = readBack(temp);
                if (held.equals(expected)) {
                    break;
                }
                removeQuietly(temp);
                if (offset == 0) {
                    throw new BackupDeskException(ErrorKind.IO, destination + " holds other bytes than were sent for "
                            + key + " (SHA-256 " + held + " read back, " + expected + " sent); nothing was kept.",
                            "Copy again; if it happens again, check the server's disk.");
                }
                // the bytes an earlier attempt left were not this file's: start over once, from the first byte
                offset = 0;
            }
            rename(temp, target);
        } catch (BackupDeskException e) {
            if (e.kind() == ErrorKind.CANCELLED) {
                removeQuietly(temp);
            }
            throw e;
        } catch (IOException e) {
            BackupDeskException failure = SftpErrors.of(e, destination, "uploading " + key);
            if (failure.kind() == ErrorKind.IO && isGenericFailure(e) && tooFull(SftpAddress.parentOf(target), size)) {
                failure = new BackupDeskException(ErrorKind.DISK_FULL, destination + " has no space left for " + key
                        + " (" + size + " bytes): the server's disk or your quota there is full.",
                        "Free space on the server or raise your quota there, then copy again.", List.of(), e);
            }
            if (failure.kind() == ErrorKind.DISK_FULL || failure.kind() == ErrorKind.PERMISSION_DENIED) {
                removeQuietly(temp);
            }
            throw failure;
        }
        sent.accept(size);
        return new RemoteStore.Confirmed(expected, "read back");
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw BackupDeskException.configuration("The file to copy, " + file + ", cannot be read: "
                    + SftpErrors.reason(e) + ".", "Check that the backup is still there.");
        }
    }

    /** The size of a partial file a broken attempt left, when it can be continued; else 0, with nothing left. */
    private long resumeOffset(String temp, long size) throws IOException {
        Attributes attributes;
        try {
            attributes = sftp.lstat(temp);
        } catch (SftpException e) {
            if (SftpErrors.isNoSuchFile(e)) {
                return 0;
            }
            throw e;
        }
        if (attributes.isRegularFile() && attributes.getSize() <= size) {
            return attributes.getSize();
        }
        sftp.remove(temp);
        return 0;
    }

    private void send(Path file, String temp, long offset, long size, String expected, String key)
            throws IOException {
        MessageDigest digest = Sha256.newDigest();
        byte[] buffer = new byte[BUFFER];
        EnumSet<OpenMode> modes = offset == 0 ? EnumSet.of(OpenMode.Write, OpenMode.Create, OpenMode.Truncate)
                : EnumSet.of(OpenMode.Write);
        try (InputStream in = Files.newInputStream(file)) {
            hashPrefix(in, digest, buffer, offset);
            long position = offset;
            tick(position, true);
            try (CloseableHandle handle = sftp.open(temp, modes)) {
                if (offset == 0) {
                    ownerOnly(handle);
                }
                try (OutputStream out = stream(temp, handle, offset)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        cancel.throwIfCancelled();
                        digest.update(buffer, 0, n);
                        out.write(buffer, 0, n);
                        position += n;
                        tick(position, false);
                    }
                }
                fsync(handle);
            }
            if (position != size || !Sha256.hex(digest).equals(expected)) {
                removeQuietly(temp);
                throw new BackupDeskException(ErrorKind.IO, "The local file " + file + " no longer has the SHA-256"
                        + " its backup recorded: it changed or is damaged. Nothing was copied as " + key + ".",
                        "Verify the backup; copy a backup that verifies.");
            }
        }
    }

    /** A backup holds a whole database: owner-only on the server too, as on the desk (where the server lets us). */
    private void ownerOnly(CloseableHandle handle) {
        try {
            sftp.setStat(handle, new Attributes().perms(OWNER_READ_WRITE));
        } catch (IOException | RuntimeException e) {
            // some servers refuse to set modes; the file then has the server's default, as a plain sftp put would
        }
    }

    private OutputStream stream(String temp, CloseableHandle handle, long offset) {
        SftpOutputStreamAsync out = new SftpOutputStreamAsync((AbstractSftpClient) sftp, 0, temp, handle, false);
        out.setOffset(offset);
        return out;
    }

    private void hashPrefix(InputStream in, MessageDigest digest, byte[] buffer, long length) throws IOException {
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                return;
            }
            digest.update(buffer, 0, n);
            left -= n;
        }
    }

    private void tick(long position, boolean now) {
        long time = System.nanoTime();
        if (now || time - lastTick >= TICK_NANOS) {
            lastTick = time;
            sent.accept(position);
        }
    }

    /** Durable before it is renamed, where the server offers fsync (OpenSSH does); elsewhere the read-back stands. */
    private void fsync(CloseableHandle handle) throws IOException {
        OpenSSHFsyncExtension fsync = sftp.getExtension(OpenSSHFsyncExtension.class);
        if (fsync != null && fsync.isSupported()) {
            fsync.fsync(handle);
        }
    }

    private String readBack(String path) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = sftp.read(path, BUFFER)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                cancel.throwIfCancelled();
                digest.update(buffer, 0, n);
            }
        }
        return Sha256.hex(digest);
    }

    /**
     * Replaces the target in one step where the server can (OpenSSH's posix-rename, SFTP 5's overwrite); plain
     * SFTP 3 renames only to a free name, so there the old file goes first.
     */
    private void rename(String temp, String target) throws IOException {
        OpenSSHPosixRenameExtension posix = sftp.getExtension(OpenSSHPosixRenameExtension.class);
        if (posix != null && posix.isSupported()) {
            posix.posixRename(temp, target);
        } else if (sftp.getVersion() >= SftpConstants.SFTP_V5) {
            sftp.rename(temp, target, SftpClient.CopyMode.Overwrite);
        } else {
            removeIfThere(target);
            sftp.rename(temp, target);
        }
    }

    private void removeIfThere(String path) throws IOException {
        try {
            sftp.remove(path);
        } catch (SftpException e) {
            if (!SftpErrors.isNoSuchFile(e)) {
                throw e;
            }
        }
    }

    private void removeQuietly(String path) {
        try {
            removeIfThere(path);
        } catch (IOException | RuntimeException e) {
            // the connection may be gone; a partial file is hidden and the next attempt continues or replaces it
        }
    }

    private static boolean isGenericFailure(IOException e) {
        return e instanceof SftpException sftp && sftp.getStatus() == SftpConstants.SSH_FX_FAILURE;
    }

    /**
     * OpenSSH answers a write to a full disk with a bare "Failure"; its statvfs extension tells whether the folder's
     * file system has room left for the file.
     */
    private boolean tooFull(String folder, long size) {
        try {
            OpenSSHStatPathExtension statvfs = sftp.getExtension(OpenSSHStatPathExtension.class);
            if (statvfs == null || !statvfs.isSupported()) {
                return false;
            }
            OpenSSHStatExtensionInfo info = statvfs.stat(folder);
            return info.f_bavail * Math.max(info.f_frsize, 1) < size;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
