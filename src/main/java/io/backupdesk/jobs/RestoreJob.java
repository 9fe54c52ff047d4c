package io.backupdesk.jobs;

import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Progress;
import io.backupdesk.core.RestoreRecord;
import io.backupdesk.restore.PreflightCheck;
import io.backupdesk.restore.RestorePlan;
import io.backupdesk.restore.RestoreReport;
import io.backupdesk.restore.RestoreService;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Restoring and undoing a restore, the use cases the wizard and the command line call: each restore or roll-back is
 * the one job on the database it changes, here and in every other process on this configuration.
 */
public final class RestoreJob {
    private final RestoreService restores;
    private final DatabaseClaims claims;

    public RestoreJob(RestoreService restores, DatabaseClaims claims) {
        this.restores = restores;
        this.claims = claims;
    }

    /** The checks before a restore; they change nothing, so they need no claim. */
    public List<PreflightCheck> preflight(RestorePlan plan, Optional<String> password, Cancellation cancel) {
        return restores.preflight(plan, password, cancel);
    }

    /**
     * Restores as the plan says, as the one job on the database restored into (for a safe replace, the name the copy
     * takes over at the end).
     *
     * @throws io.backupdesk.core.BackupDeskException {@code BUSY} at once when another job has that database
     */
    public RestoreReport restore(RestorePlan plan, Optional<String> password, Progress progress, Consumer<String> log,
                                 Cancellation cancel) {
        return claims.whileHolding(claimOf(plan), "restore",
                () -> restores.restore(plan, password, progress, log, cancel));
    }

    /** Undoes a restore, as the one job on its database. */
    public RestoreRecord rollback(String restoreId, ConnectionProfile target, Optional<String> password,
                                  Progress progress, Cancellation cancel) {
        String database = restores.record(restoreId).database();
        return claims.whileHolding(DatabaseClaims.keyOf(target.withDatabase(database)), "rollback",
                () -> restores.rollback(restoreId, target, password, progress, cancel));
    }

    /** Drops the database a restore kept aside; the restored database is not touched, so it needs no claim. */
    public RestoreRecord dropOldCopy(String restoreId, ConnectionProfile target, Optional<String> password) {
        return restores.dropOldCopy(restoreId, target, password);
    }

    public RestoreRecord record(String restoreId) {
        return restores.record(restoreId);
    }

    /** The claim a restore takes: the database it restores into on the target server. */
    static String claimOf(RestorePlan plan) {
        return DatabaseClaims.keyOf(plan.target().withDatabase(plan.database()));
    }
}
