package io.backupdesk.ui.backups;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupSets.SetEntry;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.Progress;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.jobs.ScheduleNames;
import io.backupdesk.offsite.CopyState;
import io.backupdesk.offsite.RemoteCatalog;
import io.backupdesk.core.BackupRecord;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What the backup list does to the catalog; blocking calls, run by the ViewModel on a worker thread. */
public interface CatalogOperations {
    List<BackupCatalog.Entry> scan();

    /**
     * Reads the backup back and records the outcome. An encrypted backup that no key here opens without asking gets
     * its checksum checked only: its outcome stays {@code OK}, not {@code VERIFIED}.
     */
    BackupCatalog.Entry verify(BackupCatalog.Entry entry, Progress progress, Cancellation cancel);

    /** The keys stored here, to name the keys encrypted backups were encrypted to; none where keys are not kept. */
    default List<StoredKey> storedKeys() {
        return List.of();
    }

    /** Where every backup's copies off the desk stand, as the copy ledger has them; none where nothing is copied. */
    default List<CopyState> copies() {
        return List.of();
    }

    /**
     * Tries again now the backup's copies that wait for a retry or failed, whatever their back-off; returns how each
     * went. None where nothing is copied.
     */
    default List<CopyState> retryCopies(String backupId, Progress progress, Cancellation cancel) {
        return List.of();
    }

    /**
     * The backups at destinations that are not on this desk, as the last catalog sync of each destination found them,
     * each once; none where nothing is copied.
     */
    default List<RemoteCatalog.RemoteEntry> remoteOnly() {
        return List.of();
    }

    /** The names of the destinations, whose catalogs a sync reads; none where nothing is copied. */
    default List<String> destinationNames() {
        return List.of();
    }

    /** Reads the destination's catalog into this desk's mirror of it; called only for a name of {@link #destinationNames()}. */
    default RemoteCatalog.Synced sync(String destination, Cancellation cancel) {
        throw new IllegalStateException("No destinations here: " + destination);
    }

    /**
     * The whole-server sets, newest first, each with its members' backups; none where there are no server
     * connections. Their members are among {@link #scan()}'s backups too; the list shows them under their set.
     *
     * @param scanned the backups {@link #scan()} just read, so that the catalog is not read twice
     */
    default List<SetEntry> sets(List<BackupCatalog.Entry> scanned) {
        return List.of();
    }

    /** Pins or unpins a set whole: every cleanup keeps a pinned set, members and roles file included. */
    default SetEntry setPinned(SetEntry set, boolean pinned) {
        throw new UnsupportedOperationException("No sets here: " + set.set().id());
    }

    /** Deletes a set whole: its members' backups, its roles file, then its manifest. */
    default void delete(SetEntry set) {
        throw new UnsupportedOperationException("No sets here: " + set.set().id());
    }

    BackupCatalog.Entry setPinned(BackupCatalog.Entry entry, boolean pinned);

    void delete(BackupCatalog.Entry entry);

    BackupCatalog.Entry importDump(Path file, String profile);

    /** The schedules this desk has or removed, to say which one made a backup; none where there are none. */
    default ScheduleNames scheduleNames() {
        return ScheduleNames.NONE;
    }

    /** The names of the connection profiles, for filing an imported dump under one. */
    List<String> profileNames();

    /** The run that made this backup, as the job history has it, and its lines in the app's log. */
    JobLog jobLog(String backupId);

    /** What made the backup, read together for its details: its run, the run's log lines and its command. */
    default JobLog madeBy(String backupId, BackupCatalog.Entry entry) {
        JobLog log = jobLog(backupId);
        return new JobLog(log.run(), log.lines(), entry == null ? null : commandThatMade(entry.record()).orElse(null));
    }

    /** The pg_dump command line that made the backup, to show and copy; empty when it cannot be told. */
    default Optional<String> commandThatMade(BackupRecord record) {
        return Optional.empty();
    }

    /**
     * @param run     null when the history does not know the backup (imported, or made on another desk)
     * @param lines   the log lines of that run, oldest first; empty when the log was rotated away
     * @param command the pg_dump command line that made the backup, to copy; null when it cannot be told
     */
    record JobLog(JobRun run, List<String> lines, String command) {
        public JobLog(JobRun run, List<String> lines) {
            this(run, lines, null);
        }
    }
}
