package io.backupdesk.ui.backups;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupSet;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A whole-server set as the backup list reads it: its manifest, and its members' backups as the catalog found them
 * (each one's sidecar names the set back), in the manifest's order.
 *
 * @param manifest the {@code .set.json} file, in the connection's folder
 * @param roles    the roles file beside it; null when the set has none
 */
public record ListedSet(BackupSet set, List<BackupCatalog.Entry> members, Path manifest, Path roles) {
    public ListedSet {
        members = List.copyOf(members);
    }

    public String id() {
        return set.id();
    }

    /** What the members' archives take together. */
    public long sizeBytes() {
        return members.stream().mapToLong(e -> e.record().sizeBytes()).sum();
    }

    public Optional<BackupCatalog.Entry> member(String database) {
        return members.stream().filter(e -> e.record().database().equals(database)).findFirst();
    }
}
