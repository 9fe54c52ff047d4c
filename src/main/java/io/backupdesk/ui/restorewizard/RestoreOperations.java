package io.backupdesk.ui.restorewizard;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Progress;
import io.backupdesk.core.RestoreRecord;
import io.backupdesk.jobs.RestoreCheck;
import io.backupdesk.jobs.SecretKeys;
import io.backupdesk.restore.PreflightCheck;
import io.backupdesk.restore.RestorePlan;
import io.backupdesk.restore.RestoreReport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** What the restore wizard asks of the engine; blocking calls, run off the UI thread. */
public interface RestoreOperations extends KeyChecks {
    List<ConnectionProfile> profiles();

    /** Adds a dump file to the catalog under the profile, so that it can be restored like any backup. */
    BackupCatalog.Entry importFile(Path file, String profile);

    boolean databaseExists(ConnectionProfile profile, String database);

    /** The destination a backup only there is downloaded from; empty for a backup on this desk. */
    default Optional<String> destinationOf(BackupCatalog.Entry backup) {
        return Optional.empty();
    }

    /** @param secrets open an encrypted backup; the caller keeps them open until the call returns */
    List<PreflightCheck> preflight(RestorePlan plan, SecretKeys secrets);

    /** The pre-flight and, when the backup's roles file is restored first, what that would create. */
    default RestoreCheck check(RestorePlan plan, SecretKeys secrets) {
        return new RestoreCheck(preflight(plan, secrets), Optional.empty());
    }

    /** The pg_restore (or psql) command the plan runs, with what Backup Desk does around it as comment lines. */
    default String commandLine(RestorePlan plan) {
        return "";
    }

    RestoreReport restore(RestorePlan plan, SecretKeys secrets, Progress progress, Consumer<String> log,
                          Cancellation cancel);

    RestoreRecord rollback(String restoreId, ConnectionProfile target);

    RestoreRecord dropOldCopy(String restoreId, ConnectionProfile target);

    /** How long a safety backup of the database would take, judged from its newest backup; empty when none. */
    Optional<Duration> backupDuration(ConnectionProfile profile, String database);
}
