package io.backupdesk.ui.restorewizard;

import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Progress;
import io.backupdesk.core.RestoreRecord;
import io.backupdesk.restore.PreflightCheck;
import io.backupdesk.restore.RestorePlan;
import io.backupdesk.restore.RestoreReport;
import io.backupdesk.jobs.SecretKeys;
import io.backupdesk.testing.EngineRig;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The wizard's operations on the engine of a test rig: the real restore service against the test server. */
final class RigRestoreOperations implements RestoreOperations {
    private final EngineRig rig;

    RigRestoreOperations(EngineRig rig) {
        this.rig = rig;
    }

    @Override
    public List<ConnectionProfile> profiles() {
        return rig.profiles.list();
    }

    @Override
    public io.backupdesk.backup.BackupCatalog.Entry importFile(java.nio.file.Path file, String profile) {
        return rig.importer.importDump(file, profile);
    }

    @Override
    public boolean databaseExists(ConnectionProfile profile, String database) {
        return rig.restores.databaseExists(profile, database, Optional.empty());
    }

    /** The rig's restore service knows no keys: its backups are not encrypted. */
    @Override
    public void requireOpenable(io.backupdesk.backup.BackupCatalog.Entry backup, SecretKeys secrets) {
        if (backup.record().encrypted()) {
            throw new UnsupportedOperationException("The rig restores unencrypted backups only.");
        }
    }

    @Override
    public List<PreflightCheck> preflight(RestorePlan plan, SecretKeys secrets) {
        return rig.restores.preflight(plan, Optional.empty(), new Cancellation());
    }

    @Override
    public RestoreReport restore(RestorePlan plan, SecretKeys secrets, Progress progress, Consumer<String> log, Cancellation cancel) {
        return rig.restores.restore(plan, Optional.empty(), progress, log, cancel);
    }

    @Override
    public RestoreRecord rollback(String restoreId, ConnectionProfile target) {
        return rig.restores.rollback(restoreId, target, Optional.empty(), Progress.NONE, new Cancellation());
    }

    @Override
    public RestoreRecord dropOldCopy(String restoreId, ConnectionProfile target) {
        return rig.restores.dropOldCopy(restoreId, target, Optional.empty());
    }

    @Override
    public Optional<Duration> backupDuration(ConnectionProfile profile, String database) {
        return Optional.empty();
    }
}
