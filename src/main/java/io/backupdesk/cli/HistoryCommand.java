package io.backupdesk.cli;

import io.backupdesk.core.JobRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code backupdesk history}: the job history, newest first. */
@Command(name = "history", description = "Show the job history (backups, restores, skipped and interrupted runs), newest first.")
public final class HistoryCommand implements Callable<Integer> {
    private static final String ROW = "%-19s  %-8s  %-11s  %-14s  %-18s  %-20s  %8s  %9s  %s%n";

    @ParentCommand
    BackupDeskCli root;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROFILE", description = "Only this profile's runs.")
    String profile;

    @Option(names = "--limit", paramLabel = "N", description = "At most the newest N runs (default 50; 0 for all).")
    int limit = 50;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Override
    public Integer call() {
        // by start, newest first: a restore ends after the safety backup it started, so the order in which runs
        // were written is not the order in which they began
        List<JobRun> newestFirst = new ArrayList<>(root.engine().history().readAll().stream()
                .filter(r -> profile == null || profile.equals(r.profile())).toList());
        Collections.reverse(newestFirst);
        newestFirst.sort(Comparator.comparing(JobRun::startedAt, Comparator.nullsLast(Comparator.reverseOrder())));
        List<JobRun> runs = limit > 0 && newestFirst.size() > limit ? newestFirst.subList(0, limit) : newestFirst;
        if (json) {
            root.out().println(CliJson.writeList(runs.stream().map(HistoryCommand::json).toList()));
            return 0;
        }
        if (runs.isEmpty()) {
            root.out().println("No runs yet.");
            return 0;
        }
        root.out().printf(ROW, "STARTED", "KIND", "STATUS", "PROFILE", "DATABASE", "ORIGIN", "DURATION", "SIZE", "ERROR");
        for (JobRun r : runs) {
            root.out().printf(ROW, Format.time(r.startedAt()), r.kind(), status(r), r.profile(), r.database(), r.origin(),
                    r.finishedAt() == null ? "-" : Format.duration(Duration.between(r.startedAt(), r.finishedAt())),
                    r.sizeBytes() > 0 ? Format.bytes(r.sizeBytes()) : "-", r.error() == null ? "" : r.error());
        }
        return 0;
    }

    private static String status(JobRun r) {
        return r.status() == null ? "running" : r.status().name().toLowerCase(Locale.ROOT);
    }

    static Map<String, Object> json(JobRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("kind", r.kind());
        m.put("status", status(r));
        m.put("profile", r.profile());
        m.put("database", r.database());
        m.put("origin", r.origin());
        m.put("startedAt", r.startedAt());
        m.put("finishedAt", r.finishedAt());
        m.put("sizeBytes", r.sizeBytes());
        m.put("backupId", r.backupId());
        m.put("errorKind", r.errorKind());
        m.put("error", r.error());
        return m;
    }
}
