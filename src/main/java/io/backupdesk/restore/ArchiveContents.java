package io.backupdesk.restore;

import io.backupdesk.core.Cancellation;
import io.backupdesk.pg.ArchiveToc;
import io.backupdesk.pg.SqlStatements;
import io.backupdesk.pg.SqlStatements.Token;
import io.backupdesk.pg.TocEntry;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an archive will create, as far as a pre-flight and a selective restore need it: its table of contents (for
 * pg_restore archives), the roles that own its objects, the extensions it creates, and the roles its grants name.
 * For plain SQL the same is read from the SQL itself, statement by statement.
 *
 * @param schemas the schemas the archive creates itself (with CREATE SCHEMA)
 * @param dumpedAs the database's name when it was dumped, as the archive's header says; null for plain SQL
 */
public record ArchiveContents(List<TocEntry> entries, Set<String> owners, Set<String> extensions, ArchiveSql sql,
                              Set<String> schemas, String dumpedAs) {
    static final ArchiveContents NONE = new ArchiveContents(List.of(), Set.of(), Set.of(), ArchiveSql.NONE, Set.of(),
            null);
    private static final Set<String> PLAIN_FIRST_WORDS = Set.of("ALTER", "CREATE", "GRANT", "REVOKE", "SET");

    public ArchiveContents {
        entries = List.copyOf(entries);
        owners = Set.copyOf(owners);
        extensions = Set.copyOf(extensions);
        schemas = Set.copyOf(schemas);
    }

    static ArchiveContents of(ArchiveToc toc) {
        // extensions, BLOBS and comments on extensions have no owner: an empty owner is no role to look for
        Set<String> owners = new TreeSet<>();
        Set<String> extensions = new TreeSet<>();
        Set<String> grantees = new TreeSet<>();
        Set<String> schemas = new TreeSet<>();
        for (TocEntry e : toc.entries()) {
            if (e.is("SCHEMA") && e.defined()) {
                // the entry of a database's default schema public has no SQL: restoring it creates nothing
                schemas.add(e.tag());
            }
            if (!e.owner().isEmpty()) {
                owners.add(e.owner());
            }
            if (e.is("EXTENSION")) {
                extensions.add(e.tag());
            }
            if (e.is("ACL") || e.is("DEFAULT ACL")) {
                ArchiveSql.granteesOf(e.sql(), grantees);
            }
        }
        return new ArchiveContents(toc.entries(), owners, extensions, new ArchiveSql(grantees), schemas, toc.database());
    }

    /**
     * Reads a plain SQL dump's text to its end for the roles its objects are given to and the extensions it creates;
     * the text as it streams from the file, or decrypted and decompressed from an encrypted one.
     */
    static ArchiveContents scanPlain(InputStream sqlText, Cancellation cancel) throws IOException {
        Set<String> owners = new TreeSet<>();
        Set<String> extensions = new TreeSet<>();
        Set<String> grantees = new TreeSet<>();
        Set<String> schemas = new TreeSet<>();
        try (Reader sql = new Cancellable(new BufferedReader(new InputStreamReader(sqlText,
                StandardCharsets.UTF_8), 1 << 16), cancel)) {
            SqlStatements.scan(sql, PLAIN_FIRST_WORDS, s -> {
                if (s.get(0).isWord("CREATE")) {
                    extension(s).ifPresent(extensions::add);
                    schema(s).ifPresent(schemas::add);
                } else if (s.get(0).isWord("ALTER") && endsWithOwnerTo(s)) {
                    owners.add(s.get(s.size() - 1).name());
                } else {
                    ArchiveSql.granteesOf(s, grantees);
                }
            });
        }
        return new ArchiveContents(List.of(), owners, extensions, new ArchiveSql(grantees), schemas, null);
    }

    /** "ALTER ... OWNER TO role": the owner is the last token, whatever the object's name holds. */
    private static boolean endsWithOwnerTo(List<Token> s) {
        int n = s.size();
        return n >= 4 && s.get(n - 3).isWord("OWNER") && s.get(n - 2).isWord("TO") && s.get(n - 1).isIdentifier();
    }

    /** The name in "CREATE EXTENSION [IF NOT EXISTS] name ...". */
    private static Optional<String> extension(List<Token> s) {
        if (s.size() < 3 || !s.get(1).isWord("EXTENSION")) {
            return Optional.empty();
        }
        int at = s.size() > 5 && s.get(2).isWord("IF") && s.get(3).isWord("NOT") && s.get(4).isWord("EXISTS") ? 5 : 2;
        return s.get(at).isIdentifier() ? Optional.of(s.get(at).name()) : Optional.empty();
    }

    /** The name in "CREATE SCHEMA name ...", as pg_dump writes it. */
    private static Optional<String> schema(List<Token> s) {
        return s.size() >= 3 && s.get(1).isWord("SCHEMA") && s.get(2).isIdentifier() ? Optional.of(s.get(2).name())
                : Optional.empty();
    }

    /** Checks for cancellation every few megabytes read, so a long scan of a big dump can be stopped. */
    private static final class Cancellable extends FilterReader {
        private final Cancellation cancel;
        private long read;

        Cancellable(Reader in, Cancellation cancel) {
            super(in);
            this.cancel = cancel;
        }

        @Override
        public int read() throws IOException {
            if ((++read & ((1 << 22) - 1)) == 0) {
                cancel.throwIfCancelled();
            }
            return super.read();
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            cancel.throwIfCancelled();
            return super.read(buffer, offset, length);
        }
    }

    /** The schemas the archive holds, whether it creates them or not (public): what a schema left out can name. */
    Set<String> schemasHeld() {
        Set<String> held = new TreeSet<>();
        entries.stream().filter(e -> e.is("SCHEMA")).forEach(e -> held.add(e.tag()));
        entries.stream().filter(e -> !e.namespace().isEmpty()).forEach(e -> held.add(e.namespace()));
        return held;
    }

    /** Whether restoring the archive creates this schema (a dump made with a schema pattern that matched it). */
    boolean createsSchema(String name) {
        return schemas.contains(name);
    }
}
