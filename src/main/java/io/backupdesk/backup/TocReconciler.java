package io.backupdesk.backup;

import io.backupdesk.core.TableCount;
import io.backupdesk.pg.ArchiveToc;
import io.backupdesk.pg.ServerInspector;
import io.backupdesk.pg.SnapshotSession;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The archive's table of contents is the truth about which tables it holds: tables pg_dump took that our reading of
 * its patterns did not predict are counted now, in the still-open snapshot, and tables it did not take are dropped.
 */
final class TocReconciler {
    private TocReconciler() { }

    static List<TableCount> reconcile(ArchiveToc toc, List<TableCount> counted, SnapshotSession snapshot,
                                      ServerInspector inspector) {
        List<ArchiveToc.DataEntry> data = toc.tableData();
        // schema and name side by side, not joined with a dot: "a.b"."c" and "a"."b.c" are different tables
        Set<List<String>> inArchive = data.stream().map(e -> List.of(e.schema(), e.name())).collect(Collectors.toSet());
        Set<List<String>> countedNames = counted.stream().map(c -> List.of(c.schema(), c.name())).collect(Collectors.toSet());
        List<Long> missing = data.stream().filter(e -> !countedNames.contains(List.of(e.schema(), e.name())))
                .map(ArchiveToc.DataEntry::oid).toList();
        List<TableCount> result = new ArrayList<>(counted.stream()
                .filter(c -> inArchive.contains(List.of(c.schema(), c.name()))).toList());
        if (!missing.isEmpty()) {
            result.addAll(snapshot.countRows(inspector.tablesByOid(missing)));
        }
        result.sort(Comparator.comparing(TableCount::schema).thenComparing(TableCount::name));
        return result;
    }
}
