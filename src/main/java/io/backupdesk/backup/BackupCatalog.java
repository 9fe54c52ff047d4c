package io.backupdesk.backup;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.store.SecureFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The catalog is the set of sidecars under the backup root: it travels with the backups, so a shared folder shows the
 * same catalog on every desk. Scanning reads each sidecar once and checks that its archive is still there.
 * Thread-safe; holds no state between calls.
 */
public final class BackupCatalog {
    /** A backup as listed: its record, where its sidecar is, and its status now ({@code MISSING} if the file went). */
    public record Entry(BackupRecord record, Path sidecar, BackupStatus status) {
        public Path archive() {
            return sidecar.resolveSibling(record.fileName());
        }

        public Optional<Path> globals() {
            return Optional.ofNullable(record.globalsFile()).map(sidecar::resolveSibling);
        }
    }

    /** root/profile/database/file: deeper files belong to directory-format archives. */
    private static final int DEPTH = 3;

    private final BackupLayout layout;
    private final Consumer<String> warnings;

    public BackupCatalog(BackupLayout layout, Consumer<String> warnings) {
        this.layout = layout;
        this.warnings = warnings;
    }

    public Path root() {
        return layout.root();
    }

    /**
     * Every backup, newest first. Unreadable sidecars are skipped with a warning naming them; the warnings consumer
     * may be called from several threads at once.
     */
    public List<Entry> scan() {
        Path root = layout.root();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> sidecars;
        try (Stream<Path> files = Files.walk(root, DEPTH)) {
            sidecars = files.filter(p -> p.getFileName().toString().endsWith(BackupLayout.SIDECAR_SUFFIX)).toList();
        } catch (IOException | UncheckedIOException e) {
            warnings.accept("Some of the backup folder could not be read: " + e.getMessage());
            return List.of();
        }
        // parsing ten thousand small JSON files is most of the time: spread it over the cores
        List<Entry> entries = new ArrayList<>(sidecars.parallelStream().map(this::read).flatMap(Optional::stream).toList());
        entries.sort(Comparator.comparing((Entry e) -> e.record().createdAt()).reversed());
        return entries;
    }

    private Optional<Entry> read(Path sidecar) {
        try {
            BackupRecord record = Sidecars.read(sidecar);
            Path archive = sidecar.resolveSibling(record.fileName());
            BackupStatus status = Files.exists(archive) ? record.effectiveStatus() : BackupStatus.MISSING;
            return Optional.of(new Entry(record, sidecar, status));
        } catch (IOException | RuntimeException e) {
            warnings.accept("The backup metadata " + sidecar + " could not be read (" + e.getMessage() + "); it is not listed.");
            return Optional.empty();
        }
    }

    /** Pins or unpins a backup: a pinned one is never deleted by a cleanup, nor by hand until it is unpinned. */
    public Entry setPinned(Entry entry, boolean pinned) {
        BackupRecord changed = entry.record().withPinned(pinned);
        Sidecars.write(entry.sidecar(), changed);
        return new Entry(changed, entry.sidecar(), entry.status());
    }

    /**
     * Deletes a backup: its archive (file or folder) and globals file first, its sidecar last, so that an
     * interrupted delete leaves a backup listed as missing, which can be deleted again, never files nobody lists.
     *
     * @throws BackupDeskException {@code CONFIGURATION} for a pinned backup, {@code IO} when a file cannot go
     */
    public void delete(Entry entry) {
        if (entry.record().pinned() || pinnedNow(entry)) {
            throw BackupDeskException.configuration("The backup " + entry.record().id() + " is pinned, so it is kept.",
                    "Unpin it first if it should really go.");
        }
        try {
            SecureFiles.deleteRecursively(entry.archive());
            Optional<Path> globals = entry.globals();
            if (globals.isPresent()) {
                Files.deleteIfExists(globals.get());
            }
            Files.deleteIfExists(entry.sidecar());
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "The backup " + entry.record().id() + " could not be deleted: "
                    + e.getMessage(), "Check the permissions of " + entry.sidecar().getParent() + ".", List.of(), e);
        }
    }

    /** Whether the sidecar says pinned now: another desk on a shared folder may have pinned it since it was read. */
    private static boolean pinnedNow(Entry entry) {
        try {
            return Files.exists(entry.sidecar()) && Sidecars.read(entry.sidecar()).pinned();
        } catch (IOException e) {
            return false;
        }
    }

    /** Finds a backup by id, by a unique id prefix of at least 4 characters, or by the path of its archive or sidecar. */
    public Entry require(String idOrPath) {
        List<Entry> all = scan();
        Optional<Entry> exact = all.stream().filter(e -> e.record().id().equals(idOrPath)).findFirst();
        if (exact.isPresent()) {
            return exact.get();
        }
        Path asPath = Path.of(idOrPath).toAbsolutePath().normalize();
        Optional<Entry> byPath = all.stream()
                .filter(e -> e.archive().toAbsolutePath().normalize().equals(asPath) || e.sidecar().toAbsolutePath().normalize().equals(asPath))
                .findFirst();
        if (byPath.isPresent()) {
            return byPath.get();
        }
        List<Entry> prefixed = idOrPath.length() < 4 ? List.of()
                : all.stream().filter(e -> e.record().id().startsWith(idOrPath)).toList();
        if (prefixed.size() == 1) {
            return prefixed.get(0);
        }
        throw BackupDeskException.configuration(prefixed.isEmpty()
                        ? "No backup with id '" + idOrPath + "' is in the catalog at " + layout.root() + "."
                        : "The id '" + idOrPath + "' matches " + prefixed.size() + " backups.",
                "List the backups with 'backupdesk list' and use a longer id.");
    }
}
