package io.backupdesk.restore;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.pg.TargetServer;
import io.backupdesk.pg.TocEntry;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rows or post-data restored in place into the tables that are there, without their definitions: the tables must
 * exist, and before the rows go in they are emptied, so that afterwards they hold the backup's rows and no others.
 * A table that another table (not restored) refers to cannot be emptied without breaking that table's rows; it is
 * found before anything changes. Works on a connection to the target database.
 */
final class RowsInPlace {
    private RowsInPlace() { }

    /** Tables as the archive names them: schema and name, exact. */
    record Table(String schema, String name) {
        @Override
        public String toString() {
            return TargetServer.quoteIdent(schema) + "." + TargetServer.quoteIdent(name);
        }
    }

    /** The pre-flight's word on the tables the restore writes into; reads, changes nothing. */
    static PreflightCheck check(Connection target, RestorePlan plan, ArchiveContents contents) throws SQLException {
        String db = plan.database();
        Set<Table> inScope = tables(RestoreSelection.tablesInScope(contents.entries(), plan));
        Set<Table> there = new HashSet<>();
        List<String[]> keys = new ArrayList<>();
        try (Statement st = target.createStatement()) {
            try (ResultSet rs = st.executeQuery("select n.nspname, c.relname from pg_catalog.pg_class c"
                    + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r', 'p', 'f')")) {
                while (rs.next()) {
                    there.add(new Table(rs.getString(1), rs.getString(2)));
                }
            }
            try (ResultSet rs = st.executeQuery("select rn.nspname, r.relname, fn.nspname, f.relname, k.conname"
                    + " from pg_catalog.pg_constraint k join pg_catalog.pg_class r on r.oid = k.conrelid"
                    + " join pg_catalog.pg_namespace rn on rn.oid = r.relnamespace"
                    + " join pg_catalog.pg_class f on f.oid = k.confrelid"
                    + " join pg_catalog.pg_namespace fn on fn.oid = f.relnamespace where k.contype = 'f'")) {
                while (rs.next()) {
                    keys.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)});
                }
            }
        }
        List<String> missing = inScope.stream().filter(t -> !there.contains(t)).map(Table::toString).sorted().toList();
        if (!missing.isEmpty()) {
            return PreflightCheck.block(CheckId.TABLES, "Without their definitions, the backup's rows and indexes go"
                    + " into the tables " + db + " has, and it lacks " + shown(missing) + ".",
                    "Restore the whole backup in place, or the definitions (pre-data) into a new database.");
        }
        if (!plan.loadsIntoExistingTables()) {
            return PreflightCheck.ok(CheckId.TABLES, "Every table the backup's post-data needs is in " + db + ".");
        }
        Set<Table> emptied = tables(RestoreSelection.tablesLoaded(contents.entries(), plan));
        List<String> blocking = keys.stream().filter(k -> emptied.contains(new Table(k[2], k[3]))
                        && !emptied.contains(new Table(k[0], k[1])))
                .map(k -> new Table(k[0], k[1]) + " refers to " + new Table(k[2], k[3]) + " (" + k[4] + ")")
                .sorted().toList();
        if (!blocking.isEmpty()) {
            return PreflightCheck.block(CheckId.TABLES, "The rows of " + emptied.size() + " table"
                    + (emptied.size() == 1 ? "" : "s") + " are replaced, so they are emptied first, but tables whose"
                    + " rows stay refer to them: " + shown(blocking) + ".",
                    "Restore the rows of those tables too, or the whole backup.");
        }
        if (plan.source().record().format() == BackupFormat.TAR) {
            // pg_restore reads a tar file front to back only: rows it has passed cannot be loaded later (it stops with
            // "restoring data out of order is not supported in this archive format" after loading what came first)
            var moved = RestoreSelection.rowsMoved(contents.entries(), plan);
            if (moved.isPresent()) {
                Table first = new Table(moved.get()[0].namespace(), moved.get()[0].tag());
                Table then = new Table(moved.get()[1].namespace(), moved.get()[1].tag());
                return PreflightCheck.block(CheckId.TABLES, "The rows of " + first + " must go in before those of "
                        + then + " (in the order of their foreign keys), but this tar backup holds them after, and"
                        + " pg_restore reads a tar file only from front to back.",
                        "Restore post-data as well (its keys are dropped while the rows load and made again), disable"
                        + " the triggers as a superuser, or restore a custom or directory backup of the database.");
            }
        }
        return PreflightCheck.ok(CheckId.TABLES, "The rows of " + emptied.size() + " table"
                + (emptied.size() == 1 ? "" : "s") + " of " + db + " are replaced by the backup's: each is emptied"
                + " first, then loaded after the tables it refers to.");
    }

    /** Empties the tables whose rows are restored, in one statement (all or none), never beyond them. */
    static void empty(Connection target, List<TocEntry> loaded) throws SQLException {
        if (loaded.isEmpty()) {
            return;
        }
        String list = tables(loaded).stream().map(Table::toString).collect(Collectors.joining(", "));
        try (Statement st = target.createStatement()) {
            // ONLY: each table's own rows are an entry of their own, and inheriting tables have theirs
            st.execute("truncate only " + list);
        }
    }

    private static Set<Table> tables(List<TocEntry> entries) {
        Set<Table> tables = new java.util.LinkedHashSet<>();
        entries.forEach(e -> tables.add(new Table(e.namespace(), e.tag())));
        return tables;
    }

    private static String shown(List<String> names) {
        return names.size() <= 8 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 8)) + " and " + (names.size() - 8) + " more";
    }
}
