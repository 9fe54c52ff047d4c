package io.backupdesk.ui.backups;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupSet;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.ui.Messages;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The words a set's row and details use: its status, how many databases it holds, its members' worst state. */
final class SetTexts {
    /** From the best state a backup can be in to the worst; a set's row takes its members' worst. */
    private static final List<BackupStatus> BETTER_FIRST = List.of(BackupStatus.VERIFIED, BackupStatus.OK,
            BackupStatus.REMOTE, BackupStatus.MISSING, BackupStatus.FAILED, BackupStatus.CORRUPT);

    private SetTexts() { }

    /** "complete", "partial", "failed", as the status filter and the CLI say them. */
    static String status(BackupSet.Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /** "3 databases", or "2 of 3 databases" when some could not be backed up. */
    static String databases(BackupSet set) {
        long written = set.members().stream().filter(BackupSet.Member::written).count();
        return written == set.members().size() ? Messages.get("backups.set.databases", set.members().size())
                : Messages.get("backups.set.someDatabases", written, set.members().size());
    }

    /** The worst state among the members' backups; failed when none was written. */
    static BackupStatus worst(List<BackupCatalog.Entry> members) {
        return members.stream().map(BackupCatalog.Entry::status).max(Comparator.comparingInt(BETTER_FIRST::indexOf))
                .orElse(BackupStatus.FAILED);
    }
}
