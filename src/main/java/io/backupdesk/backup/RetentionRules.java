package io.backupdesk.backup;

import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.RetentionPolicy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.DayOfWeek;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.Locale;

/**
 * Decides which backups of one database a policy lets go. Pure: it reads no file and deletes nothing. Whatever the
 * policy says, it never lets go of a pinned backup, of the newest verified backup, of the newest good one, of a backup that is damaged or whose file is gone (those are for a person to look at), or
 * of anything at all when the latest run of the database failed: a failure streak must never eat the backups.
 * Files without a sidecar are not in the catalog and so are never even considered.
 */
public final class RetentionRules {
    private RetentionRules() { }

    /**
     * @param backups          the database's backups, in any order
     * @param latestRunFailed  the newest backup run of this database failed or was interrupted
     */
    public static RetentionPlan plan(String profile, String database, List<BackupCatalog.Entry> backups,
                                     RetentionPolicy policy, boolean latestRunFailed, Instant now, ZoneId zone) {
        List<BackupCatalog.Entry> newestFirst = new ArrayList<>(backups);
        newestFirst.sort(Comparator.comparing((BackupCatalog.Entry e) -> e.record().createdAt()).reversed());
        List<BackupCatalog.Entry> good = newestFirst.stream().filter(e -> isGood(e.status())).toList();
        BackupCatalog.Entry newestVerified = good.stream().filter(e -> e.status() == BackupStatus.VERIFIED).findFirst()
                .orElse(null);
        BackupCatalog.Entry newestGood = good.isEmpty() ? null : good.get(0);
        Set<BackupCatalog.Entry> selected = selected(good, policy, now, zone);
        List<RetentionPlan.Decision> decisions = new ArrayList<>();
        for (BackupCatalog.Entry e : newestFirst) {
            String keptBecause = never(e, newestVerified, newestGood, latestRunFailed);
            if (keptBecause == null) {
                keptBecause = policyKeeps(e, policy, selected, now);
            }
            decisions.add(keptBecause == null
                    ? new RetentionPlan.Decision(e, true, reasonToDelete(e, policy, now))
                    : new RetentionPlan.Decision(e, false, keptBecause));
        }
        return new RetentionPlan(profile, database, decisions);
    }

    private static boolean isGood(BackupStatus status) {
        return status == BackupStatus.OK || status == BackupStatus.VERIFIED;
    }

    /** The rules no policy overrides; the reason a backup is kept, or null. */
    private static String never(BackupCatalog.Entry e, BackupCatalog.Entry newestVerified, BackupCatalog.Entry newestGood,
                                boolean latestRunFailed) {
        if (latestRunFailed) {
            return "kept: the latest backup run of this database failed, so nothing is deleted until one succeeds";
        }
        if (e.record().pinned()) {
            return "kept: pinned";
        }
        if (e == newestVerified) {
            return "kept: the newest verified backup";
        }
        if (e == newestGood) {
            // also when an older one is verified: the backup just made is never the first to go
            return newestVerified == null ? "kept: the newest good backup (none is verified)" : "kept: the newest good backup";
        }
        if (!isGood(e.status())) {
            return "kept: " + e.status().name().toLowerCase(Locale.ROOT) + "; delete it by hand once looked at";
        }
        return null;
    }

    private static String policyKeeps(BackupCatalog.Entry e, RetentionPolicy policy, Set<BackupCatalog.Entry> selected,
                                      Instant now) {
        boolean tooOld = policy.maxAge() != null && e.record().createdAt().isBefore(now.minus(policy.maxAge()));
        if (tooOld) {
            return null;
        }
        if (!policy.selects()) {
            return policy.maxAge() == null ? "kept: no retention rule is set" : "kept: younger than the maximum age";
        }
        return selected.contains(e) ? "kept: among the newest, daily, weekly or monthly backups the policy keeps" : null;
    }

    private static String reasonToDelete(BackupCatalog.Entry e, RetentionPolicy policy, Instant now) {
        if (policy.maxAge() != null && e.record().createdAt().isBefore(now.minus(policy.maxAge()))) {
            return "deleted: older than the maximum age";
        }
        return "deleted: not among the backups the policy keeps";
    }

    /** The good backups keep-last and GFS keep. */
    private static Set<BackupCatalog.Entry> selected(List<BackupCatalog.Entry> goodNewestFirst, RetentionPolicy policy,
                                                     Instant now, ZoneId zone) {
        Set<BackupCatalog.Entry> keep = new HashSet<>();
        if (policy.keepLast() != null) {
            keep.addAll(goodNewestFirst.subList(0, Math.min(policy.keepLast(), goodNewestFirst.size())));
        }
        keepNewestPer(goodNewestFirst, policy.daily(), zone, d -> d, keep);
        keepNewestPer(goodNewestFirst, policy.weekly(), zone,
                d -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), keep);
        keepNewestPer(goodNewestFirst, policy.monthly(), zone, d -> d.withDayOfMonth(1), keep);
        return keep;
    }

    /**
     * Keeps the newest backup of each of the newest {@code periods} days, weeks or months that have a backup (as
     * restic and most GFS tools count them); a period is named by the date the function maps a day to.
     */
    private static void keepNewestPer(List<BackupCatalog.Entry> goodNewestFirst, Integer periods, ZoneId zone,
                                      Function<LocalDate, LocalDate> period, Set<BackupCatalog.Entry> keep) {
        if (periods == null || periods == 0) {
            return;
        }
        Map<LocalDate, BackupCatalog.Entry> newestOfPeriod = new HashMap<>();
        for (BackupCatalog.Entry e : goodNewestFirst) {
            BackupRecord r = e.record();
            newestOfPeriod.putIfAbsent(period.apply(LocalDate.ofInstant(r.createdAt(), zone)), e);
        }
        newestOfPeriod.entrySet().stream().sorted(Map.Entry.<LocalDate, BackupCatalog.Entry>comparingByKey().reversed())
                .limit(periods).forEach(p -> keep.add(p.getValue()));
    }
}
