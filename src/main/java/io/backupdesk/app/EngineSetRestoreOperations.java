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

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The set restore wizard's operations on the engine's set restore use case. An encrypted set is opened with the keys
 * stored here; the target's password is the stored one.
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
    public SetRestorePreview preview(SetRestoreRequest request, Cancellation cancel) {
        return engine.jobs().setRestore().preview(request, SecretKeys.STORED, Optional.empty(), cancel);
    }

    @Override
    public SetRestoreReport restore(SetRestoreRequest request, Progress progress, Consumer<String> log,
                                    Cancellation cancel) {
        return engine.jobs().setRestore().restore(request, SecretKeys.STORED, Optional.empty(), progress, log, cancel);
    }
}
