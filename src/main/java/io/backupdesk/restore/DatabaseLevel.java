package io.backupdesk.restore;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.pg.ArchiveToc;
import io.backupdesk.pg.SqlStatements;
import io.backupdesk.pg.SqlStatements.Token;
import io.backupdesk.pg.TargetServer;
import io.backupdesk.pg.TocEntry;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a database itself carried when it was dumped, as its archive holds it: its owner, its settings (ALTER DATABASE
 * ... SET, and ALTER ROLE ... IN DATABASE ... SET), connection limit, comment, security labels and the privileges
 * granted on it. pg_restore runs these entries only with --create, which restores under the dumped name alone; here
 * they are given to the database restored from the archive under whatever name it has.
 *
 * <p>Each statement is read token by token and must be one of the shapes pg_dump writes for the database, naming the
 * dumped database where the database is named; it then names the restored one instead. Anything else (another
 * statement, a psql command, text cut off inside a quote) is refused and never run, so an archive can change nothing
 * but the database restored from it.
 *
 * @param dumpedAs   the database's name when it was dumped
 * @param owner      the role that owned it, null where the archive does not say
 * @param statements what to run, in pg_restore's order: settings, then comment and labels, then privileges last
 * @param refused    statements of those entries that are not what pg_dump writes for a database, as read
 */
public record DatabaseLevel(String dumpedAs, String owner, List<List<Token>> statements, List<String> refused) {
    /** A plain SQL dump made without --create holds none of it. */
    public static final DatabaseLevel NONE = new DatabaseLevel(null, null, List.of(), List.of());

    private static final Set<String> DATABASE_CLAUSES = Set.of("SET", "RESET", "CONNECTION", "IS_TEMPLATE",
            "ALLOW_CONNECTIONS");
    /** pg_restore's order: properties with the schema, then comments and labels, grants in a pass of their own. */
    private static final List<String> ORDER = List.of("DATABASE PROPERTIES", "COMMENT", "SECURITY LABEL", "ACL");

    public DatabaseLevel {
        statements = statements.stream().map(List::copyOf).toList();
        refused = List.copyOf(refused);
    }

    /** The database's own entries of an archive's table of contents. */
    public static DatabaseLevel of(ArchiveToc toc) {
        return of(toc.database(), toc.entries());
    }

    /** The same from entries read before, the database named as the archive's header names it. */
    static DatabaseLevel of(String dumped, List<TocEntry> entries) {
        String owner = entries.stream().filter(e -> e.is("DATABASE") && !e.owner().isEmpty())
                .map(TocEntry::owner).findFirst().orElse(null);
        List<List<Token>> statements = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        entries.stream().filter(TocEntry::ofTheDatabase)
                .sorted(Comparator.comparingInt(e -> ORDER.indexOf(e.desc())))
                .forEach(e -> scan(e.sql()).forEach(s -> {
                    int at = nameAt(s);
                    if (sessionAuthorization(s) || at >= 0 && s.get(at).name().equals(dumped)) {
                        statements.add(s);
                    } else {
                        refused.add(render(s, -1, null));
                    }
                }));
        return new DatabaseLevel(dumped, owner, statements, refused);
    }

    /** The statements as {@link #giveTo} runs them on a database restored under this name, owner aside. */
    List<String> sqlFor(String database) {
        return statements.stream().map(s -> render(s, nameAt(s), database)).toList();
    }

    /** What it gives, in a few words for a preview: "owner app, 2 settings, comment, 3 privilege statements". */
    public String summary() {
        List<String> parts = new ArrayList<>();
        if (owner != null) {
            parts.add("owner " + owner);
        }
        long settings = statements.stream().filter(s -> s.get(0).isWord("ALTER")).count();
        long grants = statements.stream().filter(s -> s.get(0).isWord("GRANT") || s.get(0).isWord("REVOKE")).count();
        if (settings > 0) {
            parts.add(settings + " setting" + (settings == 1 ? "" : "s"));
        }
        if (statements.stream().anyMatch(s -> s.get(0).isWord("COMMENT"))) {
            parts.add("comment");
        }
        if (grants > 0) {
            parts.add(grants + " privilege statement" + (grants == 1 ? "" : "s"));
        }
        return parts.isEmpty() ? "nothing beyond the defaults" : String.join(", ", parts);
    }

