package io.backupdesk.jobs;

import io.backupdesk.backup.OriginRetention;
import io.backupdesk.backup.RetentionPlan;
import io.backupdesk.backup.RetentionService;
import io.backupdesk.backup.SetRetention;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.RetentionPolicy;
import io.backupdesk.store.ScheduleStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Cleaning up a database's old backups by its schedules' retention rules, with the never-delete rules (the newest
 * verified, pinned, anything of a database whose last run failed): after each scheduled backup, and on demand from
 * the command line, with a dry run. A server connection's sets are kept or deleted whole by the same rules.
 */
public final class CleanupJob {
    private static final Logger LOG = LoggerFactory.getLogger(CleanupJob.class);

    /**
     * @param policies the retention rules of the profile's schedules; none means nothing is deleted
     * @param cleanup  the plan and what was deleted (nothing in a dry run); for a server connection, of its login
     *                 database's backups of its own, if any
     * @param sets     for a server connection, the plan of its sets and what was deleted; null for one database
     */
    public record Outcome(ConnectionProfile profile, List<RetentionPolicy> policies, RetentionService.Cleanup cleanup,
                          SetRetention.Cleanup sets, boolean dryRun) {
        public RetentionPlan plan() {
            return cleanup.plan();
        }
    }

    private final RetentionService retention;
    private final SetRetention setRetention;
    private final ScheduleStore schedules;

    public CleanupJob(RetentionService retention, SetRetention setRetention, ScheduleStore schedules) {
        this.retention = retention;
        this.setRetention = setRetention;
        this.schedules = schedules;
    }

    /** What the rules let go now, deleted unless this is a dry run. */
    public Outcome cleanUp(ConnectionProfile profile, boolean dryRun) {
        List<OriginRetention> rules = OriginRetention.ofSchedules(profile.name(), schedules.list());
        List<RetentionPolicy> policies = rules.stream().map(OriginRetention::policy).toList();
        RetentionPlan plan = retention.plan(profile.name(), profile.database(), rules);
        RetentionService.Cleanup cleanup = dryRun || policies.isEmpty()
                ? new RetentionService.Cleanup(plan, List.of(), List.of()) : retention.apply(plan);
        if (!cleanup.deleted().isEmpty()) {
            LOG.info("Cleanup of {}/{}: deleted {} backup(s), {} bytes", profile.name(), profile.database(),
                    cleanup.deleted().size(), cleanup.freedBytes());
        }
        SetRetention.Cleanup setCleanup = null;
        if (profile.wholeServer()) {
            SetRetention.Plan setPlan = setRetention.plan(profile.name(), rules);
            setCleanup = dryRun || policies.isEmpty() ? new SetRetention.Cleanup(setPlan, List.of(), List.of())
                    : setRetention.apply(setPlan);
            if (!setCleanup.deleted().isEmpty()) {
                LOG.info("Cleanup of the sets of {}: deleted {} set(s), {} bytes", profile.name(),
                        setCleanup.deleted().size(), setCleanup.freedBytes());
            }
        }
        return new Outcome(profile, policies, cleanup, setCleanup, dryRun);
    }

    /**
     * The cleanup after a good scheduled backup of the profile's database, or a set of a server connection.
     *
     * @return what could not be deleted, one message each
     */
    public List<String> afterBackup(ConnectionProfile profile) {
        Outcome outcome = cleanUp(profile, false);
        return outcome.sets() == null ? outcome.cleanup().failures() : outcome.sets().failures();
    }
}
