package io.backupdesk.stats;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each watched database's health. Red when its newest backup run failed (a failure is said as a failure, at once) or
 * when it is past its RPO: no good backup within the RPO, and its RPO clock (started when its connection was added or
 * first asked to back it up) has run out, so a new database is not stale at once. Green when a verified backup is
 * within the RPO; amber when only an unverified one is, or while a new database waits for its first good backup.
 * Only the watched databases are judged: a removed connection's backups stay in the catalog, but nobody watches over
 * them. Runs before a database's clock started are a namesake's that was removed, and say nothing of it.
 */
final class HealthRules {
    private HealthRules() { }

    static List<DatabaseHealth> evaluate(List<BackupCatalog.Entry> catalog, List<JobRun> runs, Duration rpo,
                                         Instant now, HealthScope scope) {
        Map<String, Seen> seen = new TreeMap<>();
        for (BackupCatalog.Entry e : catalog) {
            BackupRecord r = e.record();
            Seen s = seen.computeIfAbsent(StatsService.key(r), k -> new Seen(r.profile(), r.database()));
            s.firstSeen = earlier(s.firstSeen, r.createdAt());
            if (StatsService.isGood(e.status())) {
                s.backup = later(s.backup, r.createdAt());
            }
            if (e.status() == BackupStatus.VERIFIED) {
                s.verified = later(s.verified, r.createdAt());
            }
        }
        for (JobRun run : runs) {
            String key = keyOf(run);
            if (key == null || run.startedAt() == null) {
                continue;
            }
            Seen s = seen.computeIfAbsent(key, k -> new Seen(run.profile(), run.database()));
            s.firstSeen = earlier(s.firstSeen, run.startedAt());
            if (ran(run)) {
                s.runs.add(run);
            }
        }
        List<HealthScope.Watched> watched = scope.watched() != null ? scope.watched()
                : seen.values().stream().filter(s -> s.database != null)
                        .map(s -> new HealthScope.Watched(s.profile, s.database, null)).toList();
        List<DatabaseHealth> result = new ArrayList<>();
        for (HealthScope.Watched w : watched) {
            DatabaseHealth h = judge(w, seen.getOrDefault(w.key(), new Seen(w.profile(), w.database())), rpo, now);
            Instant acknowledged = h.condition() == null ? null : scope.acknowledged().get(h.condition());
            result.add(acknowledged == null ? h : h.acknowledgedAt(acknowledged));
        }
        result.sort(Comparator.comparing(DatabaseHealth::health).reversed().thenComparing(DatabaseHealth::key));
        return result;
    }

    private static DatabaseHealth judge(HealthScope.Watched w, Seen s, Duration rpo, Instant now) {
        // a time from a file in the future would keep the clock from ever running out
        Instant since = w.since() != null ? earlier(w.since(), now) : s.firstSeen != null ? s.firstSeen : now;
        JobRun newest = null;
        JobRun failure = null;
        for (JobRun run : s.runs) {
            if (run.startedAt().isBefore(since)) {
                continue;
            }
            if (newest == null || run.startedAt().isAfter(newest.startedAt())) {
                newest = run;
            }
            if (failed(run) && (failure == null || run.startedAt().isAfter(failure.startedAt()))) {
                failure = run;
            }
        }
        boolean failing = newest != null && failed(newest) && (s.backup == null || !s.backup.isAfter(newest.startedAt()));
        Instant limit = now.minus(rpo);
        boolean within = s.backup != null && s.backup.isAfter(limit);
        boolean stale = !within && !since.isAfter(limit);
        Health health = failing || stale ? Health.RED
                : s.verified != null && s.verified.isAfter(limit) ? Health.GREEN : Health.AMBER;
        return new DatabaseHealth(w.profile(), w.database(), s.backup, s.verified,
                failure == null ? null : failure.startedAt(), health, since, failing, stale,
                failing ? firstLine(newest.error()) : null, null);
    }

    /** A database's backup runs go by "profile/database"; a server's set runs, by the profile alone. */
    private static String keyOf(JobRun run) {
        if (run.profile() == null) {
            return null;
        }
        if (JobRun.KIND_BACKUP.equals(run.kind()) && run.database() != null) {
            return run.profile() + "/" + run.database();
        }
        return JobRun.KIND_SET.equals(run.kind()) ? run.profile() : null;
    }

    /** A run that ran to an end: skipped and cancelled runs say nothing of the database, a running one not yet. */
    private static boolean ran(JobRun run) {
        return run.status() == JobStatus.OK || failed(run);
    }

    private static boolean failed(JobRun run) {
        return run.status() == JobStatus.FAILED || run.status() == JobStatus.INTERRUPTED;
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "no reason was recorded";
        }
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 299) + "…" : line;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || (b != null && b.isBefore(a)) ? b : a;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }

    /** What the catalog and the history hold of one database (or one server connection's set runs). */
    private static final class Seen {
        final String profile;
        final String database;
        final List<JobRun> runs = new ArrayList<>();
        Instant backup;
        Instant verified;
        Instant firstSeen;

        Seen(String profile, String database) {
            this.profile = profile;
            this.database = database;
        }
    }
}
