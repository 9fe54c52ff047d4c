package io.backupdesk.offsite;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupLayout;
import io.backupdesk.core.BackupFormat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a backup's files go under a destination's root: the same relative places as under the local backup root
 * ({@code profile/database/file}), so a destination is a backup folder too, and its sidecars travel with the files.
 */
public final class RemoteLayout {
    /** One file to copy: the local file, its key, and the SHA-256 its sidecar records for it. */
    public record Part(Path file, String key, String sha256) { }

    private RemoteLayout() { }

    /** The key of the backup's folder ("profile/database/"), from where its sidecar is under the local root. */
    public static String folderKey(BackupCatalog.Entry entry, Path localRoot) {
        Path folder = localRoot.toAbsolutePath().normalize()
                .relativize(entry.sidecar().toAbsolutePath().normalize().getParent());
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
