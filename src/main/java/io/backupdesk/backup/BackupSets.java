package io.backupdesk.backup;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupSet;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.store.Json;
import io.backupdesk.store.SecureFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The whole-server sets under the backup root: their manifests ({@code <root>/<profile>/*.set.json}), read as untrusted
 * input ({@link SetCheck}) and matched with the members' sidecars, written last by a set's run, pinned and deleted
 * whole. A manifest never makes a backup part of its set: a member counts only when its own sidecar names the set
 * back, and a manifest that claims a backup of another set is refused. Thread-safe; holds no state between calls.
 */
public final class BackupSets {
    /**
     * A set as listed.
     *
     * @param set     as its manifest lists it, except that a member whose backup is no longer in the catalog, or a roles
     *                file that is gone, count as not written (with why), so the status never claims what is not there
     * @param members the members' backups found in the catalog, in the manifest's order
     */
    public record SetEntry(BackupSet set, Path manifest, List<BackupCatalog.Entry> members) {
        public SetEntry {
            members = List.copyOf(members);
        }

        public BackupSet.Status status() {
            return set.status();
        }

        public Optional<Path> roles() {
            return Optional.ofNullable(set.globalsFile()).map(manifest::resolveSibling);
        }

        /** What the members' archives take together. */
        public long sizeBytes() {
            return members.stream().mapToLong(e -> e.record().sizeBytes()).sum();
        }

        public Optional<BackupCatalog.Entry> member(String database) {
            return members.stream().filter(e -> e.record().database().equals(database)).findFirst();
        }
    }

    /** A manifest not used, with the reason; never acted on. */
    public record Refused(Path manifest, String reason, String claimedId) { }

    /** The sets, newest first, and the manifests refused. */
    public record Listing(List<SetEntry> sets, List<Refused> refused) { }

    /** root/profile/manifest. */
    private static final int DEPTH = 2;

    private final BackupLayout layout;
    private final BackupCatalog catalog;
    private final Consumer<String> warnings;

    public BackupSets(BackupLayout layout, BackupCatalog catalog, Consumer<String> warnings) {
        this.layout = layout;
        this.catalog = catalog;
        this.warnings = warnings;
    }

    /** Every set, with the catalog read now. */
    public Listing read() {
        return read(catalog.read());
    }

    /** Every set, its members taken from a catalog already read; a warning for each manifest refused. */
    public Listing read(BackupCatalog.Listing backups) {
        Map<String, BackupCatalog.Entry> byId = backups.backups().stream()
                .collect(Collectors.toMap(e -> e.record().id(), Function.identity(), (a, b) -> a));
        List<SetEntry> sets = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (Path manifest : manifests()) {
            try {
                sets.add(matched(manifest, SetCheck.read(manifest), byId));
            } catch (SetCheck.Refusal e) {
                refused.add(new Refused(manifest, e.getMessage(), e.claimedId()));
            } catch (IOException | RuntimeException e) {
                refused.add(new Refused(manifest, "it could not be read: " + e.getMessage(), null));
            }
        }
        refuseSharedIds(sets, refused);
        refused.forEach(r -> warnings.accept("The set manifest " + r.manifest() + " was refused (" + r.reason()
                + "); it is not listed and nothing is done with it."));
        sets.sort(Comparator.comparing((SetEntry s) -> s.set().createdAt()).reversed());
        refused.sort(Comparator.comparing(Refused::manifest));
        return new Listing(List.copyOf(sets), List.copyOf(refused));
    }

    private List<Path> manifests() {
        if (!Files.isDirectory(layout.root())) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(layout.root(), DEPTH)) {
            return files.filter(p -> p.getNameCount() == layout.root().getNameCount() + DEPTH
                    && p.getFileName().toString().endsWith(SetCheck.MANIFEST_SUFFIX)).toList();
        } catch (IOException | UncheckedIOException e) {
            warnings.accept("Some of the backup folder could not be read: " + e.getMessage());
            return List.of();
        }
    }

    /** The set with its members found; refused when a backup it lists belongs elsewhere. */
    private static SetEntry matched(Path manifest, BackupSet set, Map<String, BackupCatalog.Entry> byId)
            throws SetCheck.Refusal {
        List<BackupSet.Member> members = new ArrayList<>();
        List<BackupCatalog.Entry> found = new ArrayList<>();
        for (BackupSet.Member m : set.members()) {
            BackupCatalog.Entry entry = m.backupId() == null ? null : byId.get(m.backupId());
            if (entry == null) {
                members.add(m.written() ? new BackupSet.Member(m.database(), null,
                        "its backup " + m.backupId() + " is no longer in the catalog") : m);
                continue;
            }
            BackupRecord r = entry.record();
            if (!set.id().equals(r.set()) || !set.profile().equals(r.profile()) || !m.database().equals(r.database())) {
                throw new SetCheck.Refusal("it lists the backup " + r.id() + " of " + SidecarCheck.printable(m.database())
                        + ", whose own metadata does not name this set" + (r.set() == null ? "" : " but the set "
                        + r.set()), set.id());
            }
            members.add(m);
            found.add(entry);
        }
        boolean rolesThere = set.globalsFile() == null
                || Files.isRegularFile(manifest.resolveSibling(set.globalsFile()), LinkOption.NOFOLLOW_LINKS);
        return new SetEntry(new BackupSet(set.schemaVersion(), set.id(), set.profile(), set.host(), set.port(),
                set.serverVersion(), set.format(), set.createdAt(), set.durationMillis(),
                rolesThere ? set.globalsFile() : null, rolesThere ? set.globalsSha256() : null,
                rolesThere ? set.globalsError() : "the roles file " + set.globalsFile() + " is gone", members,
                set.excluded(), set.label(), set.origin(), set.pinned(), set.encrypted(), set.recipients()),
                manifest, found);
    }

    /** As the catalog does with sidecars: two manifests with one id cannot be told apart, so neither is used. */
    private static void refuseSharedIds(List<SetEntry> sets, List<Refused> refused) {
        Map<String, List<SetEntry>> byId = sets.stream().collect(Collectors.groupingBy(s -> s.set().id()));
        byId.values().stream().filter(l -> l.size() > 1).flatMap(List::stream).toList().forEach(s -> {
            sets.remove(s);
            refused.add(new Refused(s.manifest(), "its id " + s.set().id() + " is also claimed by another manifest",
                    s.set().id()));
        });
    }

    /**
     * Finds a set by id or by a unique id prefix of at least 4 characters. A refused manifest is never found; the
     * message then says why it was refused.
     */
    public SetEntry require(String idOrPrefix) {
        return find(idOrPrefix).orElseThrow(() -> notFound(idOrPrefix, read()));
    }

    /**
     * The set of this id or unique prefix, if there is one; for a front end that takes a set or a backup id.
     *
     * @throws BackupDeskException {@code CONFIGURATION} when the id is exactly that of a refused manifest, saying why
     */
    public Optional<SetEntry> find(String idOrPrefix) {
        Listing listing = read();
        listing.refused().stream().filter(r -> idOrPrefix.equals(r.claimedId())).findFirst().ifPresent(r -> {
            throw notFound(idOrPrefix, listing);
        });
        List<SetEntry> all = listing.sets();
        Optional<SetEntry> exact = all.stream().filter(s -> s.set().id().equals(idOrPrefix)).findFirst();
        if (exact.isPresent() || idOrPrefix.length() < 4) {
            return exact;
        }
        List<SetEntry> prefixed = all.stream().filter(s -> s.set().id().startsWith(idOrPrefix)).toList();
        return prefixed.size() == 1 ? Optional.of(prefixed.get(0)) : Optional.empty();
    }

    private BackupDeskException notFound(String idOrPrefix, Listing listing) {
        Optional<Refused> refused = listing.refused().stream().filter(r -> idOrPrefix.equals(r.claimedId())).findFirst();
        if (refused.isPresent()) {
            return BackupDeskException.configuration("The set '" + idOrPrefix + "' is not used: its manifest "
                    + refused.get().manifest() + " was refused (" + refused.get().reason() + ").", "Look at that file.");
        }
        long matching = idOrPrefix.length() < 4 ? 0
                : listing.sets().stream().filter(s -> s.set().id().startsWith(idOrPrefix)).count();
        return BackupDeskException.configuration(matching > 1 ? "The id '" + idOrPrefix + "' matches " + matching + " sets."
                        : "No set with id '" + idOrPrefix + "' is in the catalog at " + layout.root() + ".",
                "Check the id against the list of backups.")
                .withCommandLineHint("List the sets with 'backupdesk list' and use a longer id.");
    }

    /**
     * Writes a new set's manifest, the mark that the set is there: last, atomically, owner-only.
     *
     * @throws BackupDeskException {@code IO} when it cannot be written, or a manifest of that name exists already
     */
    public void create(Path manifest, BackupSet set) {
        try {
            CatalogLock.whileHolding(manifest.getParent(), () -> {
                if (Files.exists(manifest, LinkOption.NOFOLLOW_LINKS)) {
                    throw new FileAlreadyExistsException(manifest.toString(), null, "another set's manifest has this name");
                }
                SecureFiles.writeAtomically(manifest, Json.mapper().writeValueAsBytes(set));
                return null;
            });
        } catch (IOException e) {
            throw writeFailed(manifest, e);
        }
    }

    /** Pins or unpins a set: a pinned set is kept whole by every cleanup, and by hand until it is unpinned. */
    public SetEntry setPinned(SetEntry entry, boolean pinned) {
        try {
            BackupSet changed = CatalogLock.whileHolding(entry.manifest().getParent(), () -> {
                BackupSet now = current(entry);
                BackupSet updated = now.withPinned(pinned);
                SecureFiles.writeAtomically(entry.manifest(), Json.mapper().writeValueAsBytes(updated));
                return updated;
            });
            return new SetEntry(entry.set().withPinned(changed.pinned()), entry.manifest(), entry.members());
        } catch (IOException e) {
            throw writeFailed(entry.manifest(), e);
        }
    }

    /**
     * Deletes a set whole: each member through the catalog's delete (with its own checks), then the roles file, then
     * the manifest. The manifest goes last as a sidecar does, and for the same reason: an interrupted delete leaves a
     * manifest whose gone members and roles file count as not written, so the set is listed partial or failed, never
     * complete, and can be deleted again; the other way round it would leave members and a roles file nothing lists as
     * one set. Nothing is deleted when the set or any member is pinned, or the manifest changed since it was listed.
     *
     * @throws BackupDeskException {@code CONFIGURATION} for a pinned or changed set, {@code IO} when a file cannot go
     */
    public void delete(SetEntry entry) {
        Path folder = entry.manifest().getParent();
        try {
            CatalogLock.whileHolding(folder, () -> requireDeletable(entry, current(entry)));
            for (BackupCatalog.Entry member : entry.members()) {
                catalog.delete(member);
            }
            CatalogLock.whileHolding(folder, () -> {
                requireDeletable(entry, current(entry));
                if (entry.set().globalsFile() != null) {
                    Files.deleteIfExists(entry.manifest().resolveSibling(entry.set().globalsFile()));
                }
                Files.deleteIfExists(entry.manifest());
                return null;
            });
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "The set " + entry.set().id() + " could not be deleted: "
                    + e.getMessage(), "Check the permissions of " + folder + ".", List.of(), e);
        }
    }

    private static Void requireDeletable(SetEntry listed, BackupSet now) {
        if (listed.set().pinned() || now.pinned()) {
            throw BackupDeskException.configuration("The set " + now.id() + " is pinned, so it is kept.",
                    "Unpin it first if it should really go.");
        }
        Optional<BackupCatalog.Entry> pinnedMember = listed.members().stream().filter(m -> m.record().pinned()).findFirst();
        if (pinnedMember.isPresent()) {
            throw BackupDeskException.configuration("The set " + now.id() + " is not deleted: its backup of "
                    + pinnedMember.get().record().database() + " is pinned.", "Unpin that backup first.");
        }
        return null;
    }

    /** The manifest as it is on disk now, checked again, and still the set that was listed. */
    private static BackupSet current(SetEntry listed) throws IOException {
        BackupSet now;
        try {
            now = SetCheck.read(listed.manifest());
        } catch (SetCheck.Refusal e) {
            throw BackupDeskException.configuration("The set " + listed.set().id() + " is left alone: its manifest "
                    + listed.manifest() + " was refused (" + e.getMessage() + ").", "Look at the folder by hand.");
        }
        if (!Objects.equals(now.id(), listed.set().id())) {
            throw BackupDeskException.configuration("The set " + listed.set().id() + " is left alone: "
                    + listed.manifest() + " now describes the set " + now.id() + ".", "List the backups again.");
        }
        return now;
    }

    private static BackupDeskException writeFailed(Path manifest, IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return BackupDeskException.configuration("The set's manifest " + manifest + " is gone: it was deleted"
                    + " meanwhile.", "List the backups again.");
        }
        return new BackupDeskException(ErrorKind.IO, "Could not write the set's manifest " + manifest + ": "
                + e.getMessage(), "Check free space and permissions of the backup folder.", List.of(), e);
    }
}
