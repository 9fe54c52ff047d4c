package io.backupdesk.jobs;

import io.backupdesk.backup.BackupSets;
import io.backupdesk.core.BackupSet;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.stats.DatabaseHealth;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The databases the RPO watch judges. A connection to one database is judged as it is. A server connection is judged
 * by its newest set: each database that set found (written or failed, so a database that fails goes stale in time),
 * never one it no longer has (dropped or left out since) and never its login database unless the set backs it up.
 */
public final class WatchedDatabases {
    private WatchedDatabases() { }

    /** @param health the standing of every database the catalog and the history know, of existing connections */
    public static List<DatabaseHealth> of(List<DatabaseHealth> health, List<ConnectionProfile> profiles,
                                   List<BackupSets.SetEntry> sets) {
        Set<String> servers = profiles.stream().filter(ConnectionProfile::wholeServer).map(ConnectionProfile::name)
                .collect(Collectors.toSet());
        Map<String, BackupSet> newest = sets.stream().map(BackupSets.SetEntry::set)
                .filter(s -> servers.contains(s.profile()))
                .collect(Collectors.toMap(BackupSet::profile, Function.identity(),
                        (a, b) -> a.createdAt().isAfter(b.createdAt()) ? a : b));
        return health.stream().filter(h -> !servers.contains(h.profile()) || Optional.ofNullable(newest.get(h.profile()))
                        // before its first set, whatever its runs left in the history is watched
                        .map(s -> s.members().stream().anyMatch(m -> m.database().equals(h.database())))
                        .orElse(true))
                .sorted(Comparator.comparing(DatabaseHealth::health).reversed().thenComparing(DatabaseHealth::key))
                .toList();
    }
}
