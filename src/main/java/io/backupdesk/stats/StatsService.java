package io.backupdesk.stats;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The dashboard's numbers from the catalog (what backups exist) and the job history (what ran and how it ended).
 * Pure: it reads nothing itself, so the desktop, the CLI and the tests give it what they have. Linear in the size of
 * catalog and history; thread-safe.
 */
public final class StatsService {
    static final int CHART_DAYS = 30;
    private static final int RECENT_RUNS = 15;

    private final Clock clock;

    public StatsService(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param rpo       the recovery-point objective a database's newest backup is held against
     * @param freeBytes free space on the backup volume, or -1 when unknown
     */
    public DashboardStats compute(List<BackupCatalog.Entry> catalog, List<JobRun> history, Duration rpo, long freeBytes) {
        return compute(catalog, history, rpo, freeBytes, HealthScope.everything());
    }

    /**
     * As {@link #compute(List, List, Duration, long)}, judging the health of the watched databases only, with the
     * acknowledged conditions: the totals count every backup of the catalog, a removed connection's too.
     */
    public DashboardStats compute(List<BackupCatalog.Entry> catalog, List<JobRun> history, Duration rpo, long freeBytes,
                                  HealthScope scope) {
        Instant now = clock.instant();
        ZoneId zone = clock.getZone();
        List<BackupRecord> kept = catalog.stream().filter(e -> e.status() != BackupStatus.MISSING)
                .map(BackupCatalog.Entry::record).toList();
        List<BackupRecord> good = catalog.stream().filter(e -> isGood(e.status())).map(BackupCatalog.Entry::record).toList();
        List<JobRun> backupRuns = history.stream().filter(r -> JobRun.KIND_BACKUP.equals(r.kind())).toList();
        Instant monthAgo = now.minus(Duration.ofDays(CHART_DAYS));
        List<BackupRecord> lastMonth = good.stream().filter(r -> r.createdAt().isAfter(monthAgo)).toList();
        return new DashboardStats(now, catalog.size(), kept.stream().mapToLong(BackupRecord::sizeBytes).sum(),
                good.stream().map(BackupRecord::createdAt).max(Comparator.naturalOrder()).orElse(null),
                successRate(backupRuns, now.minus(Duration.ofDays(7))), successRate(backupRuns, monthAgo),
                lastMonth.isEmpty() ? null : Duration.ofMillis((long) lastMonth.stream()
                        .mapToLong(BackupRecord::durationMillis).average().orElse(0)),
                compressionRatio(kept), freeBytes,
                HealthRules.evaluate(catalog, history, rpo, now, scope),
                Charts.storageOverTime(kept, LocalDate.ofInstant(now, zone), zone),
                lastMonth.stream().sorted(Comparator.comparing(BackupRecord::createdAt))
                        .map(r -> new DashboardStats.DurationPoint(r.createdAt(), key(r), Duration.ofMillis(r.durationMillis())))
                        .toList(),
                Charts.daily(backupRuns, LocalDate.ofInstant(now, zone), zone),
                storageByDatabase(kept), recent(history));
    }

    /** The health alone, as {@link #compute} judges it, for whoever needs no other number. */
    public List<DatabaseHealth> health(List<BackupCatalog.Entry> catalog, List<JobRun> history, Duration rpo,
                                       HealthScope scope) {
        return HealthRules.evaluate(catalog, history, rpo, clock.instant(), scope);
    }

    static boolean isGood(BackupStatus status) {
        return status == BackupStatus.OK || status == BackupStatus.VERIFIED;
    }

    static String key(BackupRecord r) {
        return r.profile() + "/" + r.database();
    }

    /** Runs that ran to an end, OK or not; a cancel is the user's choice and a skip the scheduler's. */
    private static Double successRate(List<JobRun> runs, Instant since) {
        long ok = 0;
        long ended = 0;
        for (JobRun r : runs) {
            if (r.startedAt() == null || r.startedAt().isBefore(since)) {
                continue;
            }
            if (r.status() == JobStatus.OK) {
                ok++;
                ended++;
            } else if (r.status() == JobStatus.FAILED || r.status() == JobStatus.INTERRUPTED) {
                ended++;
            }
        }
        return ended == 0 ? null : (double) ok / ended;
    }

    private static Double compressionRatio(List<BackupRecord> kept) {
        long database = 0;
        long archive = 0;
        for (BackupRecord r : kept) {
            if (r.databaseSizeBytes() > 0 && r.sizeBytes() > 0) {
                database += r.databaseSizeBytes();
                archive += r.sizeBytes();
            }
        }
        return archive == 0 ? null : (double) database / archive;
    }

    private static Map<String, Long> storageByDatabase(List<BackupRecord> kept) {
        Map<String, Long> bytes = kept.stream().collect(Collectors.groupingBy(StatsService::key, TreeMap::new,
                Collectors.summingLong(BackupRecord::sizeBytes)));
        Map<String, Long> largestFirst = new LinkedHashMap<>();
        bytes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> largestFirst.put(e.getKey(), e.getValue()));
        return largestFirst;
    }

    private static List<JobRun> recent(List<JobRun> history) {
        List<JobRun> newestFirst = new ArrayList<>(history);
        newestFirst.sort(Comparator.comparing((Function<JobRun, Instant>) r -> r.finishedAt() != null ? r.finishedAt()
                : r.startedAt(), Comparator.nullsFirst(Comparator.naturalOrder())).reversed());
        return List.copyOf(newestFirst.subList(0, Math.min(RECENT_RUNS, newestFirst.size())));
    }
}
