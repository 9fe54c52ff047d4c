package io.backupdesk.pg;

import io.backupdesk.core.BackupDeskException;

import java.util.ArrayList;
import java.util.List;

/**
 * A pg_dump/psql name pattern ({@code -n}, {@code -t}) turned into PostgreSQL regular expressions, following psql's
 * rules: unquoted letters fold to lower case, {@code *} and {@code ?} are wildcards, an unquoted dot separates schema
 * from name, double quotes keep case and make every character literal, {@code $} is literal. An unqualified table
 * pattern only matches tables visible in the search path, as in pg_dump.
 *
 * @param schemaRegex the schema part, or null when the pattern has none
 */
public record PgNamePattern(String schemaRegex, String nameRegex) {
    private static final String REGEX_SPECIALS = "|*+?()[]{}.^$\\";

    public static PgNamePattern parse(String pattern) {
        List<StringBuilder> parts = new ArrayList<>();
        parts.add(new StringBuilder());
        boolean inQuotes = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            StringBuilder current = parts.get(parts.size() - 1);
            if (c == '"') {
                if (inQuotes && i + 1 < pattern.length() && pattern.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else {
                    inQuotes = !inQuotes;
                }
            } else if (inQuotes) {
                if (REGEX_SPECIALS.indexOf(c) >= 0) {
                    current.append('\\');
                }
                current.append(c);
            } else if (c == '.') {
                parts.add(new StringBuilder());
            } else if (c == '*') {
                current.append(".*");
            } else if (c == '?') {
                current.append('.');
            } else if (c == '$') {
                current.append("\\$");
            } else {
                // psql folds only ASCII letters in a UTF-8 database, as the server does for unquoted names
                current.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
            }
        }
        if (inQuotes || parts.size() > 2 || pattern.isBlank()) {
            throw BackupDeskException.configuration("'" + pattern + "' is not a valid name pattern.",
                    "Write NAME or SCHEMA.NAME; * and ? are wildcards, double quotes keep upper case.");
        }
        if (parts.size() == 1) {
            return new PgNamePattern(null, anchor(parts.get(0)));
        }
        return new PgNamePattern(anchor(parts.get(0)), anchor(parts.get(1)));
    }

    private static String anchor(StringBuilder part) {
        return "^(" + (part.length() == 0 ? ".*" : part) + ")$";
    }
}
