package io.backupdesk.backup;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.store.JobHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies retention to the backups of one database: after each successful scheduled backup, and on demand
 * ({@code backupdesk cleanup}). The decisions are {@link RetentionRules}'; this reads the catalog and the history for
 * them and deletes what they let go. Each schedule's rules prune only the backups that schedule made.
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

    /**
     * What a cleanup of the database would delete now, and why each backup goes or stays.
     *
     * @param rules the rules of the profile's schedules ({@link OriginRetention#ofSchedules}); each prunes only the
     *              backups of its origin
     */
    public RetentionPlan plan(String profile, String database, List<OriginRetention> rules) {
        List<BackupCatalog.Entry> backups = catalog.scan().stream()
                .filter(e -> profile.equals(e.record().profile()) && database.equals(e.record().database())).toList();
        return plan(profile, database, backups, rules);
    }

    /**
     * The same, over backups already read from the catalog. An origin's rules apply to the backups whose origin it
     * is, with the never-rules counted among them; backups made by hand, imported, or made by a schedule without rules
     * are kept. So an hourly keep-last 24 never eats the nightly schedule's backups.
     */
    public RetentionPlan plan(String profile, String database, List<BackupCatalog.Entry> backups,
                              List<OriginRetention> rules) {
        boolean latestFailed = latestRunFailed(profile, database);
        Map<String, RetentionPlan.Decision> decided = new HashMap<>();
        for (OriginRetention rule : rules) {
            if (rule.policy().isNone()) {
                continue;
            }
            // a set's members go with their set, never one by one (decision 0037)
            List<BackupCatalog.Entry> own = backups.stream()
                    .filter(e -> e.record().set() == null && rule.origin().equals(e.record().origin())).toList();
            RetentionRules.plan(profile, database, own, rule.policy(), latestFailed, clock.instant(),
                    rule.zone()).decisions().forEach(d -> decided.put(d.entry().record().id(), d));
        }
        List<BackupCatalog.Entry> newestFirst = new ArrayList<>(backups);
        newestFirst.sort(Comparator.comparing((BackupCatalog.Entry e) -> e.record().createdAt()).reversed());
        List<RetentionPlan.Decision> decisions = newestFirst.stream().map(e -> decided.getOrDefault(e.record().id(),
                new RetentionPlan.Decision(e, false, e.record().set() == null ? UNOWNED
                        : "kept: one database of the set " + e.record().set() + ", kept or deleted with its set"))).toList();
        return new RetentionPlan(profile, database, decisions);
    }

    private static final String UNOWNED = "kept: made by hand, imported, or by a schedule without retention rules";

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
    public boolean latestRunFailed(String profile, String database) {
        return history.readAll().stream()
                .filter(r -> JobRun.KIND_BACKUP.equals(r.kind()) && profile.equals(r.profile())
                        && Objects.equals(database, r.database()) && r.status() != null
                        && r.status() != JobStatus.SKIPPED && r.status() != JobStatus.CANCELLED)
                .max(Comparator.comparing(JobRun::startedAt))
                .map(r -> r.status() == JobStatus.FAILED || r.status() == JobStatus.INTERRUPTED)
                .orElse(false);
    }
}
