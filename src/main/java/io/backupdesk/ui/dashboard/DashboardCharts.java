package io.backupdesk.ui.dashboard;

import io.backupdesk.stats.DashboardStats;
import io.backupdesk.ui.Messages;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Shapes the statistics into chart series: days as labels, sizes in one unit, durations in minutes per day. */
final class DashboardCharts {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");
    private static final long KB = 1024;
    private static final long MB = KB * 1024;
    private static final long GB = MB * 1024;

    private final DashboardStats stats;
    private final long unitBytes;
    private final String unit;

    DashboardCharts(DashboardStats stats) {
        this.stats = stats;
        long max = stats.storageOverTime().values().stream().flatMap(List::stream)
                .mapToLong(DashboardStats.DayValue::value).max().orElse(0);
        this.unitBytes = max >= GB ? GB : max >= MB ? MB : KB;
        this.unit = max >= GB ? "GB" : max >= MB ? "MB" : "KB";
    }

    String storageUnit() {
        return unit;
    }

    /** Per database, the bytes of its kept backups on each day, in the storage unit. */
    List<ChartSeries> storage() {
        List<ChartSeries> series = new ArrayList<>();
        stats.storageOverTime().forEach((db, days) -> series.add(new ChartSeries(db, days.stream()
                .map(d -> ChartSeries.Point.onDay(d.day(), (double) d.value() / unitBytes)).toList())));
        return series;
    }

    /** Per database, the average duration in minutes on each day it was backed up. */
    List<ChartSeries> durations() {
        Map<String, Map<LocalDate, double[]>> sums = new TreeMap<>();
        for (DashboardStats.DurationPoint p : stats.durations()) {
            double[] sum = sums.computeIfAbsent(p.database(), k -> new TreeMap<>())
                    .computeIfAbsent(LocalDate.ofInstant(p.at(), ZoneId.systemDefault()), k -> new double[2]);
            sum[0] += p.duration().toMillis() / 60_000.0;
            sum[1]++;
        }
        List<ChartSeries> series = new ArrayList<>();
        sums.forEach((db, days) -> series.add(new ChartSeries(db, days.entrySet().stream()
                .map(e -> ChartSeries.Point.onDay(e.getKey(), e.getValue()[0] / e.getValue()[1])).toList())));
        return series;
    }

    /** Two series over the last 30 days: runs that succeeded and runs that failed. */
    List<ChartSeries> daily() {
        return List.of(
                new ChartSeries(Messages.get("dashboard.chart.daily.ok"), stats.daily().stream()
                        .map(d -> ChartSeries.Point.labelled(DAY.format(d.day()), d.succeeded())).toList()),
                new ChartSeries(Messages.get("dashboard.chart.daily.failed"), stats.daily().stream()
                        .map(d -> ChartSeries.Point.labelled(DAY.format(d.day()), d.failed())).toList()));
    }

    /** One series with a bar per database, largest first, in the storage unit. */
    List<ChartSeries> storageByDatabase() {
        if (stats.storageByDatabase().isEmpty()) {
            return List.of();
        }
        return List.of(new ChartSeries(Messages.get("dashboard.chart.byDatabase"), stats.storageByDatabase().entrySet()
                .stream().map(e -> ChartSeries.Point.labelled(e.getKey(), (double) e.getValue() / unitBytes)).toList()));
    }
}
