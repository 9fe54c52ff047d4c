package io.backupdesk.restore;

import io.backupdesk.core.QualifiedName;
import io.backupdesk.core.TableCount;
import io.backupdesk.pg.TocEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;

/**
 * Which entries of an archive a selective restore keeps: whole schemas, or single tables with what hangs on them.
 * Entries are matched by their exact schema and name fields and followed through the dependencies pg_dump recorded,
 * never by reading names out of text. The result is a {@code --use-list} that names entries by dump id; pg_restore
 * reads only the leading id of a line, and a line starting with ';' is a comment.
 */
final class RestoreSelection {
    /** Entries every restore needs: they set up the session, or provide types and operators tables use. */
    private static final Set<String> ALWAYS = Set.of("ENCODING", "STDSTRINGS", "SEARCHPATH", "EXTENSION");
    /** What a user can name as a table. */
    private static final Set<String> RELATIONS = Set.of("TABLE", "FOREIGN TABLE", "VIEW", "MATERIALIZED VIEW");
    /**
     * Entries that belong to the objects they depend on: kept with a kept object, unless they also need a table that
     * is not restored (a foreign key from another table, a partition of another table).
     */
    private static final Set<String> ATTACHED = Set.of("TABLE DATA", "MATERIALIZED VIEW DATA", "INDEX", "INDEX ATTACH",
            "CONSTRAINT", "CHECK CONSTRAINT", "FK CONSTRAINT", "DEFAULT", "TRIGGER", "RULE", "POLICY", "ROW SECURITY",
            "COMMENT", "ACL", "SECURITY LABEL", "SEQUENCE", "SEQUENCE OWNED BY", "SEQUENCE SET", "STATISTICS",
            "TABLE ATTACH");

    private RestoreSelection() { }

    /**
     * The lines of a {@code --use-list}: kept entries by their id, the others commented out.
     *
     * @param othersStay the target keeps the tables that are not restored (in place): a foreign key from a chosen
     *                   table to one of them is restored too; in a new database it could only fail, so it is left out
     */
    static List<String> useList(List<TocEntry> entries, List<String> schemas, List<String> tables, boolean othersStay) {
        return useList(entries, schemas, tables, List.of(), othersStay, false);
    }

    /** The plan's {@code --use-list}: its selection, and its rows in the order of their foreign keys where it needs. */
    static List<String> useList(List<TocEntry> entries, RestorePlan plan) {
        return useList(entries, plan.schemas(), plan.tables(), plan.flags().excludeSchemas(),
                plan.mode() == RestoreMode.IN_PLACE, plan.ordersRowsByForeignKeys());
    }

    /**
     * @param rowsInKeyOrder the rows go into tables that keep their foreign keys: pg_restore restores the entries of a
     *                       list in its order, so each table's rows come after those of the tables it refers to
     */
    private static List<String> useList(List<TocEntry> entries, List<String> schemas, List<String> tables,
                                        List<String> excluded, boolean othersStay, boolean rowsInKeyOrder) {
        Set<Integer> kept = kept(entries, schemas, tables, excluded, othersStay);
        List<TocEntry> ordered = rowsInKeyOrder ? TableDataOrder.referencedFirst(entries) : entries;
        List<String> lines = new ArrayList<>();
        for (TocEntry e : ordered) {
            // the names after ';' are for a person reading the file; pg_restore ignores them, and control characters
            // are blanked so that a name with a line break cannot start a line of its own
            String line = e.dumpId() + "; " + printable(e.desc() + " " + e.namespace() + " " + e.tag());
            lines.add(kept.contains(e.dumpId()) ? line : ";" + line);
        }
        return lines;
    }

    /**
     * For a plan whose rows go in the order of their foreign keys: the first rows that order takes from a later place
     * in the archive ({@code [moved, passed]}, see {@link TableDataOrder#firstMoved}); empty when none moves.
     */
    static Optional<TocEntry[]> rowsMoved(List<TocEntry> entries, RestorePlan plan) {
        if (!plan.ordersRowsByForeignKeys()) {
            return Optional.empty();
        }
        Set<Integer> kept = plan.selective() ? kept(entries, plan.schemas(), plan.tables(),
                plan.flags().excludeSchemas(), plan.mode() == RestoreMode.IN_PLACE)
                : entries.stream().map(TocEntry::dumpId).collect(java.util.stream.Collectors.toSet());
        return TableDataOrder.firstMoved(entries, kept);
    }

