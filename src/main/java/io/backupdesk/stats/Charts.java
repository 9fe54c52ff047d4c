package io.backupdesk.stats;

import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The dashboard's series over the last {@value StatsService#CHART_DAYS} days, bucketed by local day. */
final class Charts {
    private Charts() { }

    /** Per database, for each day: the bytes of its kept backups made up to and including that day. */
    static Map<String, List<DashboardStats.DayValue>> storageOverTime(List<BackupRecord> kept, LocalDate today, ZoneId zone) {
        LocalDate first = today.minusDays(StatsService.CHART_DAYS - 1L);
        Map<String, long[]> addedPerDay = new TreeMap<>();
        Map<String, Long> before = new TreeMap<>();
        for (BackupRecord r : kept) {
            String key = StatsService.key(r);
            long[] days = addedPerDay.computeIfAbsent(key, k -> new long[StatsService.CHART_DAYS]);
            LocalDate day = LocalDate.ofInstant(r.createdAt(), zone);
            if (day.isBefore(first)) {
                before.merge(key, r.sizeBytes(), Long::sum);
            } else if (!day.isAfter(today)) {
                days[(int) (day.toEpochDay() - first.toEpochDay())] += r.sizeBytes();
            }
        }
        Map<String, List<DashboardStats.DayValue>> series = new TreeMap<>();
        addedPerDay.forEach((key, days) -> {
            List<DashboardStats.DayValue> points = new ArrayList<>(StatsService.CHART_DAYS);
            long total = before.getOrDefault(key, 0L);
            for (int i = 0; i < days.length; i++) {
                total += days[i];
                points.add(new DashboardStats.DayValue(first.plusDays(i), total));
            }
            series.put(key, points);
        });
        return series;
    }

    /** For each day, the backup runs that succeeded and those that failed or were interrupted. */
    static List<DashboardStats.DayRuns> daily(List<JobRun> backupRuns, LocalDate today, ZoneId zone) {
        LocalDate first = today.minusDays(StatsService.CHART_DAYS - 1L);
        int[] ok = new int[StatsService.CHART_DAYS];
        int[] failed = new int[StatsService.CHART_DAYS];
        for (JobRun r : backupRuns) {
            if (r.startedAt() == null) {
                continue;
            }
            long index = LocalDate.ofInstant(r.startedAt(), zone).toEpochDay() - first.toEpochDay();
            if (index < 0 || index >= StatsService.CHART_DAYS) {
                continue;
            }
            if (r.status() == JobStatus.OK) {
                ok[(int) index]++;
            } else if (r.status() == JobStatus.FAILED || r.status() == JobStatus.INTERRUPTED) {
                failed[(int) index]++;
            }
        }
        List<DashboardStats.DayRuns> days = new ArrayList<>(StatsService.CHART_DAYS);
        for (int i = 0; i < StatsService.CHART_DAYS; i++) {
            days.add(new DashboardStats.DayRuns(first.plusDays(i), ok[i], failed[i]));
        }
        return days;
    }
}
