package io.backupdesk.restore;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of {@code pg_restore --list}: "id; catalog-oid object-oid TYPE schema name owner". Types may be several
 * words ("TABLE DATA", "FK CONSTRAINT"), so the longest known type wins; schema and owner are "-" where none applies.
 */
public record TocEntry(String line, String type, String schema, String name, String owner) {
    private static final Pattern ENTRY = Pattern.compile("^\\d+; \\d+ \\d+ (.+)$");
    private static final List<String> MULTI_WORD_TYPES = List.of(
            "TABLE DATA", "TABLE ATTACH", "FK CONSTRAINT", "CHECK CONSTRAINT", "SEQUENCE SET", "SEQUENCE OWNED BY",
            "MATERIALIZED VIEW DATA", "MATERIALIZED VIEW", "DEFAULT ACL", "INDEX ATTACH", "EVENT TRIGGER",
            "FOREIGN TABLE", "FOREIGN DATA WRAPPER", "FOREIGN SERVER", "USER MAPPING", "ROW SECURITY", "SECURITY LABEL",
            "LARGE OBJECT", "BLOB METADATA", "OPERATOR CLASS", "OPERATOR FAMILY", "PROCEDURAL LANGUAGE",
            "PUBLICATION TABLES IN SCHEMA", "PUBLICATION TABLE", "TEXT SEARCH CONFIGURATION", "TEXT SEARCH DICTIONARY",
            "TEXT SEARCH PARSER", "TEXT SEARCH TEMPLATE", "ACCESS METHOD", "SHELL TYPE", "DATABASE PROPERTIES");
    private static final List<String> BY_LENGTH = MULTI_WORD_TYPES.stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();

    /** The entry on this line, or empty for comments and blank lines. */
    public static Optional<TocEntry> parse(String line) {
        Matcher m = ENTRY.matcher(line);
        if (line.startsWith(";") || !m.find()) {
            return Optional.empty();
        }
        String rest = m.group(1);
        String type = BY_LENGTH.stream().filter(t -> rest.startsWith(t + " ")).findFirst()
                .orElse(rest.substring(0, Math.max(0, rest.indexOf(' '))));
        String[] tail = rest.substring(type.length()).trim().split(" ");
        if (type.isEmpty() || tail.length < 2) {
            return Optional.empty();
        }
        String schema = tail[0];
        String owner = tail[tail.length - 1];
        String name = String.join(" ", List.of(tail).subList(1, tail.length - 1));
        return Optional.of(new TocEntry(line, type, schema, name, owner));
    }
}
