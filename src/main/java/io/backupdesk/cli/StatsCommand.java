package io.backupdesk.cli;

import io.backupdesk.stats.DashboardStats;
import io.backupdesk.stats.DatabaseHealth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code backupdesk stats}: the dashboard's cards and each database's health, from the same numbers. */
@Command(name = "stats", description = "Show the dashboard's numbers: backups, sizes, success rates, and each database's"
        + " health against the RPO.",
        footer = {"", "Health: green when the newest verified backup is younger than the RPO (setting, default 26 h),",
                "amber when only an unverified one is, red otherwise. Exit code 0 whatever the health."})
public final class StatsCommand implements Callable<Integer> {
    private static final String ROW = "%-6s  %-32s  %-19s  %-19s  %s%n";

    @ParentCommand
    BackupDeskCli root;

    @Option(names = "--json", description = "Print the numbers as JSON.")
    boolean json;

    @Override
    public Integer call() {
        DashboardStats s = root.engine().stats();
        if (json) {
            root.out().println(CliJson.write(json(s)));
            return 0;
        }
        PrintWriter out = root.out();
        out.printf("Backups            %s (%s)%n", Format.count(s.backups()), Format.bytes(s.totalBytes()));
        out.printf("Last successful    %s%n", s.lastSuccess() == null ? "none yet"
                : Format.duration(Duration.between(s.lastSuccess(), s.computedAt())) + " ago (" + Format.time(s.lastSuccess()) + ")");
        out.printf("Success rate       7 days %s, 30 days %s%n", percent(s.successRate7d()), percent(s.successRate30d()));
        // the runs the average is over: retention may have deleted their backups, failed runs do not count
        out.printf("Average duration   %s%n", s.averageDuration() == null ? "-" : Format.duration(s.averageDuration())
                + " (" + Format.count(s.durations().size()) + " successful run" + (s.durations().size() == 1 ? "" : "s")
                + " in 30 days)");
        out.printf("Compression        %s%n", s.compressionRatio() == null ? "-"
                : String.format(Locale.ROOT, "%.1f x (database size to backup size)", s.compressionRatio()));
        out.printf("Free space         %s on the backup volume%n", s.freeBytes() < 0 ? "unknown" : Format.bytes(s.freeBytes()));
        if (s.health().isEmpty()) {
            return 0;
        }
        out.println();
        out.printf(ROW, "HEALTH", "DATABASE", "LAST BACKUP", "LAST VERIFIED", "LAST FAILURE");
        for (DatabaseHealth h : s.health()) {
            out.printf(ROW, h.health().name().toLowerCase(Locale.ROOT), h.key(), Format.time(h.lastBackup()),
                    Format.time(h.lastVerified()), Format.time(h.lastFailure()));
        }
        return 0;
    }

    private static String percent(Double rate) {
        return rate == null ? "-" : String.format(Locale.ROOT, "%.0f%%", rate * 100);
    }

    private static Map<String, Object> json(DashboardStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("computedAt", s.computedAt());
        m.put("backups", s.backups());
        m.put("totalBytes", s.totalBytes());
        m.put("lastSuccess", s.lastSuccess());
        m.put("successRate7d", s.successRate7d());
        m.put("successRate30d", s.successRate30d());
        m.put("averageDurationMillis", s.averageDuration() == null ? null : s.averageDuration().toMillis());
        m.put("averageDurationRuns", s.durations().size());
        m.put("compressionRatio", s.compressionRatio());
        m.put("freeBytes", s.freeBytes() < 0 ? null : s.freeBytes());
        m.put("health", s.health().stream().map(h -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("profile", h.profile());
            d.put("database", h.database());
            d.put("health", h.health().name().toLowerCase(Locale.ROOT));
            d.put("lastBackup", h.lastBackup());
            d.put("lastVerified", h.lastVerified());
            d.put("lastFailure", h.lastFailure());
            return d;
        }).toList());
        return m;
    }
}
