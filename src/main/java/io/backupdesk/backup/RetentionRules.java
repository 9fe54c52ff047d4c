package io.backupdesk.backup;

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
 * Decides which backups of one database, or which sets of one server connection, a policy lets go. Pure: it reads no file and deletes nothing. Whatever the
 * policy says, it never lets go of a pinned backup, of the newest verified backup, of the newest good one, of a backup that is damaged or whose file is gone (those are for a person to look at), or
 * of anything at all when the latest run of the database failed: a failure streak must never eat the backups.
 * Files without a sidecar are not in the catalog and so are never even considered.
 */
public final class RetentionRules {
    private RetentionRules() { }

    /**
     * What the rules need to know of one thing they keep or let go: a backup, or a whole-server set as one unit.
     *
     * @param status the backup's status now; for a set, the worst of its members' (or {@code FAILED} for a set with none)
     */
    public record Candidate<T>(T item, Instant createdAt, boolean pinned, BackupStatus status) { }

    /** One candidate's fate, with the reason shown in a preview. */
    public record Verdict<T>(T item, boolean delete, String reason) { }

    /**
     * @param backups          the database's backups, in any order
     * @param latestRunFailed  the newest backup run of this database failed or was interrupted
     */
    public static RetentionPlan plan(String profile, String database, List<BackupCatalog.Entry> backups,
                                     RetentionPolicy policy, boolean latestRunFailed, Instant now, ZoneId zone) {
        List<Candidate<BackupCatalog.Entry>> candidates = backups.stream()
                .map(e -> new Candidate<>(e, e.record().createdAt(), e.record().pinned(), e.status())).toList();
        return new RetentionPlan(profile, database, decide(candidates, policy, latestRunFailed, now, zone).stream()
                .map(v -> new RetentionPlan.Decision(v.item(), v.delete(), v.reason())).toList());
    }

    /** The same rules over anything that can be kept or let go as one: the verdicts newest first. */
    public static <T> List<Verdict<T>> decide(List<Candidate<T>> candidates, RetentionPolicy policy,
                                              boolean latestRunFailed, Instant now, ZoneId zone) {
        List<Candidate<T>> newestFirst = new ArrayList<>(candidates);
        newestFirst.sort(Comparator.comparing((Candidate<T> c) -> c.createdAt()).reversed());
        List<Candidate<T>> good = newestFirst.stream().filter(c -> isGood(c.status())).toList();
        Candidate<T> newestVerified = good.stream().filter(c -> c.status() == BackupStatus.VERIFIED).findFirst()
                .orElse(null);
        Candidate<T> newestGood = good.isEmpty() ? null : good.get(0);
        Set<Candidate<T>> selected = selected(good, policy, zone);
        List<Verdict<T>> verdicts = new ArrayList<>();
        for (Candidate<T> c : newestFirst) {
            String keptBecause = never(c, newestVerified, newestGood, latestRunFailed);
            if (keptBecause == null) {
                keptBecause = policyKeeps(c, policy, selected, now);
            }
            verdicts.add(keptBecause == null
                    ? new Verdict<>(c.item(), true, reasonToDelete(c, policy, now))
                    : new Verdict<>(c.item(), false, keptBecause));
        }
        return verdicts;
    }

    private static boolean isGood(BackupStatus status) {
        return status == BackupStatus.OK || status == BackupStatus.VERIFIED;
    }

    /** The rules no policy overrides; the reason a backup is kept, or null. */
    private static <T> String never(Candidate<T> e, Candidate<T> newestVerified, Candidate<T> newestGood,
                                    boolean latestRunFailed) {
        if (latestRunFailed) {
            return "kept: the latest backup run of this database failed, so nothing is deleted until one succeeds";
        }
        if (e.pinned()) {
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

    private static <T> String policyKeeps(Candidate<T> e, RetentionPolicy policy, Set<Candidate<T>> selected,
                                          Instant now) {
        boolean tooOld = policy.maxAge() != null && e.createdAt().isBefore(now.minus(policy.maxAge()));
        if (tooOld) {
            return null;
        }
        if (!policy.selects()) {
            return policy.maxAge() == null ? "kept: no retention rule is set" : "kept: younger than the maximum age";
        }
        return selected.contains(e) ? "kept: among the newest, daily, weekly or monthly backups the policy keeps" : null;
    }

    private static <T> String reasonToDelete(Candidate<T> e, RetentionPolicy policy, Instant now) {
        if (policy.maxAge() != null && e.createdAt().isBefore(now.minus(policy.maxAge()))) {
            return "deleted: older than the maximum age";
        }
        return "deleted: not among the backups the policy keeps";
    }

    /** The good backups keep-last and GFS keep. */
    private static <T> Set<Candidate<T>> selected(List<Candidate<T>> goodNewestFirst, RetentionPolicy policy,
                                                  ZoneId zone) {
        Set<Candidate<T>> keep = new HashSet<>();
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
    private static <T> void keepNewestPer(List<Candidate<T>> goodNewestFirst, Integer periods, ZoneId zone,
                                          Function<LocalDate, LocalDate> period, Set<Candidate<T>> keep) {
        if (periods == null || periods == 0) {
            return;
        }
        Map<LocalDate, Candidate<T>> newestOfPeriod = new HashMap<>();
        for (Candidate<T> e : goodNewestFirst) {
            newestOfPeriod.putIfAbsent(period.apply(LocalDate.ofInstant(e.createdAt(), zone)), e);
        }
        newestOfPeriod.entrySet().stream().sorted(Map.Entry.<LocalDate, Candidate<T>>comparingByKey().reversed())
                .limit(periods).forEach(p -> keep.add(p.getValue()));
    }
}
