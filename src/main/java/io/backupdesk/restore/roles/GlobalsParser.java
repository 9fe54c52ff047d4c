package io.backupdesk.restore.roles;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.pg.SqlStatements;
import io.backupdesk.pg.SqlStatements.Kind;
import io.backupdesk.pg.SqlStatements.Token;
import io.backupdesk.restore.roles.Globals.Membership;
import io.backupdesk.restore.roles.Globals.Role;
import io.backupdesk.restore.roles.Globals.RoleSetting;
import io.backupdesk.restore.roles.Globals.Tablespace;
import io.backupdesk.restore.roles.StatementCursor.Unrecognised;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a globals file, the output of {@code pg_dumpall --globals-only} of PostgreSQL 10 to 17, into {@link Globals}.
 * The file is untrusted input (it may come from a shared folder): it is tokenized as the server would read it
 * ({@link SqlStatements}), and only the statement forms pg_dumpall writes for roles, memberships, role settings and
 * tablespaces are taken, each whole; every other statement is kept as a one-line {@link Globals.Skipped} to show.
 * Text that is not such a file, or is cut off, is refused with a {@link BackupDeskException}.
 */
public final class GlobalsParser {
    private static final String HINT = "Use the globals file written with the backup set, unchanged; nothing was restored.";
    /** What pg_dumpall writes before its statements, read past without a word. */
    private static final Set<String> SCRIPT_SETTINGS = Set.of("default_transaction_read_only", "client_encoding",
            "standard_conforming_strings");
    private static final Set<String> UTF8 = Set.of("utf8", "utf-8", "unicode", "sql_ascii");

    private final Map<String, RoleDraft> roles = new LinkedHashMap<>();
    private final List<Membership> memberships = new ArrayList<>();
    private final List<RoleSetting> settings = new ArrayList<>();
    private final Map<String, Tablespace> tablespaces = new LinkedHashMap<>();
    private final SkippedStatements skipped = new SkippedStatements();
    private final GlobalsInput input;

    private GlobalsParser(GlobalsInput input) {
        this.input = input;
    }

