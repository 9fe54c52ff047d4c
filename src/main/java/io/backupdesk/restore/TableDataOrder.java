package io.backupdesk.restore;

import io.backupdesk.pg.TocEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entries of an archive with the rows of each table after those of the tables its foreign keys refer to. pg_dump
 * orders the rows of a whole dump by name (the keys are made after them), so rows loaded into tables that already
 * have their keys would fail on the first row whose referenced row is not there yet. Only the rows move, among the
 * places rows had; every other entry keeps its place. Tables in a cycle of keys keep the archive's order among
 * themselves (disabling the triggers is the way through them).
 *
 * <p>Which table a key refers to is read from the dependencies pg_dump recorded, never from names: a key depends on
 * its table, on the table it refers to, and on that table's unique constraint or index.
 */
final class TableDataOrder {
    private static final Set<String> RELATIONS = Set.of("TABLE", "FOREIGN TABLE");
    private static final Set<String> UNIQUE = Set.of("CONSTRAINT", "INDEX");

    private TableDataOrder() { }

    static List<TocEntry> referencedFirst(List<TocEntry> entries) {
        Map<Integer, TocEntry> byId = new HashMap<>();
        entries.forEach(e -> byId.put(e.dumpId(), e));
        List<TocEntry> rows = entries.stream().filter(e -> e.is("TABLE DATA")).toList();
        Map<Integer, TocEntry> rowsOfTable = new HashMap<>();
        rows.forEach(r -> tableOf(r, byId).ifPresent(t -> rowsOfTable.put(t, r)));
        // table -> the tables it refers to, among those whose rows are in the archive
        Map<Integer, Set<Integer>> refersTo = new HashMap<>();
        for (TocEntry key : entries) {
            if (!key.is("FK CONSTRAINT")) {
                continue;
            }
            Set<Integer> referenced = new HashSet<>();
            key.dependencies().stream().map(byId::get).filter(d -> d != null && UNIQUE.contains(d.desc()))
                    .forEach(unique -> unique.dependencies().stream().filter(id -> isRelation(byId.get(id)))
                            .forEach(referenced::add));
            key.dependencies().stream().filter(id -> isRelation(byId.get(id)) && !referenced.contains(id))
                    .forEach(table -> refersTo.computeIfAbsent(table, t -> new HashSet<>()).addAll(referenced));
        }
        List<TocEntry> sorted = sort(rows, rowsOfTable, refersTo, byId);
        List<TocEntry> out = new ArrayList<>(entries.size());
        int next = 0;
        for (TocEntry e : entries) {
            out.add(e.is("TABLE DATA") ? sorted.get(next++) : e);
        }
        return out;
    }

    /** Rows in the archive's order, each table's only once all the tables it refers to are placed; cycles last. */
    private static List<TocEntry> sort(List<TocEntry> rows, Map<Integer, TocEntry> rowsOfTable,
                                       Map<Integer, Set<Integer>> refersTo, Map<Integer, TocEntry> byId) {
        Set<TocEntry> left = new LinkedHashSet<>(rows);
        Set<Integer> placedTables = new HashSet<>();
        List<TocEntry> sorted = new ArrayList<>();
        boolean placed = true;
        while (!left.isEmpty() && placed) {
            placed = false;
            for (TocEntry r : List.copyOf(left)) {
                Integer table = tableOf(r, byId).orElse(null);
                boolean ready = table == null || refersTo.getOrDefault(table, Set.of()).stream()
                        .allMatch(t -> t.equals(table) || placedTables.contains(t) || !rowsOfTable.containsKey(t));
                if (ready) {
                    sorted.add(r);
                    left.remove(r);
                    if (table != null) {
                        placedTables.add(table);
                    }
                    placed = true;
                    break;
                }
            }
        }
        sorted.addAll(left);
        return sorted;
    }

    /**
     * The first pair of kept rows the order moves: {@code [moved, passed]}, where the rows of {@code moved} go in
     * before those of {@code passed} (which depend on them through foreign keys) but come after them in the archive. Empty when the kept
     * rows keep the archive's order, so that an archive read only front to back (tar) can be restored in it.
     */
    static java.util.Optional<TocEntry[]> firstMoved(List<TocEntry> entries, Set<Integer> kept) {
        Map<Integer, Integer> position = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            position.put(entries.get(i).dumpId(), i);
        }
        TocEntry furthest = null;
        for (TocEntry e : referencedFirst(entries)) {
            if (!e.is("TABLE DATA") || !kept.contains(e.dumpId())) {
                continue;
            }
            if (furthest != null && position.get(e.dumpId()) < position.get(furthest.dumpId())) {
                return java.util.Optional.of(new TocEntry[] {furthest, e});
            }
            if (furthest == null || position.get(e.dumpId()) > position.get(furthest.dumpId())) {
                furthest = e;
            }
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<Integer> tableOf(TocEntry rows, Map<Integer, TocEntry> byId) {
        return rows.dependencies().stream().filter(id -> isRelation(byId.get(id))).findFirst();
    }

    private static boolean isRelation(TocEntry e) {
        return e != null && RELATIONS.contains(e.desc());
    }
}
