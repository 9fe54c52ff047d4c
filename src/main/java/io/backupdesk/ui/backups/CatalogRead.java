package io.backupdesk.ui.backups;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupSets.SetEntry;
import io.backupdesk.jobs.ScheduleNames;
import io.backupdesk.offsite.CopyState;
import io.backupdesk.ui.Formats;
import io.backupdesk.ui.KeyNames;
import io.backupdesk.ui.Messages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the backup list reads at once, off the UI thread: the backups and sets on this desk, then those only at
 * destinations, each with its copies; the profiles, the stored keys' names, the destinations and the schedules' names. What cannot be read of the extras
 * (the copy ledger, the keys, the mirrored catalogs) costs those, not the list.
 */
record CatalogRead(List<BackupRowViewModel> rows, List<String> profileNames, KeyNames keys,
                   List<String> destinations, ScheduleNames schedules) {

    /** Runs on a worker thread. */
    static CatalogRead of(CatalogOperations catalog) {
        Map<String, List<CopyState>> copies = copies(catalog);
        List<BackupCatalog.Entry> scanned = catalog.scan();
        List<BackupRowViewModel> rows = here(scanned, quietly(() -> catalog.sets(scanned), List.of()), copies);
        rows.addAll(quietly(() -> catalog.remoteOnly().stream().map(r -> new BackupRowViewModel(r,
                copies.getOrDefault(r.entry().record().id(), List.of()))).toList(), List.of()));
        return new CatalogRead(rows, catalog.profileNames(),
                quietly(() -> new KeyNames(catalog.storedKeys()), KeyNames.NONE),
                quietly(catalog::destinationNames, List.of()), quietly(catalog::scheduleNames, ScheduleNames.NONE));
    }

    /**
     * The backups here newest first, a set as one row among them by when it was made, its databases' rows right
     * after it. A backup whose set is not listed (its manifest gone or refused) is a row on its own.
     */
    private static List<BackupRowViewModel> here(List<BackupCatalog.Entry> scanned, List<SetEntry> sets,
                                                 Map<String, List<CopyState>> copies) {
        Set<String> inSets = sets.stream().flatMap(s -> s.members().stream()).map(e -> e.record().id())
                .collect(Collectors.toSet());
        List<List<BackupRowViewModel>> groups = new ArrayList<>();
        scanned.stream().filter(e -> !inSets.contains(e.record().id())).forEach(e -> groups.add(List.of(
                new BackupRowViewModel(e, copies.getOrDefault(e.record().id(), List.of())))));
        for (SetEntry set : sets) {
            List<BackupRowViewModel> group = new ArrayList<>();
            List<CopyState> setCopies = new ArrayList<>();
            for (BackupCatalog.Entry member : set.members()) {
                List<CopyState> memberCopies = copies.getOrDefault(member.record().id(), List.of());
                setCopies.addAll(memberCopies);
                group.add(BackupRowViewModel.member(member, memberCopies, set.set().id()));
            }
            group.add(0, new BackupRowViewModel(set, setCopies));
            groups.add(group);
        }
        groups.sort(Comparator.comparing((List<BackupRowViewModel> g) -> g.get(0).createdAt()).reversed());
        return new ArrayList<>(groups.stream().flatMap(List::stream).toList());
    }

    /**
     * "12 of 240 backups, 3.1 GB" with only backups here; with some only at destinations, says them apart, so the
     * count never pretends they are on this desk: "240 backups here, 3 only at destinations".
     */
    static String summary(List<BackupRowViewModel> shown, List<BackupRowViewModel> all) {
        // a set counts once, as its row: its databases' rows under it are its parts, not more backups
        shown = shown.stream().filter(r -> !r.isMember()).toList();
        all = all.stream().filter(r -> !r.isMember()).toList();
        long remote = all.stream().filter(BackupRowViewModel::remote).count();
        long shownRemote = shown.stream().filter(BackupRowViewModel::remote).count();
        String size = Formats.bytes(shown.stream().filter(r -> !r.remote()).mapToLong(BackupRowViewModel::sizeBytes).sum());
        if (remote == 0) {
            return Messages.get("backups.summary", shown.size(), all.size(), size);
        }
        return Messages.get("backups.summary.remote", shown.size() - shownRemote, all.size() - remote, shownRemote,
                remote, size);
    }

    private static Map<String, List<CopyState>> copies(CatalogOperations catalog) {
        return quietly(() -> catalog.copies().stream().collect(Collectors.groupingBy(CopyState::backupId)), Map.of());
    }

    private static <T> T quietly(java.util.function.Supplier<T> read, T otherwise) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return otherwise;
        }
    }
}
