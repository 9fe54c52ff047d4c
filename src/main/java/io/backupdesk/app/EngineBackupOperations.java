package io.backupdesk.app;

import io.backupdesk.engine.Engine;

import io.backupdesk.backup.BackupService;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Progress;
import io.backupdesk.pg.TableInfo;
import io.backupdesk.jobs.DatabaseClaims;
import io.backupdesk.ui.backups.BackupOperations;

import java.util.List;
import java.util.Optional;

/** "Back up now" on the engine: an interactive run, read back when the setting says so. */
final class EngineBackupOperations implements BackupOperations {
    private final Engine engine;

    EngineBackupOperations(Engine engine) {
        this.engine = engine;
    }

    @Override
    public List<ConnectionProfile> profiles() {
        return engine.profiles().list();
    }

    @Override
    public BackupOptions defaults() {
        io.backupdesk.store.Settings settings = engine.settings().load();
        return new BackupOptions(settings.defaultFormat() == null ? null : io.backupdesk.core.BackupFormat.parse(settings.defaultFormat()),
                settings.defaultCompression() == null ? null : io.backupdesk.core.Compression.parse(settings.defaultCompression()),
                0, null, null, null, null, null, false, null, null, null);
    }

    @Override
    public List<TableInfo> tables(ConnectionProfile profile, Optional<String> password) {
        return engine.tablesOf(profile, password);
    }

    @Override
    public BackupRecord backup(ConnectionProfile profile, BackupOptions options, Optional<String> password,
                               Progress progress, Cancellation cancel) {
        BackupService.Request request = new BackupService.Request(profile, options, BackupRecord.ORIGIN_MANUAL, password,
                true, engine.settings().load().verifiesAfterBackup());
        return engine.claims().whileHolding(DatabaseClaims.keyOf(profile), "backup",
                () -> engine.backups().backup(request, progress, cancel).record());
    }
}
