package io.backupdesk.ui.backups;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupLayout;
import io.backupdesk.backup.BackupSets;
import io.backupdesk.backup.DumpImporter;
import io.backupdesk.backup.VerifyService;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.Progress;
import io.backupdesk.jobs.ScheduleNames;
import io.backupdesk.pg.ProcessRunner;
import io.backupdesk.pg.ToolDiscovery;
import io.backupdesk.pg.ToolSelection;
import io.backupdesk.store.ScheduleStore;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The backup list's operations on a catalog folder, with the real catalog, verifier, importer and job history (the
 * app's log is not written here, so runs come without log lines).
 */
class FolderCatalog implements CatalogOperations {
    final BackupCatalog catalog;
    final BackupSets sets;
    private final VerifyService verifier;
    private final DumpImporter importer;
    private final io.backupdesk.store.JobHistory history;
    private final ScheduleStore schedules;

    FolderCatalog(Path configDir, Path backupRoot) {
        this.history = new io.backupdesk.store.JobHistory(configDir, w -> { });
        this.schedules = new ScheduleStore(configDir, w -> { });
        BackupLayout layout = new BackupLayout(backupRoot);
        ToolSelection tools = new ToolSelection(ToolDiscovery.standard(null, System.getenv()));
        this.catalog = new BackupCatalog(layout, w -> { });
        this.sets = new BackupSets(layout, catalog, w -> { });
        this.verifier = new VerifyService(tools, new ProcessRunner(), Clock.systemUTC());
        this.importer = new DumpImporter(layout, verifier);
    }

    @Override
    public ScheduleNames scheduleNames() {
        return ScheduleNames.of(schedules.list(), schedules.removed());
    }

    @Override
    public List<BackupCatalog.Entry> scan() {
        return catalog.scan();
    }

    @Override
    public BackupCatalog.Entry verify(BackupCatalog.Entry entry, Progress progress, Cancellation cancel) {
        return verifier.verify(entry, progress, cancel);
    }

    @Override
    public List<BackupSets.SetEntry> sets(List<BackupCatalog.Entry> scanned) {
        return sets.read(new BackupCatalog.Listing(scanned, List.of())).sets();
    }

    @Override
    public BackupSets.SetEntry setPinned(BackupSets.SetEntry set, boolean pinned) {
        return sets.setPinned(set, pinned);
    }

    @Override
    public void delete(BackupSets.SetEntry set) {
        sets.delete(set);
    }

    @Override
    public BackupCatalog.Entry setPinned(BackupCatalog.Entry entry, boolean pinned) {
        return catalog.setPinned(entry, pinned);
    }

    @Override
    public void delete(BackupCatalog.Entry entry) {
        catalog.delete(entry);
    }

    @Override
    public BackupCatalog.Entry importDump(Path file, String profile) {
        return importer.importDump(file, profile);
    }

    @Override
    public JobLog jobLog(String backupId) {
        return new JobLog(history.readAll().stream().filter(r -> backupId.equals(r.backupId())).findFirst().orElse(null),
                List.of());
    }

    @Override
    public List<String> profileNames() {
        return List.of("prod-1", "analytics", "staging");
    }
}