    /**
     * Gives a restored database all this, statement by statement on the server's maintenance connection: the owner
     * first (as CREATE DATABASE's ALTER ... OWNER comes first), then the rest in order. One that fails (a role the
     * target lacks) does not stop the others; grants made in the name of a role that could not be taken on are not
     * made in the login's name instead.
     *
     * @param noOwner      the database stays the restoring login's, as its objects do with no-owner
     * @param noPrivileges its grants are left out, as its objects' are with no-privileges
     */
    public DatabaseLevelReport giveTo(TargetServer server, String database, boolean noOwner, boolean noPrivileges) {
        List<String> given = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        if (owner != null && !noOwner) {
            run(server, "ALTER DATABASE " + TargetServer.quoteIdent(database) + " OWNER TO "
                    + TargetServer.quoteIdent(owner), given, failed);
        }
        boolean grantorMissing = false;
        for (List<Token> s : statements) {
            if (noPrivileges && isPrivilege(s)) {
                continue;
            }
            String sql = render(s, nameAt(s), database);
            if (grantorMissing && !s.get(0).isWord("RESET")) {
                failed.add(sql + ": not run, since the role that granted it could not be taken on");
                continue;
            }
            boolean ok = run(server, sql, given, failed);
            if (sessionAuthorization(s)) {
                grantorMissing = s.get(0).isWord("SET") && !ok;
            }
        }
        return new DatabaseLevelReport(database, given, failed, refused, null);
    }

    private static boolean isPrivilege(List<Token> s) {
        return s.get(0).isWord("GRANT") || s.get(0).isWord("REVOKE") || sessionAuthorization(s);
    }

    private static boolean run(TargetServer server, String sql, List<String> given, List<String> failed) {
        try {
            server.execute(sql);
            given.add(sql);
            return true;
        } catch (BackupDeskException e) {
            failed.add(sql + ": " + e.getMessage());
            return false;
        }
    }

    /** Whether this is SET SESSION AUTHORIZATION or its RESET, which pg_dump wraps around grants by another grantor. */
    static boolean sessionAuthorization(List<Token> s) {
        if (s.size() < 3) {
            return false;
        }
        boolean set = s.size() == 4 && s.get(0).isWord("SET") && s.get(3).isIdentifier();
        boolean reset = s.size() == 3 && s.get(0).isWord("RESET");
        return (set || reset) && s.get(1).isWord("SESSION") && s.get(2).isWord("AUTHORIZATION");
    }

    /**
     * Where a statement names the database, or -1 when it is not one of the shapes pg_dump writes for a database:
     * ALTER DATABASE d SET|RESET|CONNECTION LIMIT|IS_TEMPLATE|ALLOW_CONNECTIONS, ALTER ROLE r IN DATABASE d SET|RESET,
     * COMMENT ON DATABASE d, SECURITY LABEL [FOR p] ON DATABASE d, GRANT|REVOKE ... ON DATABASE d.
     */
    static int nameAt(List<Token> s) {
        if (s.size() < 2 || sessionAuthorization(s)) {
            return -1;
        }
        Token first = s.get(0);
        if (first.isWord("ALTER") && s.size() > 3 && s.get(1).isWord("DATABASE")) {
            return s.get(2).isIdentifier() && s.get(3).kind() == SqlStatements.Kind.WORD
                    && DATABASE_CLAUSES.contains(s.get(3).text().toUpperCase(Locale.ROOT)) ? 2 : -1;
        }
        if (first.isWord("ALTER") && s.size() > 6 && (s.get(1).isWord("ROLE") || s.get(1).isWord("USER"))
                && s.get(2).isIdentifier() && s.get(3).isWord("IN") && s.get(4).isWord("DATABASE")) {
            return s.get(5).isIdentifier() && (s.get(6).isWord("SET") || s.get(6).isWord("RESET")) ? 5 : -1;
        }
        boolean onDatabase = first.isWord("COMMENT") || first.isWord("SECURITY") || first.isWord("GRANT")
                || first.isWord("REVOKE");
        for (int i = 1; onDatabase && i + 2 < s.size(); i++) {
            if (s.get(i).isWord("ON")) {
                return s.get(i + 1).isWord("DATABASE") && s.get(i + 2).isIdentifier() ? i + 2 : -1;
            }
        }
        return -1;
    }

    /** Writes the tokens back as SQL, the name at {@code at} replaced; constants as E'' so no server setting changes them. */
    static String render(List<Token> s, int at, String database) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            Token t = s.get(i);
            words.add(i == at ? TargetServer.quoteIdent(database) : switch (t.kind()) {
                case QUOTED -> TargetServer.quoteIdent(t.text());
                case STRING -> "E'" + t.text().replace("\\", "\\\\").replace("'", "\\'") + "'";
                default -> t.text();
            });
        }
        return words.stream().collect(Collectors.joining(" "));
    }

    /**
     * Every statement and psql command of an entry, so that none goes unseen; an entry cut off inside a quote is one
     * statement that fits no shape and is refused whole.
     */
    private static List<List<Token>> scan(String sql) {
        List<List<Token>> statements = new ArrayList<>();
        try {
            SqlStatements.scanAll(new StringReader(sql), statements::add);
        } catch (SqlStatements.Unterminated e) {
            return List.of(List.of(new Token(SqlStatements.Kind.COMMAND, sql)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return statements;
    }
}