    /** Reads a plaintext globals file, which must be UTF-8 (as pg_dumpall writes it from a UTF-8 server). */
    public static Globals read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (NoSuchFileException e) {
            throw new BackupDeskException(ErrorKind.IO, "The globals file " + file.getFileName() + " is missing.", HINT);
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "The globals file " + file.getFileName() + " could not be read: "
                    + e.getMessage(), HINT, List.of(), e);
        }
    }

    /**
     * Reads globals from a stream of UTF-8 text, such as a decrypting one, so that a roles file's plaintext never
     * reaches the disk; the caller closes the stream.
     */
    public static Globals read(InputStream in) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return parse(new BufferedReader(new InputStreamReader(in, decoder)));
    }

    /** Reads globals from text; the caller closes the reader. */
    public static Globals parse(Reader text) {
        GlobalsInput input = new GlobalsInput(text);
        GlobalsParser parser = new GlobalsParser(input);
        try {
            SqlStatements.scanAll(input, parser::statement);
            input.checkWhole();
        } catch (CharacterCodingException e) {
            throw refused("is not UTF-8 text (line " + input.line() + ")");
        } catch (GlobalsInput.Refused e) {
            throw refused(e.getMessage());
        } catch (SqlStatements.Unterminated e) {
            throw refused("is cut off or damaged: " + e.getMessage() + " (line " + input.line() + ")");
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "The globals file could not be read: " + e.getMessage(), HINT,
                    List.of(), e);
        }
        return parser.globals();
    }

    private static BackupDeskException refused(String why) {
        return new BackupDeskException(ErrorKind.CONFIGURATION, "The globals file " + why + ".", HINT);
    }

    private Globals globals() {
        return new Globals(roles.values().stream().map(RoleDraft::role).toList(), memberships, settings,
                List.copyOf(tablespaces.values()), skipped.list());
    }

    private void statement(List<Token> tokens) {
        int line = input.line();
        try {
            if (!take(tokens)) {
                skipped.add(line, tokens, "not a statement of roles or tablespaces");
            }
        } catch (Unrecognised e) {
            skipped.add(line, tokens, e.getMessage());
        }
    }

    /** @return whether the statement was taken or is one to read past; throws {@link Unrecognised} otherwise */
    private boolean take(List<Token> tokens) {
        if (tokens.get(0).kind() == Kind.COMMAND) {
            // pg_dumpall 17.6, 16.10, 15.14 and later fence their output with psql's restrict and unrestrict commands
            String command = tokens.get(0).text();
            return command.startsWith("\\restrict ") || command.startsWith("\\unrestrict ");
        }
        StatementCursor s = new StatementCursor(tokens);
        if (s.take("SET")) {
            return scriptSetting(s);
        }
        if (s.take("CREATE")) {
            if (s.take("ROLE") || s.take("GROUP")) {
                createRole(s, false);
                return true;
            }
            if (s.take("USER")) {
                createRole(s, true);
                return true;
            }
            return s.take("TABLESPACE") && createTablespace(s);
        }
        if (s.take("ALTER")) {
            if (s.take("ROLE") || s.take("USER")) {
                alterRole(s);
                return true;
            }
            return s.take("TABLESPACE") && alterTablespace(s);
        }
        if (s.take("GRANT")) {
            grant(s, tokens);
            return true;
        }
        if (s.take("COMMENT") && s.take("ON") && s.take("ROLE")) {
            String name = s.roleName();
            s.expect("IS");
            String comment = s.take("NULL") ? null : s.string();
            s.expectEnd();
            RoleDraft draft = roles.get(name);
            if (draft == null) {
                throw new Unrecognised("a comment on a role this file does not create");
            }
            draft.comment = comment;
            return true;
        }
        return false;
    }

    private boolean scriptSetting(StatementCursor s) {
        String name = s.dottedName();
        if (!SCRIPT_SETTINGS.contains(name)) {
            return false;
        }
        if (!s.takePunct("=")) {
            s.expect("TO");
        }
        String value = s.value().toLowerCase(Locale.ROOT);
        s.expectEnd();
        if (name.equals("client_encoding") && !UTF8.contains(value)) {
            throw new BackupDeskException(ErrorKind.CONFIGURATION, "The globals file is written in the " + value
                    + " encoding; only UTF8 globals files are read.", HINT);
        }
        return true;
    }

    /** CREATE ROLE r [WITH] options; CREATE USER is the same with LOGIN unless it says otherwise. */
    private void createRole(StatementCursor s, boolean user) {
        String name = s.roleName();
        s.take("WITH");
        withOptions(name, s, user);
    }

    /** Options given to a role after all the others the file gave it; taken only when all of them are understood. */
    private void withOptions(String name, StatementCursor s, boolean loginWhenNew) {
        RoleDraft draft = roles.containsKey(name) ? roles.get(name).copy() : new RoleDraft(name, loginWhenNew);
        draft.options(s);
        roles.put(name, draft);
    }

    /** ALTER ROLE r [WITH] options, or ALTER ROLE r [IN DATABASE d] SET name TO value[, ...]. */
    private void alterRole(StatementCursor s) {
        String name = s.roleName();
        String database = null;
        if (s.take("IN")) {
            s.expect("DATABASE");
            database = s.name();
        }
        if (s.take("SET")) {
            String setting = s.dottedName();
            if (!s.takePunct("=")) {
                s.expect("TO");
            }
            List<String> values = new ArrayList<>();
            do {
                values.add(s.value());
            } while (s.takePunct(","));
            s.expectEnd();
            settings.add(new RoleSetting(name, database, setting, values));
            return;
        }
        if (database != null) {
            throw new Unrecognised("IN DATABASE without SET");
        }
        s.take("WITH");
        withOptions(name, s, false);
    }

    /** GRANT role[, ...] TO member[, ...] [WITH option[, ...]] [GRANTED BY grantor]; never a privilege ON something. */
    private void grant(StatementCursor s, List<Token> tokens) {
        if (tokens.stream().anyMatch(t -> t.isWord("ON"))) {
            throw new Unrecognised("a privilege, not a role membership");
        }
        List<String> granted = new ArrayList<>();
        do {
            granted.add(s.roleName());
        } while (s.takePunct(","));
        s.expect("TO");
        List<String> members = new ArrayList<>();
        do {
            s.take("GROUP");
            members.add(s.roleName());
        } while (s.takePunct(","));
        boolean admin = false;
        Boolean inherit = null;
        Boolean set = null;
        if (s.take("WITH")) {
            do {
                String option = s.name();
                boolean value;
                if (s.take("OPTION") || s.take("TRUE")) {
                    value = true;
                } else if (s.take("FALSE")) {
                    value = false;
                } else {
                    throw new Unrecognised("expected OPTION, TRUE or FALSE");
                }
                switch (option) {
                    case "admin" -> admin = value;
                    case "inherit" -> inherit = value;
                    case "set" -> set = value;
                    default -> throw new Unrecognised("the grant option " + option);
                }
            } while (s.takePunct(","));
        }
        String grantor = null;
        if (s.take("GRANTED")) {
            s.expect("BY");
            grantor = s.name();
        }
        s.expectEnd();
        for (String role : granted) {
            for (String member : members) {
                memberships.add(new Membership(role, member, admin, inherit, set, grantor));
            }
        }
    }

    /** CREATE TABLESPACE t [OWNER o] LOCATION 'dir' [WITH (options)]. */
    private boolean createTablespace(StatementCursor s) {
        String name = s.name();
        String owner = s.take("OWNER") ? s.roleName() : null;
        s.expect("LOCATION");
        String location = s.string();
        List<String> options = s.take("WITH") ? s.parenthesisedItems() : List.of();
        s.expectEnd();
        tablespaces.put(name, new Tablespace(name, owner, location, options));
        return true;
    }

    /** ALTER TABLESPACE t SET (options), for a tablespace this file creates. */
    private boolean alterTablespace(StatementCursor s) {
        String name = s.name();
        s.expect("SET");
        List<String> options = s.parenthesisedItems();
        s.expectEnd();
        Tablespace t = tablespaces.get(name);
        if (t == null) {
            throw new Unrecognised("a tablespace this file does not create");
        }
        List<String> all = new ArrayList<>(t.options());
        all.addAll(options);
        tablespaces.put(name, new Tablespace(name, t.owner(), t.location(), all));
        return true;
    }
}
