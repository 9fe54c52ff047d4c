package io.backupdesk.backup;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupStatus;
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
import java.util.Optional;

/**
 * Retention of a server connection's sets, each kept or deleted whole: {@link RetentionRules}' rules with a set as one
 * unit (each schedule's rules over the sets it made, pinned sets kept, the newest good and verified kept, nothing
 * deleted after a set run that wrote nothing), and one rule of a set's own: the set that holds the newest good backup
 * of any of its databases is kept, so a run of partial sets never takes the last backup of the database they lack.
 */
public final class SetRetention {
    private static final Logger LOG = LoggerFactory.getLogger(SetRetention.class);
    private static final String UNOWNED = "kept: made by hand, or by a schedule without retention rules";

    /** One set's fate. */
    public record Decision(BackupSets.SetEntry set, boolean delete, String reason) { }

    /** What a cleanup of a connection's sets would do, newest first. */
    public record Plan(String profile, List<Decision> decisions) {
        public List<BackupSets.SetEntry> toDelete() {
            return decisions.stream().filter(Decision::delete).map(Decision::set).toList();
        }
    }

    /** What a cleanup did. */
    public record Cleanup(Plan plan, List<BackupSets.SetEntry> deleted, List<String> failures) {
        public long freedBytes() {
            return deleted.stream().mapToLong(BackupSets.SetEntry::sizeBytes).sum();
        }
    }

    private final BackupSets sets;
    private final JobHistory history;
    private final Clock clock;

    public SetRetention(BackupSets sets, JobHistory history, Clock clock) {
        this.sets = sets;
        this.history = history;
        this.clock = clock;
    }

    /** @param rules the rules of the connection's schedules ({@link OriginRetention#ofSchedules}) */
    public Plan plan(String profile, List<OriginRetention> rules) {
        List<BackupSets.SetEntry> own = sets.read().sets().stream().filter(s -> profile.equals(s.set().profile())).toList();
        boolean latestFailed = latestSetFailed(profile);
        Map<String, Decision> decided = new HashMap<>();
        for (OriginRetention rule : rules) {
            if (rule.policy().isNone()) {
                continue;
            }
            List<RetentionRules.Candidate<BackupSets.SetEntry>> candidates = own.stream()
                    .filter(s -> rule.origin().equals(s.set().origin())).map(SetRetention::candidate).toList();
            RetentionRules.decide(candidates, rule.policy(), latestFailed, clock.instant(), rule.zone())
                    .forEach(v -> decided.put(v.item().set().id(), new Decision(v.item(), v.delete(), v.reason())));
        }
        Map<String, String> newestGoodOf = newestGoodPerDatabase(own);
        List<Decision> decisions = new ArrayList<>();
        for (BackupSets.SetEntry set : own) {
            Decision d = decided.getOrDefault(set.set().id(), new Decision(set, false, UNOWNED));
            Optional<String> lastOf = newestGoodOf.entrySet().stream()
                    .filter(e -> e.getValue().equals(set.set().id())).map(Map.Entry::getKey).sorted().findFirst();
            decisions.add(d.delete() && lastOf.isPresent()
                    ? new Decision(set, false, "kept: it holds the newest good backup of " + lastOf.get()) : d);
        }
        decisions.sort(Comparator.comparing((Decision d) -> d.set().set().createdAt()).reversed());
        return new Plan(profile, List.copyOf(decisions));
    }

    /** Deletes what the plan lets go, each set whole; one that cannot go is reported and the others still go. */
    public Cleanup apply(Plan plan) {
        List<BackupSets.SetEntry> deleted = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (BackupSets.SetEntry set : plan.toDelete()) {
            try {
                sets.delete(set);
                deleted.add(set);
                LOG.info("Retention deleted set {} of {}", set.set().id(), plan.profile());
            } catch (BackupDeskException e) {
                failures.add(e.getMessage());
                LOG.warn("Retention could not delete set {}: {}", set.set().id(), e.getMessage());
            }
        }
        return new Cleanup(plan, deleted, failures);
    }

    /**
     * A set as the rules see it: good when everything it wrote is good (verified when every member is), else the
     * worst status of a member; a set that wrote no database is failed, kept for a person to look at.
     */
    private static RetentionRules.Candidate<BackupSets.SetEntry> candidate(BackupSets.SetEntry set) {
        BackupStatus status;
        if (set.members().isEmpty()) {
            status = BackupStatus.FAILED;
        } else {
            status = set.members().stream().map(BackupCatalog.Entry::status).filter(s -> !isGood(s)).findFirst()
                    .orElse(set.members().stream().allMatch(m -> m.status() == BackupStatus.VERIFIED)
                            ? BackupStatus.VERIFIED : BackupStatus.OK);
        }
        return new RetentionRules.Candidate<>(set, set.set().createdAt(), set.set().pinned(), status);
    }

    /** The id of the newest set with a good backup of each database. */
    private static Map<String, String> newestGoodPerDatabase(List<BackupSets.SetEntry> sets) {
        Map<String, String> newest = new HashMap<>();
        sets.stream().sorted(Comparator.comparing((BackupSets.SetEntry s) -> s.set().createdAt()).reversed())
                .forEach(s -> s.members().stream().filter(m -> isGood(m.status()))
                        .forEach(m -> newest.putIfAbsent(m.record().database(), s.set().id())));
        return newest;
    }

    private static boolean isGood(BackupStatus status) {
        return status == BackupStatus.OK || status == BackupStatus.VERIFIED;
    }

    /**
     * Whether the newest set run of the connection that really ran wrote nothing (failed before its manifest, or
     * interrupted): then nothing is deleted until one succeeds. A partial set wrote something, and the rule of the
     * newest good backup per database keeps what it lacks.
     */
    private boolean latestSetFailed(String profile) {
        return history.readAll().stream()
                .filter(r -> JobRun.KIND_SET.equals(r.kind()) && profile.equals(r.profile()) && r.status() != null
                        && r.status() != JobStatus.SKIPPED && r.status() != JobStatus.CANCELLED)
                .max(Comparator.comparing(JobRun::startedAt))
                .map(r -> (r.status() == JobStatus.FAILED || r.status() == JobStatus.INTERRUPTED) && r.backupId() == null)
                .orElse(false);
    }
}
