package io.backupdesk.restore;

import io.backupdesk.pg.SqlStatements;
import io.backupdesk.pg.SqlStatements.Token;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What only an archive's SQL says, not the fields of its table of contents: which roles its privileges are granted
 * to (so that pre-flight can name those the target lacks). Read from the statements of its grants, token by token,
 * so a quoted role name is read whole whatever it contains.
 *
 * @param grantees roles named by GRANT, REVOKE, ALTER DEFAULT PRIVILEGES and SET SESSION AUTHORIZATION, PUBLIC left out
 */
record ArchiveSql(Set<String> grantees) {
    static final ArchiveSql NONE = new ArchiveSql(Set.of());
    static final Set<String> FIRST_WORDS = Set.of("GRANT", "REVOKE", "ALTER", "SET");

    ArchiveSql {
        grantees = Set.copyOf(grantees);
    }

    /** The grantees of a piece of SQL, e.g. the grants of one ACL entry. */
    static void granteesOf(String sql, Set<String> into) {
        try {
            SqlStatements.scan(new StringReader(sql), FIRST_WORDS, statement -> granteesOf(statement, into));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ArchiveSql of(String sql) {
        Set<String> grantees = new TreeSet<>();
        granteesOf(sql, grantees);
        return new ArchiveSql(grantees);
    }

    /** Adds the roles one statement names as grantee, grantor's stand-in or default-privilege owner. */
    static void granteesOf(List<Token> s, Set<String> into) {
        if (s.size() >= 4 && s.get(0).isWord("SET") && s.get(1).isWord("SESSION") && s.get(2).isWord("AUTHORIZATION")) {
            if (s.get(3).isIdentifier() && !s.get(3).isWord("DEFAULT") || s.get(3).kind() == SqlStatements.Kind.STRING) {
                into.add(s.get(3).name());
            }
            return;
        }
        int start = 0;
        if (s.get(0).isWord("ALTER")) {
            if (s.size() < 3 || !s.get(1).isWord("DEFAULT") || !s.get(2).isWord("PRIVILEGES")) {
                return;
            }
            if (s.size() > 5 && s.get(3).isWord("FOR") && (s.get(4).isWord("ROLE") || s.get(4).isWord("USER"))) {
                roles(s, 5, into);
            }
            start = indexOfWord(s, 3, "GRANT", "REVOKE");
            if (start < 0) {
                return;
            }
        }
        String keyword = s.get(start).isWord("GRANT") ? "TO" : s.get(start).isWord("REVOKE") ? "FROM" : null;
        if (keyword == null) {
            return;
        }
        // reserved words such as TO and FROM are always quoted by pg_dump when they are names, so the first bare
        // one is the keyword
        int at = indexOfWord(s, start + 1, keyword);
        if (at >= 0) {
            roles(s, at + 1, into);
        }
    }

    /** A comma-separated list of roles from {@code from} on, up to the first word that is not part of it. */
    private static void roles(List<Token> s, int from, Set<String> into) {
        for (int i = from; i < s.size(); i++) {
            Token t = s.get(i);
            if (t.isWord("GROUP") || t.kind() == SqlStatements.Kind.PUNCT && t.text().equals(",")) {
                continue;
            }
            if (!t.isIdentifier() || t.isWord("WITH") || t.isWord("GRANTED") || t.isWord("CASCADE")
                    || t.isWord("RESTRICT") || t.isWord("IN") || t.isWord("GRANT") || t.isWord("REVOKE")) {
                return;
            }
            if (!t.isWord("PUBLIC")) {
                into.add(t.name());
            }
        }
    }

    private static int indexOfWord(List<Token> s, int from, String... words) {
        for (int i = from; i < s.size(); i++) {
            for (String w : words) {
                if (s.get(i).isWord(w)) {
                    return i;
                }
            }
        }
        return -1;
    }
}
