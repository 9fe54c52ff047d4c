package io.backupdesk.offsite;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Destination;

import java.net.URI;
import java.util.Locale;

/**
 * Where an SFTP destination is, read from its {@code sftp://USER@HOST[:PORT]/PATH}. The path is absolute on the
 * server, as {@code sftp} and {@code curl} read such URLs; {@code /~/PATH} is relative to the user's home folder.
 * Keys are '/'-separated below the path and are checked before they become a path: none climbs out of it.
 *
 * @param root the folder on the server without a trailing '/': "/srv/backups", "/" or, for the home folder, "."
 */
record SftpAddress(String user, String host, int port, String root) {
    static final int DEFAULT_PORT = 22;

    static SftpAddress of(Destination destination) {
        if (destination.kind() != Destination.Kind.SFTP) {
            throw BackupDeskException.configuration("'" + destination.url() + "' is not an SFTP destination.",
                    "Use sftp://USER@HOST[:PORT]/PATH.");
        }
        URI uri = destination.uri();
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        return new SftpAddress(uri.getUserInfo(), host.toLowerCase(Locale.ROOT), port, rootOf(uri.getPath()));
    }

    private static String rootOf(String path) {
        if (path.equals("/~") || path.equals("/~/")) {
            return ".";
        }
        String root = path.startsWith("/~/") ? path.substring(3) : path;
        while (root.length() > 1 && root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        return root;
    }

    /** How OpenSSH names this server in a known_hosts file: the bare host on port 22, else {@code [host]:port}. */
    String knownHostsName() {
        return port == DEFAULT_PORT ? host : "[" + host + "]:" + port;
    }

    /** The path on the server of a key, checked: relative, no empty, '.' or '..' part. */
    String pathOf(String key) {
        checkKey(key);
        return join(root, key);
    }

    /** The path of a key a copy is written to: also not a hidden name, which {@code list} would never show. */
    String pathOfCopy(String key) {
        checkKey(key);
        if (isHidden(nameOf(key))) {
            throw BackupDeskException.configuration("'" + key + "' is not a name for a copy: names starting with '.'"
                    + " are kept for temporary files.", "Name it profile/database/file.");
        }
        return join(root, key);
    }

    /** The folder on the server that a key prefix ("", "a/", "a/b") lies in, the key's folder part resolved. */
    String folderOfPrefix(String prefix) {
        int slash = prefix.lastIndexOf('/');
        if (slash < 0) {
            return root;
        }
        String folder = prefix.substring(0, slash);
        checkKey(folder);
        return join(root, folder);
    }

    static String join(String folder, String name) {
        if (folder.equals(".")) {
            return name;
        }
        return folder.endsWith("/") ? folder + name : folder + "/" + name;
    }

    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        if (slash < 0) {
            return ".";
        }
        return slash == 0 ? "/" : path.substring(0, slash);
    }

    static String nameOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty()) {
            throw BackupDeskException.configuration("A file at a destination needs a name.",
                    "Name it profile/database/file.");
        }
        String[] parts = key.split("/", -1);
        for (String part : parts) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")
                    || part.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
                throw BackupDeskException.configuration("'" + key.replaceAll("\\p{Cntrl}", "?")
                        + "' is not a name for a file at a destination.",
                        "Use '/'-separated parts that are not empty, '.' or '..', without backslashes.");
            }
        }
    }

    /** A file name starting with '.' is one of ours (a partial upload, a probe): never a copy's name. */
    static boolean isHidden(String name) {
        return name.startsWith(".");
    }
}
