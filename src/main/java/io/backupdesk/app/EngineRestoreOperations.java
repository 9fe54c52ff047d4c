package io.backupdesk.app;

import io.backupdesk.engine.Engine;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Progress;
import io.backupdesk.core.RestoreRecord;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.jobs.RestoreCheck;
import io.backupdesk.jobs.SecretKeys;
import io.backupdesk.restore.PreflightCheck;
import io.backupdesk.restore.RestorePlan;
import io.backupdesk.restore.RestoreReport;
import io.backupdesk.ui.restorewizard.RestoreOperations;
import io.backupdesk.offsite.RemoteCatalog;

import io.backupdesk.ui.Outcomes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import java.util.Optional;
import java.util.function.Consumer;
import java.nio.file.Path;
import io.backupdesk.backup.BackupCatalog;

/** The restore wizard on the engine's restore service, with stored passwords. */
final class EngineRestoreOperations implements RestoreOperations {
    private final Engine engine;
    private final Consumer<String> outcomes;

    /** Without a status bar: the wizard's report alone tells how a restore ended. */
    EngineRestoreOperations(Engine engine) {
        this(engine, outcome -> { });
    }

    /** @param outcomes hears how each restore ended, in a line for the status bar; on the restore's thread */
    EngineRestoreOperations(Engine engine, Consumer<String> outcomes) {
        this.engine = engine;
        this.outcomes = outcomes;
    }

    @Override
    public List<ConnectionProfile> profiles() {
        return engine.profiles().list();
    }

    @Override
    public BackupCatalog.Entry importFile(Path file, String profile) {
        return engine.importer().importDump(file, profile);
    }

    @Override
    public boolean databaseExists(ConnectionProfile profile, String database) {
        return engine.restores().databaseExists(profile, database, Optional.empty());
    }

    @Override
    public List<StoredKey> storedKeys() {
        return engine.keys().list();
    }

    @Override
    public Optional<String> destinationOf(BackupCatalog.Entry backup) {
        return engine.jobs().remote().remoteOnly().stream()
                .filter(r -> r.entry().record().id().equals(backup.record().id()))
                .map(RemoteCatalog.RemoteEntry::destination).findFirst();
    }

    @Override
    public void requireOpenable(BackupCatalog.Entry backup, SecretKeys secrets) {
        engine.jobs().restore().requireOpenable(backup, secrets);
    }

    @Override
    public List<PreflightCheck> preflight(RestorePlan plan, SecretKeys secrets) {
        return engine.jobs().restore().preflight(plan, secrets, Optional.empty(), new Cancellation());
    }

    @Override
    public RestoreCheck check(RestorePlan plan, SecretKeys secrets) {
        return engine.jobs().restore().check(plan, secrets, Optional.empty(), new Cancellation());
    }

    @Override
    public String commandLine(RestorePlan plan) {
        return engine.jobs().restore().commandLine(plan);
    }

    @Override
    public RestoreReport restore(RestorePlan plan, SecretKeys secrets, Progress progress, Consumer<String> log,
                                 Cancellation cancel) {
        String what = Outcomes.restore(plan.source().record().profile() + "/" + plan.source().record().database(),
                plan.database());
        Instant start = engine.clock().instant();
        try {
            RestoreReport report = engine.jobs().restore().restore(plan, secrets, Optional.empty(), progress, log,
                    cancel);
            outcomes.accept(Outcomes.restored(what, report, Duration.between(start, engine.clock().instant())));
            return report;
        } catch (RuntimeException e) {
            if (!(e instanceof BackupDeskException b && b.kind() == ErrorKind.CANCELLED)) {
                outcomes.accept(Outcomes.failed(what, e));
            }
            throw e;
        }
    }

    @Override
    public RestoreRecord rollback(String restoreId, ConnectionProfile target) {
        return engine.jobs().restore().rollback(restoreId, target, Optional.empty(), Progress.NONE, new Cancellation());
    }

    @Override
    public RestoreRecord dropOldCopy(String restoreId, ConnectionProfile target) {
        return engine.jobs().restore().dropOldCopy(restoreId, target, Optional.empty());
    }

    @Override
    public Optional<Duration> backupDuration(ConnectionProfile profile, String database) {
        return engine.catalog().scan().stream()
                .filter(e -> e.record().profile().equals(profile.name()) && e.record().database().equals(database))
                .filter(e -> e.record().durationMillis() > 0)
                .findFirst().map(e -> Duration.ofMillis(e.record().durationMillis()));
    }
}
