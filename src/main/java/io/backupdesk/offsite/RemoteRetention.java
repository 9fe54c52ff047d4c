package io.backupdesk.offsite;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupSets;
import io.backupdesk.backup.RetentionPlan;
import io.backupdesk.backup.RetentionRules;
import io.backupdesk.backup.SetRetention;
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
 * latest run failed). A backup goes sidecar first, so one half deleted is never listed as complete. A whole-server
 * set is one unit, as on the desk (decision 0040): its members are never pruned on their own, and a set goes whole,
 * its manifest last (decision 0043).
 */
public final class RemoteRetention {
    /** What a prune decided for each backup and each set at the destination, and what it could not delete. */
    public record Pruned(List<RetentionPlan> plans, List<SetRetention.Plan> setPlans, List<String> failures) {
        public List<BackupCatalog.Entry> deleted() {
            return plans.stream().flatMap(p -> p.toDelete().stream()).toList();
        }

        /** The sets deleted whole, each with its members. */
        public List<BackupSets.SetEntry> deletedSets() {
            return setPlans.stream().flatMap(p -> p.toDelete().stream()).toList();
        }
    }

    private RemoteRetention() { }

    /**
     * @param backups         the backups at the destination, from a sync just made
     * @param sets            the sets there, from the same sync
     * @param latestRunFailed whether the newest backup run of (profile, database) failed, by this desk's history
     * @param dryRun          decide and delete nothing
     */
    public static Pruned prune(Destination destination, RemoteStore store, List<RemoteCatalog.RemoteEntry> backups,
                               List<RemoteSets.RemoteSet> sets, BiPredicate<String, String> latestRunFailed,
                               Instant now, ZoneId zone, boolean dryRun) {
        List<RetentionPlan> plans = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        if (destination.retention().isNone()) {
            return new Pruned(plans, List.of(), failures);
        }
        // a member goes with its set or not at all, also one whose set's manifest is not there (yet)
        Map<String, List<RemoteCatalog.RemoteEntry>> byDatabase = backups.stream()
                .filter(r -> r.entry().record().set() == null).collect(Collectors.groupingBy(
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
        List<SetRetention.Plan> setPlans = pruneSets(destination, store, sets, now, zone, dryRun, failures);
        return new Pruned(plans, setPlans, failures);
    }

    /** Each connection's sets there under the destination's policy, each kept or deleted whole. */
    private static List<SetRetention.Plan> pruneSets(Destination destination, RemoteStore store,
                                                     List<RemoteSets.RemoteSet> sets, Instant now, ZoneId zone,
                                                     boolean dryRun, List<String> failures) {
        Map<String, List<RemoteSets.RemoteSet>> byProfile = sets.stream()
                .collect(Collectors.groupingBy(s -> s.entry().set().profile()));
        List<SetRetention.Plan> plans = new ArrayList<>();
        for (Map.Entry<String, List<RemoteSets.RemoteSet>> profile : byProfile.entrySet()) {
            Map<String, RemoteSets.RemoteSet> byId = profile.getValue().stream()
                    .collect(Collectors.toMap(s -> s.entry().set().id(), s -> s, (a, b) -> a));
            // judged as they were recorded, as the backups are. A set run that wrote nothing copies nothing, so a
            // streak of them adds nothing here to push the older sets out, and the newest good ones are kept anyway
            SetRetention.Plan plan = new SetRetention.Plan(profile.getKey(), SetRetention.decide(
                    profile.getValue().stream().map(RemoteSets.RemoteSet::entry).toList(), destination.retention(),
                    false, now, zone, m -> m.record().effectiveStatus()));
            plans.add(plan);
            if (dryRun) {
                continue;
            }
            for (BackupSets.SetEntry going : plan.toDelete()) {
                try {
                    deleteSet(store, byId.get(going.set().id()));
                } catch (RuntimeException e) {
                    failures.add("the set " + going.set().id() + ": " + e.getMessage());
                }
            }
        }
        return plans;
    }

    /**
     * A set goes as on the desk (decision 0039): its members (each sidecar first), its roles file, its manifest last.
     * A delete cut short leaves a manifest whose missing members count as not written, as the manifest store reads
     * it, so the set is never listed complete, and the next prune finds it and finishes; the manifest first would
     * leave members naming a set that is not there, which no rule may ever prune.
     */
    private static void deleteSet(RemoteStore store, RemoteSets.RemoteSet set) {
        String folder = set.entry().manifest().getParent().getFileName() + "/";
        for (BackupCatalog.Entry member : set.entry().members()) {
            delete(store, new RemoteCatalog.RemoteEntry(member, set.destination(),
                    folder + member.sidecar().getParent().getFileName() + "/"));
        }
        set.rolesKey().ifPresent(k -> store.delete(RemoteKeys.checked(k)));
        store.delete(RemoteKeys.checked(set.manifestKey()));
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
