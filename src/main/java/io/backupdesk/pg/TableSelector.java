package io.backupdesk.pg;

import io.backupdesk.core.BackupDeskException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Applies pg_dump's selection rules to the list of dumpable tables: with {@code -t} only matching tables are dumped
 * and {@code -n}/{@code -N} have no effect; otherwise {@code -n} limits and {@code -N} removes schemas; {@code -T}
 * always removes tables. The matching itself is done by the server, with its own regular expressions.
 */
final class TableSelector {
    /** Evaluates patterns against the server's catalog. */
    interface Matcher {
        Set<Long> tableOids(PgNamePattern pattern);

        Set<String> schemaNames(PgNamePattern pattern);
    }

    private final Matcher matcher;

    TableSelector(Matcher matcher) {
        this.matcher = matcher;
    }

    List<TableInfo> select(List<TableInfo> all, List<String> schemas, List<String> excludeSchemas,
                           List<String> tables, List<String> excludeTables) {
        boolean byTable = !tables.isEmpty();
        Set<Long> includedTables = byTable ? union(tables, matcher::tableOids) : Set.of();
        Set<Long> excludedTables = union(excludeTables, matcher::tableOids);
        Set<String> includedSchemas = !byTable && !schemas.isEmpty() ? union(schemas, this::schemaNames) : null;
        Set<String> excludedSchemas = byTable ? Set.of() : union(excludeSchemas, this::schemaNames);
        return all.stream()
                .filter(t -> !byTable || includedTables.contains(t.oid()))
                .filter(t -> includedSchemas == null || includedSchemas.contains(t.schema()))
                .filter(t -> !excludedSchemas.contains(t.schema()))
                .filter(t -> !excludedTables.contains(t.oid()))
                .toList();
    }

    private Set<String> schemaNames(PgNamePattern pattern) {
        if (pattern.schemaRegex() != null) {
            throw BackupDeskException.configuration("A schema pattern cannot contain a dot outside double quotes.",
                    "Write the schema name alone, e.g. sales.");
        }
        return matcher.schemaNames(pattern);
    }

    private static <T> Set<T> union(List<String> patterns, Function<PgNamePattern, Set<T>> match) {
        Set<T> result = new HashSet<>();
        for (String text : patterns) {
            result.addAll(match.apply(PgNamePattern.parse(text)));
        }
        return result;
    }
}
