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
import java.util.function.Predicate;

/**
 * Each database's health against the RPO: green when its newest verified backup is younger, amber when only an
 * unverified one is, red otherwise. A database with no good backup yet is amber while it is younger than the RPO
 * (first seen in the catalog or the history less than an RPO ago): a new connection whose first run failed has not
 * missed its objective yet, and its failure shows as a failure, not as staleness. Only the databases of connections
 * that exist are judged: a removed connection's backups stay in the catalog, but nobody watches over them.
 */
final class HealthRules {
    private HealthRules() { }

    static List<DatabaseHealth> evaluate(List<BackupCatalog.Entry> catalog, List<JobRun> backupRuns, Duration rpo,
                                         Instant now, Predicate<String> profileExists) {
        Map<String, Newest> byDatabase = new TreeMap<>();
        for (BackupCatalog.Entry e : catalog) {
            BackupRecord r = e.record();
            if (!profileExists.test(r.profile())) {
                continue;
            }
            Newest n = byDatabase.computeIfAbsent(StatsService.key(r), k -> new Newest(r.profile(), r.database()));
            n.firstSeen = earlier(n.firstSeen, r.createdAt());
            if (StatsService.isGood(e.status())) {
                n.backup = later(n.backup, r.createdAt());
            }
            if (e.status() == BackupStatus.VERIFIED) {
                n.verified = later(n.verified, r.createdAt());
            }
        }
        for (JobRun run : backupRuns) {
            if (run.profile() == null || run.database() == null || !profileExists.test(run.profile())) {
                continue;
            }
            Newest n = byDatabase.computeIfAbsent(run.profile() + "/" + run.database(), k -> new Newest(run.profile(), run.database()));
            n.firstSeen = earlier(n.firstSeen, run.startedAt());
            if (run.status() == JobStatus.FAILED || run.status() == JobStatus.INTERRUPTED) {
                n.failure = later(n.failure, run.startedAt());
            }
        }
        Instant limit = now.minus(rpo);
        List<DatabaseHealth> result = new ArrayList<>();
        for (Newest n : byDatabase.values()) {
            Health health = n.verified != null && n.verified.isAfter(limit) ? Health.GREEN
                    : n.backup != null && n.backup.isAfter(limit) ? Health.AMBER
                    : n.backup == null && n.firstSeen != null && n.firstSeen.isAfter(limit) ? Health.AMBER : Health.RED;
            result.add(new DatabaseHealth(n.profile, n.database, n.backup, n.verified, n.failure, health));
        }
        result.sort(Comparator.comparing(DatabaseHealth::health).reversed().thenComparing(DatabaseHealth::key));
        return result;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || (b != null && b.isBefore(a)) ? b : a;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }

    /** The newest moments seen for one database while scanning. */
    private static final class Newest {
        final String profile;
        final String database;
        Instant backup;
        Instant verified;
        Instant failure;
        Instant firstSeen;

        Newest(String profile, String database) {
            this.profile = profile;
            this.database = database;
        }
    }
}
