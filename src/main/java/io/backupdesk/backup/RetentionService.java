package io.backupdesk.backup;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.RetentionPolicy;
import io.backupdesk.store.JobHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Applies retention to the backups of one database: after each successful scheduled backup, and on demand
 * ({@code backupdesk cleanup}). The decisions are {@link RetentionRules}'; this reads the catalog and the history for
 * them and deletes what they let go. When several schedules back up one database, a backup goes only if every one
 * of their policies lets it go.
 */
public final class RetentionService {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionService.class);

    /** What a cleanup did. */
    public record Cleanup(RetentionPlan plan, List<BackupCatalog.Entry> deleted, List<String> failures) {
        public long freedBytes() {
            return deleted.stream().mapToLong(e -> e.record().sizeBytes()).sum();
        }
    }

    private final BackupCatalog catalog;
    private final JobHistory history;
    private final Clock clock;

    public RetentionService(BackupCatalog catalog, JobHistory history, Clock clock) {
        this.catalog = catalog;
        this.history = history;
        this.clock = clock;
    }

    /** What a cleanup of the database would delete now under these policies, and why each backup goes or stays. */
    public RetentionPlan plan(String profile, String database, List<RetentionPolicy> policies, ZoneId zone) {
        List<BackupCatalog.Entry> backups = catalog.scan().stream()
                .filter(e -> profile.equals(e.record().profile()) && database.equals(e.record().database())).toList();
        return plan(profile, database, backups, policies, zone);
    }

    /** The same, over backups already read from the catalog. */
    public RetentionPlan plan(String profile, String database, List<BackupCatalog.Entry> backups,
                              List<RetentionPolicy> policies, ZoneId zone) {
        boolean latestFailed = latestRunFailed(profile, database);
        List<RetentionPolicy> rules = policies.isEmpty() ? List.of(RetentionPolicy.none()) : policies;
        List<RetentionPlan> plans = rules.stream().map(policy -> RetentionRules.plan(profile, database, backups, policy,
                latestFailed, clock.instant(), zone)).toList();
        return strictest(profile, database, plans);
    }

    /** Deletes what the plan lets go. A backup that cannot be deleted is reported and the others still go. */
    public Cleanup apply(RetentionPlan plan) {
        List<BackupCatalog.Entry> deleted = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (BackupCatalog.Entry entry : plan.toDelete()) {
            try {
                catalog.delete(entry);
                deleted.add(entry);
                LOG.info("Retention deleted backup {} of {}/{}", entry.record().id(), plan.profile(), plan.database());
            } catch (BackupDeskException e) {
                failures.add(e.getMessage());
                LOG.warn("Retention could not delete backup {}: {}", entry.record().id(), e.getMessage());
            }
        }
        return new Cleanup(plan, deleted, failures);
    }

    /** Whether the newest backup run of the database that really ran (not skipped or cancelled) failed. */
    private boolean latestRunFailed(String profile, String database) {
        return history.readAll().stream()
                .filter(r -> JobRun.KIND_BACKUP.equals(r.kind()) && profile.equals(r.profile())
                        && Objects.equals(database, r.database()) && r.status() != null
                        && r.status() != JobStatus.SKIPPED && r.status() != JobStatus.CANCELLED)
                .max(Comparator.comparing(JobRun::startedAt))
                .map(r -> r.status() == JobStatus.FAILED || r.status() == JobStatus.INTERRUPTED)
                .orElse(false);
    }

    /** One plan from several: a backup goes only if every plan lets it go; a kept one says why the first keeper keeps it. */
    private static RetentionPlan strictest(String profile, String database, List<RetentionPlan> plans) {
        if (plans.size() == 1) {
            return plans.get(0);
        }
        List<RetentionPlan.Decision> merged = new ArrayList<>();
        for (RetentionPlan.Decision first : plans.get(0).decisions()) {
            String id = first.entry().record().id();
            RetentionPlan.Decision keeper = plans.stream()
                    .map(p -> p.decisions().stream().filter(d -> d.entry().record().id().equals(id)).findFirst().orElseThrow())
                    .filter(d -> !d.delete()).findFirst().orElse(null);
            merged.add(keeper != null ? keeper : first);
        }
        return new RetentionPlan(profile, database, merged);
    }
}
