package io.backupdesk.backup;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.Compression;
import io.backupdesk.store.SecureFiles;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where backups go: {@code <root>/<profile>/<database>/<database>_<yyyyMMdd-HHmmss>[_label].<ext>}, the sidecar
 * {@code <same name>.backup.json} beside it, and {@code .partial} names while a run writes. An encrypted backup's
 * archive and globals file end in {@code .age} after their usual ending, as the {@code age} tool names its files.
 * A whole-server set's manifest is {@code <root>/<profile>/<profile>_<yyyyMMdd-HHmmss>[_label].set.json}, beside the
 * databases' folders, with its roles file {@code <same name>.globals.sql[.age]} beside it (decision 0037).
 */
public final class BackupLayout {
    public static final String SIDECAR_SUFFIX = ".backup.json";
    public static final String PARTIAL_SUFFIX = ".partial";
    public static final String GLOBALS_SUFFIX = ".globals.sql";
    public static final String MANIFEST_SUFFIX = SetCheck.MANIFEST_SUFFIX;
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

    /**
     * Claims the names of a new backup: creates its folder and its partial archive (an empty owner-only file, or a
     * folder for the directory format) with create-new semantics, so that two runs started in the same second, in
     * this process or another, never share a name.
     */
    public BackupPaths reserve(String profile, String database, LocalDateTime when, String label,
                               BackupFormat format, Compression compression) throws IOException {
        return reserve(profile, database, when, label, format, compression, false);
    }

    /** As {@link #reserve(String, String, LocalDateTime, String, BackupFormat, Compression)}, for encrypted files. */
    public BackupPaths reserve(String profile, String database, LocalDateTime when, String label,
                               BackupFormat format, Compression compression, boolean encrypted) throws IOException {
        Path folder = SecureFiles.createDirectories(folderFor(profile, database));
        String stem = stem(database, when, label);
        String extension = extension(format, compression, encrypted);
        String globals = GLOBALS_SUFFIX + (encrypted ? ArchiveEncryption.SUFFIX : "");
        for (int n = 1; ; n++) {
            BackupPaths paths = new BackupPaths(folder, n == 1 ? stem : stem + "-" + n, extension, globals);
            if (Files.exists(paths.archive()) || Files.exists(paths.sidecar())) {
                continue;
            }
            try {
                if (format == BackupFormat.DIRECTORY) {
                    Files.createDirectory(paths.partialArchive(), SecureFiles.ownerOnlyDirectory());
                } else {
                    SecureFiles.createNewFile(paths.partialArchive());
                }
                return paths;
            } catch (FileAlreadyExistsException taken) {
                // another run holds this name; try the next
            }
        }
    }

    /** The connection's folder, which holds its sets' manifests and roles files beside its databases' folders. */
    public Path folderFor(String profile) {
        return root.resolve(safe(profile));
    }

    /**
     * Claims the names of a new set as {@link #reserve} claims a backup's: its manifest's partial name is created
     * with create-new semantics, so two runs of one connection in the same second never share a manifest. The partial
     * stays empty; it is the claim, removed once the manifest is written.
     */
    public SetPaths reserveSet(String profile, LocalDateTime when, String label, boolean encrypted) throws IOException {
        Path folder = SecureFiles.createDirectories(folderFor(profile));
        String stem = stem(profile, when, label);
        String globals = GLOBALS_SUFFIX + (encrypted ? ArchiveEncryption.SUFFIX : "");
        for (int n = 1; ; n++) {
            SetPaths paths = new SetPaths(folder, n == 1 ? stem : stem + "-" + n, globals);
            if (Files.exists(paths.manifest()) || Files.exists(paths.globals())) {
                continue;
            }
            try {
                SecureFiles.createNewFile(paths.partialManifest());
                return paths;
            } catch (FileAlreadyExistsException taken) {
                // another run holds this name; try the next
            }
        }
    }

    /** The names one set uses in its connection's folder. */
    public record SetPaths(Path folder, String baseName, String globalsSuffix) {
        public Path manifest() {
            return folder.resolve(baseName + MANIFEST_SUFFIX);
        }

        public Path globals() {
            return folder.resolve(baseName + globalsSuffix);
        }

        public Path partialGlobals() {
            return folder.resolve(baseName + globalsSuffix + PARTIAL_SUFFIX);
        }

        public Path partialManifest() {
            return folder.resolve(baseName + MANIFEST_SUFFIX + PARTIAL_SUFFIX);
        }
    }

    /** The archive's name a backup started then would get, unless another run took it first; for showing. */
    public static String fileName(String database, LocalDateTime when, String label, BackupFormat format,
                                  Compression compression, boolean encrypted) {
        return stem(database, when, label) + extension(format, compression, encrypted);
    }

    private static String stem(String database, LocalDateTime when, String label) {
        return safe(database) + "_" + when.format(STAMP) + (label == null || label.isBlank() ? "" : "_" + safe(label));
    }

    private static String extension(BackupFormat format, Compression compression, boolean encrypted) {
        return format.extension(compression) + (encrypted ? ArchiveEncryption.SUFFIX : "");
    }

    /** File-system-safe: keeps letters, digits, '.', '_' and '-', turns the rest into '_'. */
    static String safe(String name) {
        String cleaned = name.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return cleaned.startsWith(".") ? "_" + cleaned.substring(1) : cleaned;
    }

    /** The set of names one backup uses. */
    public record BackupPaths(Path folder, String baseName, String extension, String globalsSuffix) {
        public Path archive() {
            return folder.resolve(baseName + extension);
        }

        public Path partialArchive() {
            return folder.resolve(baseName + extension + PARTIAL_SUFFIX);
        }

        public Path globals() {
            return folder.resolve(baseName + globalsSuffix);
        }

        public Path partialGlobals() {
            return folder.resolve(baseName + globalsSuffix + PARTIAL_SUFFIX);
        }

        public Path sidecar() {
            return folder.resolve(baseName + SIDECAR_SUFFIX);
        }
    }
}
