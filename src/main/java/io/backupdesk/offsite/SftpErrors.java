package io.backupdesk.offsite;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;

import org.apache.sshd.common.SshException;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.InterruptedByTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * SFTP and SSH failures in the kinds a DBA acts on, each naming the destination and saying what to do. The words of
 * the server or the SSH library go into the message only where they name no secret: they are about files and
 * connections, never about the password or the key's passphrase, which this code never hands to an exception.
 */
final class SftpErrors {
    private static final String RETRY = "Check the network and the server, then copy again: an upload goes on from"
            + " where it stopped.";
    private static final String FOLDER = "Check that the destination's folder is a folder on the server that its user"
            + " may write in, then try again.";

    private SftpErrors() { }

    /** A failure of {@code doing} ("uploading profile/db/file") on a connected destination. */
    static BackupDeskException of(Throwable e, String destination, String doing) {
        if (e instanceof BackupDeskException known) {
            return known;
        }
        if (e instanceof SftpException sftp) {
            return ofStatus(sftp, destination, doing);
        }
        String reason = reason(e);
        if (isNoSpace(reason)) {
            return new BackupDeskException(ErrorKind.DISK_FULL, destination + " has no space left while " + doing + ": "
                    + reason + ".", "Free space on the server or raise your quota there, then copy again.",
                    List.of(), e);
        }
        if (isConnectionLoss(e)) {
            return new BackupDeskException(ErrorKind.CONNECTION, "The connection to " + destination
                    + " broke off while " + doing + ": " + reason + ".", RETRY, List.of(), e);
        }
        return new BackupDeskException(ErrorKind.IO, "Failed while " + doing + " at " + destination + ": " + reason
                + ".", RETRY, List.of(), e);
    }

    private static BackupDeskException ofStatus(SftpException e, String destination, String doing) {
        String said = reason(e);
        return switch (e.getStatus()) {
            case SftpConstants.SSH_FX_NO_SPACE_ON_FILESYSTEM, SftpConstants.SSH_FX_QUOTA_EXCEEDED ->
                    new BackupDeskException(ErrorKind.DISK_FULL, destination + " has no space left while " + doing
                            + " (the server said: " + said + ").",
                            "Free space on the server or raise your quota there, then copy again.", List.of(), e);
            case SftpConstants.SSH_FX_PERMISSION_DENIED, SftpConstants.SSH_FX_WRITE_PROTECT ->
                    new BackupDeskException(ErrorKind.PERMISSION_DENIED, "The server of " + destination
                            + " refused " + doing + ": permission denied.",
                            "Give the destination's user the right to read and write its folder on the server.",
                            List.of(), e);
            default -> isNoSpace(said)
                    ? new BackupDeskException(ErrorKind.DISK_FULL, destination + " has no space left while " + doing
                            + " (the server said: " + said + ").",
                            "Free space on the server or raise your quota there, then copy again.", List.of(), e)
                    : new BackupDeskException(ErrorKind.IO, "The server of " + destination + " failed " + doing
                            + ": " + said + " (" + SftpConstants.getStatusName(e.getStatus()) + ").", FOLDER,
                            List.of(), e);
        };
    }

    /** A failure to reach the server at all, before any login. */
    static BackupDeskException ofConnect(Throwable e, SftpAddress address, String destination) {
        String where = address.host() + " port " + address.port();
        Throwable cause = rootCause(e);
        String hint = "Check the host and port in the destination's URL, and that the server is running and"
                + " reachable from this computer.";
        String why;
        if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
            why = "the name " + address.host() + " is not known";
        } else if (cause instanceof ConnectException) {
            why = "the connection to " + where + " was refused";
        } else if (isTimeout(e)) {
            why = where + " did not answer in time";
        } else if (cause instanceof NoRouteToHostException) {
            why = "there is no route to " + where;
        } else {
            why = "connecting to " + where + " failed: " + reason(e);
        }
        return new BackupDeskException(ErrorKind.CONNECTION, "Could not reach the SFTP server of " + destination + ": "
                + why + ".", hint, List.of(), e);
    }

    static boolean isNoSpace(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("no space left") || lower.contains("quota exceeded") || lower.contains("disk full");
    }

    static boolean isNoSuchFile(Throwable e) {
        return e instanceof SftpException sftp && sftp.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE;
    }

    private static boolean isConnectionLoss(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SshException || t instanceof EOFException || t instanceof SocketException
                    || t instanceof ClosedChannelException || t instanceof InterruptedIOException
                    || t instanceof InterruptedByTimeoutException || t instanceof TimeoutException) {
                return true;
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("closed") || message.contains("closing") || message.contains("timeout")
                    || message.contains("timed out") || message.contains("reset")) {
                return true;
            }
        }
        return false;
    }

    static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof InterruptedByTimeoutException || t instanceof TimeoutException
                    || t instanceof java.net.SocketTimeoutException || message.contains("timeout")
                    || message.contains("timed out")) {
                return true;
            }
        }
        return false;
    }

    /** The words of the innermost failure that has some, for the message. */
    static String reason(Throwable e) {
        String reason = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                reason = t.getMessage();
            }
        }
        if (reason == null) {
            reason = rootCause(e).getClass().getSimpleName();
        }
        reason = reason.strip();
        return reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
