package io.backupdesk.backup;

import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.TableCount;
import io.backupdesk.pg.ServerInspector;
import io.backupdesk.pg.SnapshotSession;
import io.backupdesk.pg.TableInfo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Consumer;

/**
 * What a backup learns inside pg_dump's snapshot while pg_dump runs: the tables it dumps, their exact row counts, the
 * database size and the server's version text. Gathered on one thread, over the snapshot's connection.
 */
record SnapshotFacts(List<TableInfo> tables, List<TableCount> counts, long databaseSize, String serverVersion) {

    /**
     * @param tablesKnown told the table list as soon as it is read, before the (longer) counting
     */
    static SnapshotFacts gather(ServerInspector inspector, SnapshotSession snapshot, BackupOptions options,
                                Consumer<List<TableInfo>> tablesKnown) {
        return snapshot.guarded(() -> gatherUnguarded(inspector, snapshot, options, tablesKnown));
    }

    private static SnapshotFacts gatherUnguarded(ServerInspector inspector, SnapshotSession snapshot, BackupOptions options,
                                                 Consumer<List<TableInfo>> tablesKnown) {
        List<TableInfo> tables = inspector.dumpableTables(options.schemas(), options.excludeSchemas(),
                options.tables(), options.excludeTables());
        // rows of tables whose data is not dumped are not counted: a count would promise rows a restore cannot bring
        Set<Long> rowless = !options.dumpsRows() ? oids(tables) : options.dump().excludeTableData().isEmpty() ? Set.of()
                : oids(inspector.dumpableTables(List.of(), List.of(), options.dump().excludeTableData(), List.of()));
        List<TableInfo> withRows = tables.stream().filter(t -> !rowless.contains(t.oid())).toList();
        tablesKnown.accept(withRows);
        long size = inspector.databaseSize();
        String version = inspector.serverVersionText();
        Map<Long, TableCount> counted = new HashMap<>();
        List<TableCount> rows = snapshot.countRows(withRows);
        for (int i = 0; i < withRows.size(); i++) {
            counted.put(withRows.get(i).oid(), rows.get(i));
        }
        List<TableCount> counts = tables.stream().map(t -> counted.getOrDefault(t.oid(),
                new TableCount(t.schema(), t.name(), null))).toList();
        return new SnapshotFacts(tables, counts, size, version);
    }

    private static Set<Long> oids(List<TableInfo> tables) {
        return tables.stream().map(TableInfo::oid).collect(Collectors.toSet());
    }

    SnapshotFacts withCounts(List<TableCount> reconciled) {
        return new SnapshotFacts(tables, reconciled, databaseSize, serverVersion);
    }
}
