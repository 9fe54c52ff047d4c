package io.backupdesk.offsite;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupLayout;
import io.backupdesk.backup.BackupSets;
import io.backupdesk.core.BackupFormat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a backup's files go under a destination's root: the same relative places as under the local backup root
 * ({@code profile/database/file}, and a set's manifest and roles file at {@code profile/file}), so a destination is a
 * backup folder too, and its sidecars and manifests travel with the files.
 */
public final class RemoteLayout {
    /** One file to copy: the local file, its key, and the SHA-256 its sidecar records for it. */
    public record Part(Path file, String key, String sha256) { }

    private RemoteLayout() { }

    /** The key of the backup's folder ("profile/database/"), from where its sidecar is under the local root. */
    public static String folderKey(BackupCatalog.Entry entry, Path localRoot) {
        return keyOf(entry.sidecar().getParent(), localRoot);
    }

    /** The key of a set's folder ("profile/"), the connection's, from where its manifest is under the local root. */
    public static String setFolderKey(BackupSets.SetEntry set, Path localRoot) {
        return keyOf(set.manifest().getParent(), localRoot);
    }

    public static String manifestKey(BackupSets.SetEntry set, Path localRoot) {
        return RemoteKeys.checked(setFolderKey(set, localRoot) + set.manifest().getFileName());
    }

    /** The set's roles file with the checksum its manifest records; empty when the set has none. */
    public static Optional<Part> rolesPart(BackupSets.SetEntry set, Path localRoot) {
        return set.roles().map(roles -> new Part(roles, RemoteKeys.checked(setFolderKey(set, localRoot)
                + roles.getFileName()), set.set().globalsSha256()));
    }

    /** Whether a key is a set manifest's: one in a connection's folder ("profile/name.set.json"). */
    public static boolean isManifest(String key) {
        return key.endsWith(BackupLayout.MANIFEST_SUFFIX) && key.split("/").length == 2;
    }

    private static String keyOf(Path localFolder, Path localRoot) {
        Path folder = localRoot.toAbsolutePath().normalize().relativize(localFolder.toAbsolutePath().normalize());
        StringBuilder key = new StringBuilder();
        for (Path segment : folder) {
            if (!segment.toString().isEmpty()) {
                key.append(segment).append('/');
            }
        }
        return key.toString();
    }

    /** The key of the backup's archive: for the directory format, its folder. */
    public static String archiveKey(BackupCatalog.Entry entry, Path localRoot) {
        return RemoteKeys.checked(folderKey(entry, localRoot) + entry.record().fileName());
    }

    public static String sidecarKey(BackupCatalog.Entry entry, Path localRoot) {
        return RemoteKeys.checked(folderKey(entry, localRoot) + entry.sidecar().getFileName());
    }

    /** Whether a key is a sidecar's. */
    public static boolean isSidecar(String key) {
        return key.endsWith(BackupLayout.SIDECAR_SUFFIX);
    }

    /**
     * The backup's files in the order they are copied: the archive (each file of a directory-format one), then the
     * roles file. The sidecar is not among them: it goes last, once these are confirmed.
     */
    public static List<Part> dataParts(BackupCatalog.Entry entry, Path localRoot) {
        List<Part> parts = new ArrayList<>();
        String archiveKey = archiveKey(entry, localRoot);
        if (entry.record().format() == BackupFormat.DIRECTORY) {
            for (Map.Entry<String, String> file : entry.record().files().entrySet()) {
                parts.add(new Part(entry.archive().resolve(file.getKey()),
                        RemoteKeys.checked(archiveKey + "/" + file.getKey()), file.getValue()));
            }
        } else {
            parts.add(new Part(entry.archive(), archiveKey, entry.record().sha256()));
        }
        entry.globals().ifPresent(globals -> parts.add(new Part(globals,
                RemoteKeys.checked(folderKey(entry, localRoot) + entry.record().globalsFile()),
                entry.record().globalsSha256())));
        return parts;
    }
}
