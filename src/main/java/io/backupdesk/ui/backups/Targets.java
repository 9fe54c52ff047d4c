package io.backupdesk.ui.backups;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupSets.SetEntry;
import io.backupdesk.ui.Formats;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Question;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Pin and Delete act on: the selected backups on their own, and whole sets, for a set's row or any of its
 * databases' rows. A set is kept or deleted whole (decision 0037): one database of it is never pinned or deleted
 * alone, so choosing one acts on its set, and the question before a delete says so.
 */
record Targets(List<BackupCatalog.Entry> backups, List<SetEntry> sets) {
    static Targets of(List<BackupRowViewModel> selection, SetGroups groups) {
        List<BackupCatalog.Entry> backups = new ArrayList<>();
        Map<String, SetEntry> sets = new LinkedHashMap<>();
        for (BackupRowViewModel row : selection) {
            BackupRowViewModel head = groups.head(row);
            if (head.isSet()) {
                sets.putIfAbsent(head.group(), head.set());
            } else {
                backups.add(row.entry());
            }
        }
        return new Targets(List.copyOf(backups), List.copyOf(sets.values()));
    }

    boolean anyPinned() {
        return backups.stream().anyMatch(e -> e.record().pinned()) || sets.stream().anyMatch(s -> s.set().pinned());
    }

    /** Pin pins when something chosen is not pinned yet, and unpins when all of it is. */
    boolean anyUnpinned() {
        return backups.stream().anyMatch(e -> !e.record().pinned()) || sets.stream().anyMatch(s -> !s.set().pinned());
    }

    int count() {
        return backups.size() + sets.size();
    }

    /** The question before deleting, naming each backup and each set with what it takes along. */
    Question deleteQuestion() {
        long bytes = backups.stream().mapToLong(e -> e.record().sizeBytes()).sum()
                + sets.stream().mapToLong(SetEntry::sizeBytes).sum();
        StringBuilder text = new StringBuilder(sets.isEmpty()
                ? Messages.get("backups.delete.question", backups.size(), Formats.bytes(bytes))
                : Messages.get("backups.delete.questionSets", backups.size(), sets.size(), Formats.bytes(bytes)));
        List<String> lines = new ArrayList<>();
        sets.forEach(s -> lines.add(Messages.get("backups.delete.setLine", s.set().profile(),
                Formats.time(s.set().createdAt()), SetTexts.databases(s.set()), Formats.bytes(s.sizeBytes()))));
        backups.forEach(e -> lines.add(e.archive() + "  (" + Formats.bytes(e.record().sizeBytes()) + ")"));
        lines.stream().limit(8).forEach(line -> text.append("\n  ").append(line));
        if (lines.size() > 8) {
            text.append("\n  ").append(Messages.get("backups.delete.more", lines.size() - 8));
        }
        return new Question(Messages.get("backups.delete.title"), text.toString(), Messages.get("backups.delete"));
    }
}
