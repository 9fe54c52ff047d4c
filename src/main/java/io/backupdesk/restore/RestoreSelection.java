package io.backupdesk.restore;

import io.backupdesk.core.TableCount;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which parts of an archive a selective restore keeps: whole schemas, or single tables with what hangs on them
 * (data, defaults, constraints, indexes, triggers, sequences named after them, comments and grants). The result is
 * a {@code --use-list} file in which every other entry is commented out.
 */
final class RestoreSelection {
    /** Entries every restore needs: they set up the session, not objects. */
    private static final Set<String> SESSION_TYPES = Set.of("ENCODING", "STDSTRINGS", "SEARCHPATH", "EXTENSION");

    private RestoreSelection() { }

    /**
     * @param indexTables each index's table, "schema.name" to "schema.name" ({@link ArchiveSql})
     */
    static List<String> useList(List<TocEntry> entries, List<String> schemas, List<String> tables,
                                Map<String, String> indexTables) {
        List<String> lines = new ArrayList<>();
        for (TocEntry entry : entries) {
            boolean keep = keeps(entry, schemas, tables) || entry.type().equals("INDEX")
                    && tables.stream().anyMatch(t -> sameTable(indexTables.get(entry.schema() + "." + entry.name()), t));
            lines.add(keep ? entry.line() : ";" + entry.line());
        }
        return lines;
    }

    /** A table of the archive ("schema.name") against one the user named, with or without its schema. */
    private static boolean sameTable(String archived, String named) {
        if (archived == null) {
            return false;
        }
        return schemaOf(named).isEmpty() ? nameOf(archived).equals(named) : archived.equals(named);
    }

    static boolean keeps(TocEntry e, List<String> schemas, List<String> tables) {
        if (SESSION_TYPES.contains(e.type())) {
            return true;
        }
        if (e.type().equals("SCHEMA")) {
            return schemas.contains(e.name()) || tables.stream().anyMatch(t -> schemaOf(t).equals(e.name()));
        }
        if (schemas.contains(e.schema())) {
            return true;
        }
        return tables.stream().anyMatch(t -> belongsTo(e, t));
    }

    /** Whether the backup's table is part of the selection: what a selective restore is checked against. */
    static boolean includes(TableCount table, List<String> schemas, List<String> tables) {
        if (schemas.isEmpty() && tables.isEmpty()) {
            return true;
        }
        return schemas.contains(table.schema()) || tables.stream().anyMatch(t ->
                nameOf(t).equals(table.name()) && (schemaOf(t).isEmpty() || schemaOf(t).equals(table.schema())));
    }

    private static boolean belongsTo(TocEntry e, String table) {
        String schema = schemaOf(table);
        String name = nameOf(table);
        if (!schema.isEmpty() && !schema.equals(e.schema())) {
            return false;
        }
        return e.name().equals(name) || e.name().startsWith(name + " ") || e.name().equals("TABLE " + name)
                || (e.type().startsWith("SEQUENCE") && e.name().startsWith(name + "_"));
    }

    private static String schemaOf(String qualified) {
        int dot = qualified.indexOf('.');
        return dot < 0 ? "" : qualified.substring(0, dot);
    }

    private static String nameOf(String qualified) {
        return qualified.substring(qualified.indexOf('.') + 1);
    }
}
