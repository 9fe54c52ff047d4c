package io.backupdesk.cli;

import io.backupdesk.stats.DashboardStats;
import io.backupdesk.stats.DatabaseHealth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code backupdesk stats}: the dashboard's cards and each database's health, from the same numbers. */
@Command(name = "stats", description = "Show the dashboard's numbers: backups, sizes, success rates, and each database's"
        + " health against the RPO.",
        footer = {"", "Health: red when the newest backup run failed, or when there is no good backup within the RPO",
                "(setting, default 26 h) and the RPO has passed since the database was first due; green when a",
                "verified backup is within the RPO; amber otherwise (not verified, or new). Only the databases of",
                "the connections that exist are judged. --acknowledge silences what is wrong with a database (the",
                "tray's colour, the notices and the alerts) until something new happens. Exit code 0 whatever the",
                "health."})
public final class StatsCommand implements Callable<Integer> {
    private static final String ROW = "%-6s  %-32s  %-19s  %-19s  %s%n";

    @ParentCommand
    BackupDeskCli root;

    @Option(names = "--json", description = "Print the numbers as JSON.")
    boolean json;

    @Option(names = "--acknowledge", paramLabel = "DATABASE", description = "Acknowledge what is wrong with this"
            + " database (profile/database, as the health lists it) until something new happens; repeatable.")
    List<String> acknowledge = new ArrayList<>();

    @Override
    public Integer call() {
        for (String key : acknowledge) {
            DatabaseHealth h = root.engine().jobs().health().acknowledge(key);
            if (!json) {
                root.out().println("Acknowledged " + h.key() + ": " + note(h));
            }
        }
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
        out.printf("Average duration   %s%n", s.averageDuration() == null ? "-" : Format.duration(s.averageDuration()));
        out.printf("Compression        %s%n", s.compressionRatio() == null ? "-"
                : String.format(Locale.ROOT, "%.1f x (database size to backup size)", s.compressionRatio()));
        out.printf("Free space         %s on the backup volume%n", s.freeBytes() < 0 ? "unknown" : Format.bytes(s.freeBytes()));
        if (s.health().isEmpty()) {
            return 0;
        }
        out.println();
        out.printf(ROW, "HEALTH", "DATABASE", "LAST BACKUP", "LAST VERIFIED", "WHY");
        for (DatabaseHealth h : s.health()) {
            out.printf(ROW, h.health().name().toLowerCase(Locale.ROOT), h.key(), Format.time(h.lastBackup()),
                    Format.time(h.lastVerified()), note(h));
        }
        return 0;
    }

    /** What the colour means for this database, and whether it was acknowledged. */
    private static String note(DatabaseHealth h) {
        String note = h.failing() ? "last backup failed " + Format.time(h.lastFailure()) + ": " + h.error()
                + (h.stale() ? " (and past its RPO)" : "")
                : h.stale() ? "past its RPO" + (h.lastBackup() == null ? ", no good backup yet" : "")
                : switch (h.health()) {
                    case GREEN -> "verified within the RPO";
                    case AMBER -> h.lastBackup() == null ? "new, no good backup yet" : "not verified yet";
                    case RED -> "past its RPO";
                };
        return h.acknowledged() ? note + " [acknowledged " + Format.time(h.acknowledgedAt()) + "]" : note;
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
            d.put("failing", h.failing());
            d.put("stale", h.stale());
            d.put("error", h.error());
            d.put("since", h.since());
            d.put("acknowledgedAt", h.acknowledgedAt());
            return d;
        }).toList());
        return m;
    }
}
