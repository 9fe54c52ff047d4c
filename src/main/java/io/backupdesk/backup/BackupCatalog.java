package io.backupdesk.backup;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.store.SecureFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.nio.file.InvalidPathException;
import java.nio.file.DirectoryNotEmptyException;

/**
 * The catalog is the set of sidecars under the backup root: it travels with the backups, so a shared folder shows the
 * same catalog on every desk. Scanning reads each sidecar once and checks that its archive is still there.
 * <p>
 * Sidecars are untrusted input ({@link SidecarCheck}): one that fails the checks, or that claims the id of another,
 * is refused. A refused sidecar is listed as such with the reason and is never acted on; nothing here deletes or
 * reads a file its checks did not allow. Thread-safe; holds no state between calls.
 */
public final class BackupCatalog {
    /** A backup as listed: its record, where its sidecar is, and its status now ({@code MISSING} if the file went). */
    public record Entry(BackupRecord record, Path sidecar, BackupStatus status) {
        /** Its names are plain file names, so that its files are always in its sidecar's folder. */
        public Entry {
            Optional<String> problem = SidecarCheck.plainNameProblem("the file name", record.fileName())
                    .or(() -> record.globalsFile() == null ? Optional.empty()
                            : SidecarCheck.plainNameProblem("the roles file name", record.globalsFile()));
            if (problem.isPresent()) {
                throw new IllegalArgumentException("Backup " + record.id() + ": " + problem.get());
            }
        }

        public Path archive() {
            return sidecar.resolveSibling(record.fileName());
        }

        public Optional<Path> globals() {
            return Optional.ofNullable(record.globalsFile()).map(sidecar::resolveSibling);
        }
    }

    /**
     * A sidecar the catalog does not use: shown to the user with the reason, never acted on.
     *
     * @param claimedId the id it claims, when that much could be read; for messages only
     */
    public record Refused(Path sidecar, String reason, String claimedId) { }

    /** What a scan found: the backups, newest first, and the sidecars refused. */
    public record Listing(List<Entry> backups, List<Refused> refused) { }

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

    /** Every backup, newest first; refused sidecars are left out with a warning naming them and the reason. */
    public List<Entry> scan() {
        return read().backups();
    }

    /**
     * Every backup, newest first, and every sidecar refused, with a warning for each of those. The warnings consumer
     * may be called from several threads at once.
     */
    public Listing read() {
        Path root = layout.root();
        if (!Files.isDirectory(root)) {
            return new Listing(List.of(), List.of());
        }
        List<Path> sidecars;
        try (Stream<Path> files = Files.walk(root, DEPTH)) {
            sidecars = files.filter(p -> p.getFileName().toString().endsWith(BackupLayout.SIDECAR_SUFFIX)).toList();
        } catch (IOException | UncheckedIOException e) {
            warnings.accept("Some of the backup folder could not be read: " + e.getMessage());
            return new Listing(List.of(), List.of());
        }
        // parsing ten thousand small JSON files is most of the time: spread it over the cores
        List<Object> read = sidecars.parallelStream().map(this::read).toList();
        List<Entry> entries = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        read.forEach(r -> {
            if (r instanceof Entry e) {
                entries.add(e);
            } else {
                refused.add((Refused) r);
            }
        });
        refuseSharedIds(entries, refused);
        refused.forEach(r -> warnings.accept("The backup metadata " + r.sidecar() + " was refused (" + r.reason()
                + "); it is not listed and nothing is done with it."));
        entries.sort(Comparator.comparing((Entry e) -> e.record().createdAt()).reversed());
        refused.sort(Comparator.comparing(Refused::sidecar));
        return new Listing(entries, refused);
    }

    /** An Entry, or a Refused with the reason. */
    private Object read(Path sidecar) {
        try {
            BackupRecord record = Sidecars.read(sidecar);
            Path archive = sidecar.resolveSibling(record.fileName());
            BackupStatus status = Files.exists(archive) ? record.effectiveStatus() : BackupStatus.MISSING;
            return new Entry(record, sidecar, status);
        } catch (Sidecars.Unreadable e) {
            return new Refused(sidecar, e.getMessage(), e.claimedId().orElse(null));
        } catch (IOException | RuntimeException e) {
            return new Refused(sidecar, "it could not be read: " + e.getMessage(), null);
        }
    }

    /**
     * Two sidecars with one id are a copied folder or a forged sidecar; which one is real cannot be told, and acting
     * on the wrong one (a delete, a restore by id) is worse than acting on neither, so both are refused.
     */
    private static void refuseSharedIds(List<Entry> entries, List<Refused> refused) {
        Map<String, List<Entry>> byId = entries.stream()
                .collect(Collectors.groupingBy(e -> e.record().id(), LinkedHashMap::new, Collectors.toList()));
        for (List<Entry> sharing : byId.values()) {
            if (sharing.size() < 2) {
                continue;
            }
            for (Entry e : sharing) {
                entries.remove(e);
                String others = sharing.stream().filter(o -> o != e).map(o -> o.sidecar().toString())
                        .collect(Collectors.joining(", "));
                refused.add(new Refused(e.sidecar(), "its id " + e.record().id() + " is also claimed by " + others,
                        e.record().id()));
            }
        }
    }

