package io.backupdesk.ui.dashboard;

import io.backupdesk.stats.DashboardStats;
import io.backupdesk.ui.Messages;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Shapes the statistics into chart series and scales each chart to its data: sizes in one unit chosen from the
 * largest, durations in the unit that gives plain numbers, value axes from zero with room above the largest value,
 * counts in whole steps.
 */
final class DashboardCharts {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");
    /** Binary steps named as {@link io.backupdesk.core.ByteSizes} names them everywhere else. */
    private static final String[] SIZE_UNITS = {"KB", "MB", "GB", "TB"};
    private static final long STEP = 1024;

    private final DashboardStats stats;
    private final long unitBytes;
    private final String unit;
    private final DurationUnit durationUnit;

    DashboardCharts(DashboardStats stats) {
        this.stats = stats;
        long max = stats.storageOverTime().values().stream().flatMap(List::stream)
                .mapToLong(DashboardStats.DayValue::value).max().orElse(0);
        max = Math.max(max, stats.storageByDatabase().values().stream().mapToLong(Long::longValue).max().orElse(0));
        // the largest unit the largest value fills at least once: 40 GB rather than 40960 MB or 0.04 TB
        int index = 0;
        long bytes = STEP;
        while (index < SIZE_UNITS.length - 1 && max >= bytes * STEP) {
            bytes *= STEP;
            index++;
        }
        this.unitBytes = bytes;
        this.unit = SIZE_UNITS[index];
        this.durationUnit = DurationUnit.forLongest(dailyAverages().values().stream()
                .flatMap(days -> days.values().stream()).map(sum -> Duration.ofMillis((long) (sum[0] / sum[1])))
                .max(Duration::compareTo).orElse(Duration.ZERO));
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

    /** Per database, the average duration of its successful runs on each day it ran, in the duration unit. */
    List<ChartSeries> durations() {
        List<ChartSeries> series = new ArrayList<>();
        dailyAverages().forEach((db, days) -> series.add(new ChartSeries(db, days.entrySet().stream()
                .map(e -> ChartSeries.Point.onDay(e.getKey(),
                        durationUnit.of(Duration.ofMillis((long) (e.getValue()[0] / e.getValue()[1]))))).toList())));
        return series;
    }

    /** Per database and day: the milliseconds of its runs summed, and how many runs. */
    private Map<String, Map<LocalDate, double[]>> dailyAverages() {
        Map<String, Map<LocalDate, double[]>> sums = new TreeMap<>();
        for (DashboardStats.DurationPoint p : stats.durations()) {
            double[] sum = sums.computeIfAbsent(p.database(), k -> new TreeMap<>())
                    .computeIfAbsent(LocalDate.ofInstant(p.at(), ZoneId.systemDefault()), k -> new double[2]);
            sum[0] += p.duration().toMillis();
            sum[1]++;
        }
        return sums;
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

    /** The titles, each with its unit, and the axes of the four charts. */
    ChartFrames frames() {
        List<ChartSeries> storage = storage();
        List<ChartSeries> durations = durations();
        // the runs of a day are stacked: the bar is as high as both together
        double busiestDay = stats.daily().stream().mapToInt(d -> d.succeeded() + d.failed()).max().orElse(0);
        return new ChartFrames(Messages.get("dashboard.chart.storage", unit), days(storage), values(storage, false),
                Messages.get("dashboard.chart.durations", durationUnit.word()), days(durations), values(durations, false),
                ChartAxis.fromZero(busiestDay, true),
                Messages.get("dashboard.chart.byDatabase.title", unit), values(storageByDatabase(), false));
    }

    private static ChartAxis values(List<ChartSeries> series, boolean wholeNumbers) {
        return ChartAxis.fromZero(series.stream().flatMap(s -> s.points().stream()).mapToDouble(ChartSeries.Point::value)
                .max().orElse(0), wholeNumbers);
    }

    /** The days the series cover; the last 30 days when they cover none. */
    private static ChartAxis days(List<ChartSeries> series) {
        double today = LocalDate.now(ZoneId.systemDefault()).toEpochDay();
        return ChartAxis.days(series.stream().flatMap(s -> s.points().stream()).mapToDouble(ChartSeries.Point::x).min()
                        .orElse(today - 29),
                series.stream().flatMap(s -> s.points().stream()).mapToDouble(ChartSeries.Point::x).max().orElse(today));
    }
}
