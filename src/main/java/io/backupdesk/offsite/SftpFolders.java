package io.backupdesk.offsite;

import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.Attributes;
import org.apache.sshd.sftp.client.SftpClient.CloseableHandle;
import org.apache.sshd.sftp.client.SftpClient.DirEntry;
import org.apache.sshd.sftp.common.SftpException;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** Folders on an SFTP server: made as needed, and walked for the files they hold. */
final class SftpFolders {
    /** Deeper than any key of ours (profile/database/file): a link loop on the server ends here. */
    private static final int MAX_DEPTH = 16;

    private final SftpClient sftp;

    SftpFolders(SftpClient sftp) {
        this.sftp = sftp;
    }

    /** Makes the folder and its missing parents, as {@code mkdir -p} does. */
    void create(String folder) throws IOException {
        if (folder.equals("/") || folder.equals(".") || isFolder(folder)) {
            return;
        }
        create(SftpAddress.parentOf(folder));
        try {
            sftp.mkdir(folder);
        } catch (SftpException e) {
            // made meanwhile by another copy to this destination is fine; anything else is not
            if (!isFolder(folder)) {
                throw e;
            }
        }
    }

    private boolean isFolder(String path) throws IOException {
        try {
            return sftp.stat(path).isDirectory();
        } catch (SftpException e) {
            if (SftpErrors.isNoSuchFile(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Adds every regular file below {@code folder} whose key starts with {@code prefix} to {@code into}, keys made
     * from {@code keyBase} (the folder's own key and a '/', or ""). Files whose names start with '.' are skipped:
     * they are partial uploads and probes, never a complete copy. Links are not followed. A missing folder holds
     * nothing.
     */
    void walk(String folder, String keyBase, String prefix, List<RemoteStore.RemoteFile> into) throws IOException {
        walk(folder, keyBase, prefix, into, 0);
    }

    private void walk(String folder, String keyBase, String prefix, List<RemoteStore.RemoteFile> into, int depth)
            throws IOException {
        if (depth > MAX_DEPTH) {
            return;
        }
        CloseableHandle handle;
        try {
            handle = sftp.openDir(folder);
        } catch (SftpException e) {
            if (SftpErrors.isNoSuchFile(e) && depth == 0) {
                return;
            }
            throw e;
        }
        try (handle) {
            for (List<DirEntry> batch = sftp.readDir(handle); batch != null; batch = sftp.readDir(handle)) {
                for (DirEntry entry : batch) {
                    String name = entry.getFilename();
                    if (name.equals(".") || name.equals("..") || name.contains("/")) {
                        continue;
                    }
                    Attributes attributes = entry.getAttributes();
                    String key = keyBase + name;
                    if (attributes.isDirectory() && (prefix.startsWith(key + "/") || (key + "/").startsWith(prefix))) {
                        walk(SftpAddress.join(folder, name), key + "/", prefix, into, depth + 1);
                    } else if (attributes.isRegularFile() && key.startsWith(prefix) && !SftpAddress.isHidden(name)) {
                        into.add(new RemoteStore.RemoteFile(key, attributes.getSize(), modified(attributes)));
                    }
                }
            }
        }
    }

    private static Instant modified(Attributes attributes) {
        return attributes.getModifyTime() == null ? Instant.EPOCH : attributes.getModifyTime().toInstant();
    }
}
