package io.backupdesk.backup;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.Compression;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where backups go: {@code <root>/<profile>/<database>/<database>_<yyyyMMdd-HHmmss>[_label].<ext>}, the sidecar
 * {@code <same name>.backup.json} beside it, and {@code .partial} names while a run writes.
 */
public final class BackupLayout {
    public static final String SIDECAR_SUFFIX = ".backup.json";
    public static final String PARTIAL_SUFFIX = ".partial";
    public static final String GLOBALS_SUFFIX = ".globals.sql";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path root;

    public BackupLayout(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path folderFor(String profile, String database) {
        return root.resolve(safe(profile)).resolve(safe(database));
    }

    /** The paths of one backup, chosen so that none of them exists yet. */
    public BackupPaths allocate(String profile, String database, LocalDateTime when, String label,
                                BackupFormat format, Compression compression) {
        Path folder = folderFor(profile, database);
        String stem = safe(database) + "_" + when.format(STAMP) + (label == null || label.isBlank() ? "" : "_" + safe(label));
        String extension = format.extension(compression);
        for (int n = 1; ; n++) {
            String base = n == 1 ? stem : stem + "-" + n;
            BackupPaths paths = new BackupPaths(folder, base, extension);
            if (!paths.anyExists()) {
                return paths;
            }
        }
    }

    /** File-system-safe: keeps letters, digits, '.', '_' and '-', turns the rest into '_'. */
    static String safe(String name) {
        String cleaned = name.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return cleaned.startsWith(".") ? "_" + cleaned.substring(1) : cleaned;
    }

    /** The set of names one backup uses. */
    public record BackupPaths(Path folder, String baseName, String extension) {
        public Path archive() {
            return folder.resolve(baseName + extension);
        }

        public Path partialArchive() {
            return folder.resolve(baseName + extension + PARTIAL_SUFFIX);
        }

        public Path globals() {
            return folder.resolve(baseName + GLOBALS_SUFFIX);
        }

        public Path partialGlobals() {
            return folder.resolve(baseName + GLOBALS_SUFFIX + PARTIAL_SUFFIX);
        }

        public Path sidecar() {
            return folder.resolve(baseName + SIDECAR_SUFFIX);
        }

        boolean anyExists() {
            return Files.exists(archive()) || Files.exists(partialArchive()) || Files.exists(sidecar());
        }
    }
}