    /** Pins or unpins a backup: a pinned one is never deleted by a cleanup, nor by hand until it is unpinned. */
    public Entry setPinned(Entry entry, boolean pinned) {
        BackupRecord changed = Sidecars.update(entry.sidecar(), entry.record().id(), r -> r.withPinned(pinned))
                .orElseThrow(() -> BackupDeskException.configuration("The backup " + entry.record().id()
                        + " is no longer in the catalog: it was deleted meanwhile.", "List the backups again."));
        return new Entry(changed, entry.sidecar(),
                entry.status() == BackupStatus.MISSING ? BackupStatus.MISSING : changed.effectiveStatus());
    }

    /**
     * Deletes a backup: its archive (file or folder) and globals file first, its sidecar last, so that an
     * interrupted delete leaves a backup listed as missing, which can be deleted again, never files nobody lists.
     * The sidecar is read again first and must still describe this backup, pass the checks and be unpinned: another
     * desk may have pinned it, or someone swapped a file for a link, since it was listed.
     *
     * @throws BackupDeskException {@code CONFIGURATION} for a pinned or refused backup, {@code IO} when a file cannot go
     */
    public void delete(Entry entry) {
        try {
            CatalogLock.whileHolding(entry.sidecar().getParent(), () -> {
                deleteHoldingTheLock(entry);
                return null;
            });
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "The backup " + entry.record().id() + " could not be deleted: "
                    + e.getMessage(), "Check the permissions of " + entry.sidecar().getParent() + ".", List.of(), e);
        }
    }

    private static void deleteHoldingTheLock(Entry listed) throws IOException {
        String id = listed.record().id();
        if (!Files.exists(listed.sidecar(), LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        BackupRecord now;
        try {
            now = Sidecars.read(listed.sidecar());
        } catch (Sidecars.Unreadable e) {
            throw BackupDeskException.configuration("The backup " + id + " is not deleted: its metadata "
                    + listed.sidecar() + " was refused (" + e.getMessage() + ").", "Look at the folder by hand.");
        }
        if (!now.id().equals(id)) {
            throw BackupDeskException.configuration("The backup " + id + " is not deleted: " + listed.sidecar()
                    + " now describes the backup " + now.id() + ".", "List the backups again.");
        }
        if (listed.record().pinned() || now.pinned()) {
            throw BackupDeskException.configuration("The backup " + id + " is pinned, so it is kept.",
                    "Unpin it first if it should really go.");
        }
        Entry current = new Entry(now, listed.sidecar(), listed.status());
        deleteArchive(current);
        Optional<Path> globals = current.globals();
        if (globals.isPresent()) {
            Files.deleteIfExists(globals.get());
        }
        Files.deleteIfExists(current.sidecar());
    }

    /**
     * Deletes the archive the sidecar names. A folder (directory format) goes file by file as its sidecar recorded
     * them, then the folder itself, which fails while anything else is in it: a name from a sidecar never takes a
     * whole tree with it.
     */
    private static void deleteArchive(Entry entry) throws IOException {
        Path archive = entry.archive();
        if (!Files.isDirectory(archive, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(archive);
            return;
        }
        for (String name : entry.record().files().keySet()) {
            Files.deleteIfExists(archive.resolve(name));
        }
        try {
            Files.deleteIfExists(archive);
        } catch (DirectoryNotEmptyException e) {
            throw new IOException(archive + " holds files its backup did not record; they were left where they are", e);
        }
    }

    /**
     * Finds a backup by id, by a unique id prefix of at least 4 characters, or by the path of its archive or sidecar.
     * A refused sidecar is never found; the message then says why it was refused.
     */
    public Entry require(String idOrPath) {
        Listing listing = read();
        List<Entry> all = listing.backups();
        Optional<Entry> exact = all.stream().filter(e -> e.record().id().equals(idOrPath)).findFirst();
        if (exact.isPresent()) {
            return exact.get();
        }
        Optional<Path> asPath = asPath(idOrPath);
        Optional<Entry> byPath = asPath.flatMap(path -> all.stream()
                .filter(e -> e.archive().toAbsolutePath().normalize().equals(path) || e.sidecar().toAbsolutePath().normalize().equals(path))
                .findFirst());
        if (byPath.isPresent()) {
            return byPath.get();
        }
        List<Entry> prefixed = idOrPath.length() < 4 ? List.of()
                : all.stream().filter(e -> e.record().id().startsWith(idOrPath)).toList();
        if (prefixed.size() == 1) {
            return prefixed.get(0);
        }
        Optional<Refused> refused = listing.refused().stream()
                .filter(r -> idOrPath.equals(r.claimedId()) || asPath.filter(p -> p.equals(r.sidecar().toAbsolutePath().normalize())).isPresent())
                .findFirst();
        if (prefixed.isEmpty() && refused.isPresent()) {
            throw BackupDeskException.configuration("The backup '" + idOrPath + "' is not used: its metadata "
                    + refused.get().sidecar() + " was refused (" + refused.get().reason() + ").",
                    "Look at that file. To bring its dump back, import the dump: the refused"
                            + " metadata is kept aside as *.corrupt-<time>.")
                    .withCommandLineHint("Look at that file. To bring its dump back, run 'backupdesk import' on the"
                            + " dump: the refused metadata is kept aside as *.corrupt-<time>.");
        }
        throw BackupDeskException.configuration(prefixed.isEmpty()
                        ? "No backup with id '" + idOrPath + "' is in the catalog at " + layout.root() + "."
                        : "The id '" + idOrPath + "' matches " + prefixed.size() + " backups.",
                "Check the id against the list of backups.")
                .withCommandLineHint("List the backups with 'backupdesk list' and use a longer id.");
    }

    private static Optional<Path> asPath(String text) {
        try {
            return Optional.of(Path.of(text).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
