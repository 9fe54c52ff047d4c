package io.backupdesk.backup;

import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.DumpScope;
import io.backupdesk.core.TableCount;
import io.backupdesk.pg.ServerInspector;
import io.backupdesk.pg.SnapshotSession;
import io.backupdesk.pg.TableInfo;

import java.util.List;
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
        boolean schemaOnly = options.scope() == DumpScope.SCHEMA_ONLY;
        tablesKnown.accept(schemaOnly ? List.of() : tables);
        long size = inspector.databaseSize();
        String version = inspector.serverVersionText();
        List<TableCount> counts = schemaOnly
                ? tables.stream().map(t -> new TableCount(t.schema(), t.name(), null)).toList()
                : snapshot.countRows(tables);
        return new SnapshotFacts(tables, counts, size, version);
    }

    SnapshotFacts withCounts(List<TableCount> reconciled) {
        return new SnapshotFacts(tables, reconciled, databaseSize, serverVersion);
    }
}
