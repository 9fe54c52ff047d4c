package io.backupdesk.ui.restorewizard;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Progress;
import io.backupdesk.core.RestoreRecord;
import io.backupdesk.jobs.SecretKeys;
import io.backupdesk.restore.PreflightCheck;
import io.backupdesk.restore.RestorePlan;
import io.backupdesk.restore.RestoreReport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The restore wizard's operations as a test double that a test shapes by overriding only what it is about: no
 * connections, no databases, checks that find nothing, backups that open, and a refusal for what a test must not
 * reach (an import, a restore).
 */
abstract class UnusedRestoreOperations implements RestoreOperations {
    @Override
    public List<ConnectionProfile> profiles() {
        return List.of();
    }

    @Override
    public BackupCatalog.Entry importFile(Path file, String profile) {
        throw new UnsupportedOperationException("not part of this test");
    }

    @Override
    public boolean databaseExists(ConnectionProfile profile, String database) {
        return false;
    }

    @Override
    public void requireOpenable(BackupCatalog.Entry backup, SecretKeys secrets) {
    }

    @Override
    public List<PreflightCheck> preflight(RestorePlan plan, SecretKeys secrets) {
        return List.of();
    }

    @Override
    public RestoreReport restore(RestorePlan plan, SecretKeys secrets, Progress progress, Consumer<String> log,
                                 Cancellation cancel) {
        throw new UnsupportedOperationException("not part of this test");
    }

    @Override
    public RestoreRecord rollback(String restoreId, ConnectionProfile target) {
        return null;
    }

    @Override
    public RestoreRecord dropOldCopy(String restoreId, ConnectionProfile target) {
        return null;
    }

    @Override
    public Optional<Duration> backupDuration(ConnectionProfile profile, String database) {
        return Optional.empty();
    }
}
