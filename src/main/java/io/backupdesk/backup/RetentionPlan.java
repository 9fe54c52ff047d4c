package io.backupdesk.backup;

import java.util.List;

/**
 * What a cleanup of one database would do: every backup with whether it goes and why, so that a preview can show
 * the reasoning before anything is deleted.
 */
public record RetentionPlan(String profile, String database, List<Decision> decisions) {
    /** One backup's fate. */
    public record Decision(BackupCatalog.Entry entry, boolean delete, String reason) { }

    public List<BackupCatalog.Entry> toDelete() {
        return decisions.stream().filter(Decision::delete).map(Decision::entry).toList();
    }
}
