package io.backupdesk.restore;

import io.backupdesk.pg.SqlStatements;
import io.backupdesk.pg.SqlStatements.Token;
import io.backupdesk.pg.TargetServer;
import io.backupdesk.pg.TocEntry;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The database as its archive creates it with {@code --create}: the encoding, collation and character classes, and
 * locale provider of its CREATE DATABASE, read token by token from the archive's DATABASE entry. Only these values are
 * taken, each a constant or a bare word, and given to our own CREATE DATABASE; the archive's statement is never run,
 * so it cannot create anything else or under another name.
 */
final class ArchiveDatabase {
    private ArchiveDatabase() { }

    /**
     * @param noTablespaces leave out the tablespace the database had, as for its objects
     * @return empty when the archive holds no such statement (then the server's defaults apply)
     */
    static Optional<TargetServer.DatabaseTraits> traits(List<TocEntry> entries, boolean noTablespaces) {
        Optional<String> sql = entries.stream().filter(e -> e.is("DATABASE") && !e.sql().isBlank())
                .map(TocEntry::sql).findFirst();
        if (sql.isEmpty()) {
            return Optional.empty();
        }
        List<List<Token>> statements = new ArrayList<>();
        try {
            SqlStatements.scanAll(new StringReader(sql.get()), statements::add);
        } catch (IOException e) {
            return Optional.empty();
        }
        return statements.stream().filter(s -> s.size() > 3 && s.get(0).isWord("CREATE") && s.get(1).isWord("DATABASE"))
                .findFirst().flatMap(s -> read(options(s), noTablespaces));
    }

    /** "KEY = value" pairs after CREATE DATABASE name [WITH], keys in upper case, values as the server reads them. */
    static Map<String, String> options(List<Token> statement) {
        Map<String, String> options = new HashMap<>();
        int i = statement.size() > 3 && statement.get(3).isWord("WITH") ? 4 : 3;
        while (i < statement.size()) {
            Token key = statement.get(i);
            boolean equals = i + 1 < statement.size() && statement.get(i + 1).text().equals("=")
                    && statement.get(i + 1).kind() == SqlStatements.Kind.PUNCT;
            int valueAt = equals ? i + 2 : i + 1;
            if (key.kind() != SqlStatements.Kind.WORD || valueAt >= statement.size()) {
                break;
            }
            Token value = statement.get(valueAt);
            options.put(key.text().toUpperCase(Locale.ROOT), value.kind() == SqlStatements.Kind.WORD ? value.name()
                    : value.text());
            i = valueAt + 1;
        }
        return options;
    }

    private static Optional<TargetServer.DatabaseTraits> read(Map<String, String> o, boolean noTablespaces) {
        String encoding = o.get("ENCODING");
        String collate = o.getOrDefault("LC_COLLATE", o.get("LOCALE"));
        String ctype = o.getOrDefault("LC_CTYPE", o.get("LOCALE"));
        if (encoding == null || collate == null || ctype == null) {
            return Optional.empty();
        }
        String provider = switch (o.getOrDefault("LOCALE_PROVIDER", "libc").toLowerCase(Locale.ROOT)) {
            case "icu" -> "i";
            case "builtin" -> "b";
            default -> "c";
        };
        String locale = switch (provider) {
            case "i" -> o.getOrDefault("ICU_LOCALE", o.get("LOCALE"));
            case "b" -> o.getOrDefault("BUILTIN_LOCALE", o.get("LOCALE"));
            default -> null;
        };
        String tablespace = noTablespaces ? null : o.get("TABLESPACE");
        return Optional.of(new TargetServer.DatabaseTraits(null, encoding, collate, ctype, provider, locale, tablespace));
    }
}
