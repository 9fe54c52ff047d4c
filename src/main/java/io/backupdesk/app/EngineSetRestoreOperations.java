package io.backupdesk.app;

import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Progress;
import io.backupdesk.engine.Engine;
import io.backupdesk.jobs.SecretKeys;
import io.backupdesk.jobs.SetRestorePreview;
import io.backupdesk.jobs.SetRestoreReport;
import io.backupdesk.jobs.SetRestoreRequest;
import io.backupdesk.ui.restorewizard.SetRestoreOperations;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.backup.BackupCatalog;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The set restore wizard's operations on the engine's set restore use case. An encrypted set is opened with what the
 * wizard was given (a passphrase, a key file) or the keys stored here; the target's password is the stored one.
 */
final class EngineSetRestoreOperations implements SetRestoreOperations {
    private final Engine engine;

    EngineSetRestoreOperations(Engine engine) {
        this.engine = engine;
    }

    @Override
    public List<ConnectionProfile> profiles() {
        return engine.profiles().list();
    }

    @Override
    public SetRestorePreview preview(SetRestoreRequest request, SecretKeys secrets, Cancellation cancel) {
        return engine.jobs().setRestore().preview(request, secrets, Optional.empty(), cancel);
    }

    @Override
    public SetRestoreReport restore(SetRestoreRequest request, SecretKeys secrets, Progress progress,
                                    Consumer<String> log, Cancellation cancel) {
        return engine.jobs().setRestore().restore(request, secrets, Optional.empty(), progress, log, cancel);
    }

    @Override
    public List<StoredKey> storedKeys() {
        return engine.keys().list();
    }

    @Override
    public void requireOpenable(BackupCatalog.Entry backup, SecretKeys secrets) {
        engine.jobs().restore().requireOpenable(backup, secrets);
    }
}
