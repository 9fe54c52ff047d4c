package io.backupdesk.app;

import io.backupdesk.engine.Engine;
import io.backupdesk.jobs.SecretKeys;
import io.backupdesk.jobs.VerifyJob;
import io.backupdesk.crypto.CryptoException;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.jobs.ScheduleNames;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupSets;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Progress;
import io.backupdesk.offsite.CopyState;
import io.backupdesk.offsite.RemoteCatalog;
import io.backupdesk.core.Destination;
import io.backupdesk.ui.backups.CatalogOperations;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import io.backupdesk.core.JobRun;

/** The backup list's operations on the engine's catalog, verifier and importer. */
final class EngineCatalogOperations implements CatalogOperations {
    private final Engine engine;

    EngineCatalogOperations(Engine engine) {
        this.engine = engine;
    }

    @Override
    public List<BackupCatalog.Entry> scan() {
        return engine.catalog().scan();
    }

    @Override
    public BackupCatalog.Entry verify(BackupCatalog.Entry entry, Progress progress, Cancellation cancel) {
        VerifyJob.Outcome outcome;
        try {
            outcome = engine.jobs().verify().verify(entry, progress, cancel);
        } catch (CryptoException e) {
            if (e.failure() != CryptoException.Failure.PASSPHRASE_REQUIRED) {
                throw e;
            }
            // the list asks for no passphrase: a protected key's backup gets what needs no key, its checksum
            outcome = engine.jobs().verify().verify(entry, SecretKeys.NONE, progress, cancel);
        }
        if (outcome.recordError() != null) {
            throw outcome.recordError();
        }
        return outcome.entry();
    }

    @Override
    public List<StoredKey> storedKeys() {
        return engine.keys().list();
    }

    @Override
    public List<CopyState> copies() {
        return engine.jobs().copy().states(Optional.empty());
    }

    @Override
    public List<CopyState> retryCopies(String backupId, Progress progress, Cancellation cancel) {
        return engine.jobs().copy().retryOf(backupId, progress, cancel);
    }

    @Override
    public List<RemoteCatalog.RemoteEntry> remoteOnly() {
        return engine.jobs().remote().remoteOnly();
    }

    @Override
    public List<String> destinationNames() {
        return engine.jobs().destinations().list().stream().map(Destination::name).toList();
    }

    @Override
    public RemoteCatalog.Synced sync(String destination, Cancellation cancel) {
        return engine.jobs().remote().sync(destination, cancel);
    }

    @Override
    public List<BackupSets.SetEntry> sets(List<BackupCatalog.Entry> scanned) {
        return engine.backupSets().read(new BackupCatalog.Listing(scanned, List.of())).sets();
    }

    @Override
    public BackupSets.SetEntry setPinned(BackupSets.SetEntry set, boolean pinned) {
        return engine.backupSets().setPinned(set, pinned);
    }

    @Override
    public void delete(BackupSets.SetEntry set) {
        engine.backupSets().delete(set);
    }

    @Override
    public BackupCatalog.Entry setPinned(BackupCatalog.Entry entry, boolean pinned) {
        return engine.catalog().setPinned(entry, pinned);
    }

    @Override
    public void delete(BackupCatalog.Entry entry) {
        engine.catalog().delete(entry);
    }

    @Override
    public BackupCatalog.Entry importDump(Path file, String profile) {
        return engine.importer().importDump(file, profile);
    }

    @Override
    public JobLog jobLog(String backupId) {
        return engine.history().readAll().stream()
                .filter(r -> JobRun.KIND_BACKUP.equals(r.kind()) && backupId.equals(r.backupId()))
                .findFirst()
                .map(run -> new JobLog(run, engine.logLinesOf(run.id()))).orElse(new JobLog(null, List.of()));
    }

    @Override
    public Optional<String> commandThatMade(BackupRecord record) {
        return engine.jobs().backup().commandThatMade(record);
    }

    @Override
    public ScheduleNames scheduleNames() {
        return engine.jobs().schedules().names();
    }

    @Override
    public List<String> profileNames() {
        return engine.profiles().list().stream().map(ConnectionProfile::name).toList();
    }
}
