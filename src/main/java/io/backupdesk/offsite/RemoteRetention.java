package io.backupdesk.offsite;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.RetentionPlan;
import io.backupdesk.backup.RetentionRules;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.Destination;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * A destination's own retention: its policy applied to the backups there, database by database, with the same
 * rules that never let go as on the desk (pinned, the newest verified, the newest good, anything of a database whose
 * latest run failed). A backup goes sidecar first, so one half deleted is never listed as complete.
 */
public final class RemoteRetention {
    /** What a prune decided for each backup at the destination, and what it could not delete. */
    public record Pruned(List<RetentionPlan> plans, List<String> failures) {
        public List<BackupCatalog.Entry> deleted() {
            return plans.stream().flatMap(p -> p.toDelete().stream()).toList();
        }
    }

    private RemoteRetention() { }

    /**
     * @param backups         the backups at the destination, from a sync just made
     * @param latestRunFailed whether the newest backup run of (profile, database) failed, by this desk's history
     * @param dryRun          decide and delete nothing
     */
    public static Pruned prune(Destination destination, RemoteStore store, List<RemoteCatalog.RemoteEntry> backups,
                               BiPredicate<String, String> latestRunFailed, Instant now, ZoneId zone, boolean dryRun) {
        List<RetentionPlan> plans = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        if (destination.retention().isNone()) {
            return new Pruned(plans, failures);
        }
        Map<String, List<RemoteCatalog.RemoteEntry>> byDatabase = backups.stream().collect(Collectors.groupingBy(
                r -> r.entry().record().profile() + "\n" + r.entry().record().database()));
        Map<String, RemoteCatalog.RemoteEntry> byId = backups.stream()
                .collect(Collectors.toMap(r -> r.entry().record().id(), r -> r, (a, b) -> a));
        for (List<RemoteCatalog.RemoteEntry> group : byDatabase.values()) {
            String profile = group.get(0).entry().record().profile();
            String database = group.get(0).entry().record().database();
            // judged as they were recorded: the copy's status there is the backup's own
            List<BackupCatalog.Entry> entries = group.stream().map(r -> new BackupCatalog.Entry(r.entry().record(),
                    r.entry().sidecar(), r.entry().record().effectiveStatus())).toList();
            RetentionPlan plan = RetentionRules.plan(profile, database, entries, destination.retention(),
                    latestRunFailed.test(profile, database), now, zone);
            plans.add(plan);
            if (dryRun) {
                continue;
            }
            for (BackupCatalog.Entry going : plan.toDelete()) {
                RemoteCatalog.RemoteEntry remote = byId.get(going.record().id());
                try {
                    delete(store, remote);
                } catch (RuntimeException e) {
                    failures.add(going.record().id() + ": " + e.getMessage());
                }
            }
        }
        return new Pruned(plans, failures);
    }

    private static void delete(RemoteStore store, RemoteCatalog.RemoteEntry remote) {
        store.delete(RemoteKeys.checked(remote.folderKey() + remote.entry().sidecar().getFileName()));
        if (remote.entry().record().format() == BackupFormat.DIRECTORY) {
            remote.entry().record().files().keySet().forEach(f -> store.delete(RemoteKeys.checked(
                    remote.archiveKey() + "/" + f)));
        } else {
            store.delete(RemoteKeys.checked(remote.archiveKey()));
        }
        remote.globalsKey().ifPresent(g -> store.delete(RemoteKeys.checked(g)));
    }
}