    /** The tables whose rows the plan restores, as the archive names them: those a restore in place empties first. */
    static List<TocEntry> tablesLoaded(List<TocEntry> entries, RestorePlan plan) {
        Set<Integer> kept = plan.selective() ? kept(entries, plan.schemas(), plan.tables(),
                plan.flags().excludeSchemas(), plan.mode() == RestoreMode.IN_PLACE) : null;
        return entries.stream().filter(e -> e.is("TABLE DATA") && (kept == null || kept.contains(e.dumpId()))).toList();
    }

    /** The tables the plan restores into, as the archive names them. */
    static List<TocEntry> tablesInScope(List<TocEntry> entries, RestorePlan plan) {
        Set<Integer> kept = plan.selective() ? kept(entries, plan.schemas(), plan.tables(),
                plan.flags().excludeSchemas(), plan.mode() == RestoreMode.IN_PLACE) : null;
        return entries.stream().filter(e -> (e.is("TABLE") || e.is("FOREIGN TABLE"))
                && (kept == null || kept.contains(e.dumpId()))).toList();
    }

    static Set<Integer> kept(List<TocEntry> entries, List<String> schemas, List<String> tables, boolean othersStay) {
        return kept(entries, schemas, tables, List.of(), othersStay);
    }

    /**
     * The entries kept: those chosen (every one when nothing is chosen), less the schemas left out with everything in
     * them and everything that belongs to what is left out (comments, grants, and, in a new database, foreign keys
     * pointing into them). A schema is left out by its exact name, never by a pattern.
     *
     * @param excluded schemas left out
     */
    static Set<Integer> kept(List<TocEntry> entries, List<String> schemas, List<String> tables, List<String> excluded,
                             boolean othersStay) {
        Set<Integer> kept = schemas.isEmpty() && tables.isEmpty() ? everything(entries, othersStay)
                : chosen(entries, schemas, tables, othersStay);
        if (excluded.isEmpty()) {
            return kept;
        }
        Set<Integer> gone = new HashSet<>();
        entries.stream().filter(e -> excluded.contains(e.namespace()) || e.is("SCHEMA") && excluded.contains(e.tag()))
                .forEach(e -> gone.add(e.dumpId()));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (TocEntry e : entries) {
                // in place the tables left out stay in the target, so a foreign key to them can be made
                boolean keyToWhatStays = othersStay && e.is("FK CONSTRAINT");
                if (!gone.contains(e.dumpId()) && ATTACHED.contains(e.desc()) && !keyToWhatStays
                        && e.dependencies().stream().anyMatch(gone::contains)) {
                    gone.add(e.dumpId());
                    grew = true;
                }
            }
        }
        kept.removeAll(gone);
        return kept;
    }

    /**
     * Everything, for a restore that only leaves schemas out. In place the extensions and schemas that are there stay
     * as they are: --clean would drop an extension with every column of its types, and a schema with whatever else
     * was made in it since.
     */
    private static Set<Integer> everything(List<TocEntry> entries, boolean othersStay) {
        Set<Integer> all = new HashSet<>();
        entries.stream().filter(e -> !(othersStay && (e.is("EXTENSION") || e.is("SCHEMA"))))
                .forEach(e -> all.add(e.dumpId()));
        if (othersStay) {
            // what hangs on an extension or a schema that stays goes with it
            Set<Integer> staying = new HashSet<>();
            entries.stream().filter(e -> e.is("EXTENSION") || e.is("SCHEMA")).forEach(e -> staying.add(e.dumpId()));
            entries.stream().filter(e -> (e.is("COMMENT") || e.is("ACL") || e.is("SECURITY LABEL"))
                    && e.dependencies().stream().anyMatch(staying::contains)).forEach(e -> all.remove(e.dumpId()));
        }
        return all;
    }

    /**
     * @param othersStay the target keeps what is not restored (in place): a chosen table's foreign keys to other
     *                   tables are restored with it, and the schema of a chosen table is not, since it is there and
     *                   --clean would try to drop it with everything else in it
     */
    private static Set<Integer> chosen(List<TocEntry> entries, List<String> schemas, List<String> tables,
                                       boolean othersStay) {
        List<QualifiedName> names = tables.stream().map(QualifiedName::parse).toList();
        Map<Integer, TocEntry> byId = new HashMap<>();
        entries.forEach(e -> byId.put(e.dumpId(), e));
        Set<Integer> kept = new HashSet<>();
        for (TocEntry e : entries) {
            boolean named = RELATIONS.contains(e.desc()) && names.stream().anyMatch(n -> n.matches(e.namespace(), e.tag()));
            boolean inSchema = !e.namespace().isEmpty() && schemas.contains(e.namespace());
            boolean schemaItself = e.is("SCHEMA") && schemas.contains(e.tag());
            // in place the extensions are there already, and --clean would drop them with every column of their types
            boolean always = ALWAYS.contains(e.desc()) && !(othersStay && e.is("EXTENSION"));
            if (always || named || inSchema || schemaItself) {
                kept.add(e.dumpId());
            }
        }
        Map<Integer, List<Integer>> sequenceUsers = new HashMap<>();
        entries.stream().filter(e -> e.is("DEFAULT") || e.is("SEQUENCE OWNED BY")).forEach(user -> user.dependencies()
                .forEach(d -> sequenceUsers.computeIfAbsent(d, k -> new ArrayList<>()).add(user.dumpId())));
        Set<String> keptSchemas = new HashSet<>(schemas);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (TocEntry e : entries) {
                if (!kept.contains(e.dumpId()) && (attachedToKept(e, kept, byId, othersStay)
                        || sequenceOfKept(e, kept, sequenceUsers))) {
                    kept.add(e.dumpId());
                    grew = true;
                }
            }
        }
        if (!othersStay) {
            entries.stream().filter(e -> kept.contains(e.dumpId()) && RELATIONS.contains(e.desc()))
                    .forEach(e -> keptSchemas.add(e.namespace()));
        }
        entries.stream().filter(e -> e.is("SCHEMA") && keptSchemas.contains(e.tag())).forEach(e -> kept.add(e.dumpId()));
        return kept;
    }

    /** The foreign keys a selective restore into a new database leaves out, as pg_dump tags them: "table key". */
    static List<String> foreignKeysLeftOut(List<TocEntry> entries, List<String> schemas, List<String> tables) {
        return foreignKeysLeftOut(entries, schemas, tables, List.of());
    }

    static List<String> foreignKeysLeftOut(List<TocEntry> entries, List<String> schemas, List<String> tables,
                                           List<String> excluded) {
        Set<Integer> inNew = kept(entries, schemas, tables, excluded, false);
        Set<Integer> inPlace = kept(entries, schemas, tables, excluded, true);
        return entries.stream().filter(e -> e.is("FK CONSTRAINT") && inPlace.contains(e.dumpId())
                && !inNew.contains(e.dumpId())).map(e -> e.namespace() + "." + e.tag()).toList();
    }

    /** Whether the backup's table is part of the plan's selection: what a selective restore is checked against. */
    static boolean includes(TableCount table, RestorePlan plan) {
        return !plan.flags().excludeSchemas().contains(table.schema()) && includes(table, plan.schemas(), plan.tables());
    }

    /** Whether the backup's table is part of the selection: what a selective restore is checked against. */
    static boolean includes(TableCount table, List<String> schemas, List<String> tables) {
        if (schemas.isEmpty() && tables.isEmpty()) {
            return true;
        }
        return schemas.contains(table.schema())
                || tables.stream().map(QualifiedName::parse).anyMatch(n -> n.matches(table.schema(), table.name()));
    }

    private static boolean attachedToKept(TocEntry e, Set<Integer> kept, Map<Integer, TocEntry> byId,
                                          boolean othersStay) {
        if (!ATTACHED.contains(e.desc()) || e.dependencies().stream().noneMatch(kept::contains)) {
            return false;
        }
        if (othersStay && e.is("FK CONSTRAINT")) {
            return true;
        }
        return e.dependencies().stream().map(byId::get)
                .noneMatch(d -> d != null && RELATIONS.contains(d.desc()) && !kept.contains(d.dumpId()));
    }

    /** A sequence a kept column default draws from, or one a kept table owns (serial columns). */
    private static boolean sequenceOfKept(TocEntry e, Set<Integer> kept, Map<Integer, List<Integer>> sequenceUsers) {
        return e.is("SEQUENCE") && sequenceUsers.getOrDefault(e.dumpId(), List.of()).stream().anyMatch(kept::contains);
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return out.toString();
    }
}
