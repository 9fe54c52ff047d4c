package io.backupdesk.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table as a user names it for a selective restore: "schema.table", or "table" for a table of that name in any
 * schema. A part is taken exactly as written (case, spaces, non-ASCII kept); a part that holds a dot or a double
 * quote is written in double quotes, with a double quote inside doubled, as in SQL: {@code "my.schema"."t.1"},
 * {@code "say ""hi"""}. Unlike SQL, a bare part is not folded to lower case: it has always meant the exact name.
 *
 * @param schema the schema, or null for any schema
 * @param name   the table's name
 */
public record QualifiedName(String schema, String name) {

    public QualifiedName {
        Objects.requireNonNull(name, "name");
    }

    /** Reads a table as the user wrote it; a text that is not one (empty part, stray quote, three parts) is refused. */
    public static QualifiedName parse(String text) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (true) {
            StringBuilder part = new StringBuilder();
            if (i < text.length() && text.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw invalid(text, "a quote is not closed");
                    }
                    char c = text.charAt(i++);
                    if (c == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            i++;
                        } else {
                            break;
                        }
                    }
                    part.append(c);
                }
            } else {
                while (i < text.length() && text.charAt(i) != '.') {
                    char c = text.charAt(i++);
                    if (c == '"') {
                        throw invalid(text, "a double quote inside a name needs the whole name in quotes");
                    }
                    part.append(c);
                }
            }
            if (part.length() == 0) {
                throw invalid(text, "a name is empty");
            }
            parts.add(part.toString());
            if (i >= text.length()) {
                break;
            }
            if (text.charAt(i) != '.') {
                throw invalid(text, "a quoted name must be followed by a dot or nothing");
            }
            i++;
        }
        if (parts.size() > 2) {
            throw invalid(text, "it has more than a schema and a name");
        }
        return parts.size() == 1 ? new QualifiedName(null, parts.get(0)) : new QualifiedName(parts.get(0), parts.get(1));
    }

    /** How to write a table so that {@link #parse} reads it back: quotes only where a part needs them. */
    public static String format(String schema, String name) {
        return (schema == null ? "" : quoteIfNeeded(schema) + ".") + quoteIfNeeded(name);
    }

    public boolean matches(String tableSchema, String tableName) {
        return name.equals(tableName) && (schema == null || schema.equals(tableSchema));
    }

    @Override
    public String toString() {
        return format(schema, name);
    }

    private static String quoteIfNeeded(String part) {
        return part.isEmpty() || part.indexOf('.') >= 0 || part.indexOf('"') >= 0
                ? "\"" + part.replace("\"", "\"\"") + "\"" : part;
    }

    private static BackupDeskException invalid(String text, String why) {
        return BackupDeskException.configuration("The table '" + text + "' cannot be read: " + why + ".",
                "Write SCHEMA.TABLE or TABLE; put a part that holds a dot or a double quote in double quotes,"
                        + " e.g. \"my.schema\".\"t.1\".");
    }
}
