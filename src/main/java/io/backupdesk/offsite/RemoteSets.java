package io.backupdesk.offsite;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupLayout;
import io.backupdesk.backup.BackupSets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The whole-server sets at a destination, from the manifests a catalog sync mirrored beside the sidecars. They are
 * read by the local manifest store ({@link BackupSets}) as untrusted input with its own checks, not a second parser:
 * plain names fixed by the manifest's own name, ids that are ids, members whose sidecars name the set back. Roles files
 * stay at the destination (they may hold password hashes): a sync checks that each is there, and drops a manifest
 * whose roles file is not, as it offers no backup whose file is missing. Holds no state.
 */
public final class RemoteSets {
    /** A set at a destination: as read from its mirrored manifest, its members those mirrored there. */
    public record RemoteSet(BackupSets.SetEntry entry, String destination, String folderKey) {
        public String manifestKey() {
            return folderKey + entry.manifest().getFileName();
        }

        public Optional<String> rolesKey() {
            return Optional.ofNullable(entry.set().globalsFile()).map(g -> folderKey + g);
        }
    }

    private RemoteSets() { }

    /** The sets mirrored from one destination, newest first. */
    static List<RemoteSet> read(Path mirror, String destination, List<RemoteCatalog.RemoteEntry> backups) {
        return listing(mirror, backups).sets().stream().map(s -> new RemoteSet(s, destination,
                keyOf(mirror, s.manifest().getParent()))).toList();
    }

    /**
     * Checks the manifests a sync just mirrored: each refused one, and each whose roles file is not at the destination,
     * is removed from the mirror with its reason added to {@code refused}; the sets that stand are returned.
     *
     * @param keys every key the destination listed
     */
    static List<RemoteSet> checkMirrored(Path mirror, String destination, List<RemoteCatalog.RemoteEntry> backups,
                                         Set<String> keys, List<String> refused) throws IOException {
        BackupSets.Listing listing = listing(mirror, backups);
        for (BackupSets.Refused r : listing.refused()) {
            Files.deleteIfExists(r.manifest());
            refused.add(keyOf(mirror, r.manifest().getParent()) + r.manifest().getFileName() + ": refused ("
                    + r.reason() + ")");
        }
        List<RemoteSet> sets = new ArrayList<>();
        for (BackupSets.SetEntry s : listing.sets()) {
            RemoteSet set = new RemoteSet(s, destination, keyOf(mirror, s.manifest().getParent()));
            if (set.rolesKey().isPresent() && !keys.contains(set.rolesKey().get())) {
                Files.deleteIfExists(s.manifest());
                refused.add(set.manifestKey() + ": its roles file is not there");
            } else {
                sets.add(set);
            }
        }
        return sets;
    }

    /** The roles files are where the sync saw them; the members are the backups mirrored with the manifests. */
    private static BackupSets.Listing listing(Path mirror, List<RemoteCatalog.RemoteEntry> backups) {
        BackupLayout layout = new BackupLayout(mirror);
        return new BackupSets(layout, new BackupCatalog(layout, w -> { }), w -> { }, roles -> true)
                .read(new BackupCatalog.Listing(backups.stream().map(RemoteCatalog.RemoteEntry::entry).toList(),
                        List.of()));
    }

    private static String keyOf(Path mirror, Path folder) {
        StringBuilder key = new StringBuilder();
        for (Path segment : mirror.relativize(folder)) {
            if (!segment.toString().isEmpty()) {
                key.append(segment).append('/');
            }
        }
        return key.toString();
    }
}
