package io.backupdesk.app;

import io.backupdesk.engine.Engine;

import io.backupdesk.backup.BackupSets.SetEntry;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Origin;
import io.backupdesk.core.Destination;
import io.backupdesk.core.Preset;
import io.backupdesk.core.Progress;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.pg.TableInfo;
import io.backupdesk.jobs.BackupJob;
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
        return engine.backupDefaults().options();
    }

    @Override
    public List<StoredKey> keys() {
        return engine.keys().list();
    }

    @Override
    public List<Destination> destinations() {
        return engine.jobs().destinations().list();
    }

    @Override
    public List<Preset> presets() {
        return engine.jobs().presets().list();
    }

    @Override
    public BackupOptions startingPoint(ConnectionProfile profile, String preset) {
        return engine.jobs().presets().startingPoint(profile, preset);
    }

    @Override
    public void savePreset(Preset preset) {
        engine.jobs().presets().save(preset);
    }

    @Override
    public String commandLine(ConnectionProfile profile, BackupOptions options) {
        return engine.jobs().backup().commandLine(request(profile, options, Optional.empty()));
    }

    @Override
    public boolean newCompressions() {
        return EnginePresetOperations.newCompressions(engine);
    }

    @Override
    public List<TableInfo> tables(ConnectionProfile profile, Optional<String> password) {
        return engine.tablesOf(profile, password);
    }

    @Override
    public BackupRecord backup(ConnectionProfile profile, BackupOptions options, Optional<String> password,
                               Progress progress, Cancellation cancel) {
        return engine.jobs().backup().backUp(request(profile, options, password), progress, cancel).record();
    }

    @Override
    public SetEntry backupSet(ConnectionProfile server, BackupOptions options, Optional<String> password,
                              Progress progress, Cancellation cancel) {
        // a set's jobs count databases at once: the dialog's are for one database's pg_dump, so one at a time here
        return engine.jobs().backup().backUpSet(new BackupJob.Request(server, options.toBuilder().jobs(0).build(),
                Origin.BACK_UP_NOW, password, true, null, null, 1), progress, cancel).set();
    }

    /** One request for the run and for its shown command, so the command shown is the one run. */
    private static BackupJob.Request request(ConnectionProfile profile, BackupOptions options, Optional<String> password) {
        return new BackupJob.Request(profile, options, Origin.BACK_UP_NOW, password, true, null);
    }
}
