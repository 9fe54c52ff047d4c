package io.backupdesk.ui.backups;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a set's databases right under the set's row, whatever column the list is sorted by: rows are ordered by their
 * group's head (the set's row, or the backup itself), and inside a set, the set's row first and then its databases in
 * that same order. Made once for each reading of the catalog.
 */
final class SetGroups {
    private final Map<String, BackupRowViewModel> heads = new HashMap<>();
    private final Map<BackupRowViewModel, Integer> read = new IdentityHashMap<>();
    private final Map<String, List<BackupRowViewModel>> members = new HashMap<>();

    /** @param rows as read, in the order shown while no column sorts the list */
    SetGroups(List<BackupRowViewModel> rows) {
        // a row's place as read, which the order falls back on for rows it finds equal
        for (BackupRowViewModel row : rows) {
            read.put(row, read.size());
            if (row.isSet()) {
                heads.put(row.group(), row);
            } else if (row.isMember()) {
                members.computeIfAbsent(row.group(), id -> new ArrayList<>()).add(row);
            }
        }
    }

    /** The rows that stand for no one else, sorted by {@code order}: null keeps them as read. */
    Comparator<BackupRowViewModel> ordered(Comparator<? super BackupRowViewModel> order) {
        Comparator<BackupRowViewModel> asRead = Comparator.comparingInt(r -> read.getOrDefault(r, Integer.MAX_VALUE));
        Comparator<BackupRowViewModel> within = order == null ? asRead
                : ((Comparator<BackupRowViewModel>) order::compare).thenComparing(asRead);
        return (a, b) -> {
            BackupRowViewModel headA = head(a);
            BackupRowViewModel headB = head(b);
            if (headA != headB) {
                return within.compare(headA, headB);
            }
            if (a == b) {
                return 0;
            }
            if (a == headA) {
                return -1;
            }
            return b == headB ? 1 : within.compare(a, b);
        };
    }

    /** The set's row of a database in a set; else the row itself. */
    BackupRowViewModel head(BackupRowViewModel row) {
        return row.isMember() ? heads.getOrDefault(row.group(), row) : row;
    }

    /** The rows of a set's databases, for a filter that shows a set when one of them fits. */
    List<BackupRowViewModel> members(String setId) {
        return members.getOrDefault(setId, List.of());
    }
}
