package io.backupdesk.restore.roles;

import io.backupdesk.pg.SqlStatements.Kind;
import io.backupdesk.pg.SqlStatements.Token;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads one statement's tokens front to back for {@link GlobalsParser}. Anything other than the expected form throws
 * {@link Unrecognised}, which makes the whole statement a skipped one: a statement is taken whole or not at all.
 */
final class StatementCursor {
    /** PostgreSQL's NAMEDATALEN - 1: a longer name would be cut short by the server, and so be another name. */
    private static final int MAX_NAME_BYTES = 63;

    /** The statement is not one of the forms the parser takes. Carries no stack trace: it is an answer, not a fault. */
    static final class Unrecognised extends RuntimeException {
        Unrecognised(String why) {
            super(why, null, false, false);
        }
    }

    private static final Set<String> RESERVED_ROLE_WORDS = Set.of("all", "current_role",
            "current_user", "session_user", "user", "public", "none");

    private final List<Token> tokens;
    private int at;

    StatementCursor(List<Token> tokens) {
        this.tokens = tokens;
    }

    boolean atEnd() {
        return at >= tokens.size();
    }

    /** Takes the next token if it is this keyword. */
    boolean take(String keyword) {
        if (!atEnd() && tokens.get(at).isWord(keyword)) {
            at++;
            return true;
        }
        return false;
    }

    /** Takes the next token if it is this punctuation. */
    boolean takePunct(String punct) {
        if (!atEnd() && tokens.get(at).kind() == Kind.PUNCT && tokens.get(at).text().equals(punct)) {
            at++;
            return true;
        }
        return false;
    }

    void expect(String keyword) {
        if (!take(keyword)) {
            throw new Unrecognised("expected " + keyword);
        }
    }

    void expectEnd() {
        if (!atEnd()) {
            throw new Unrecognised("more than expected after " + (at == 0 ? "the start" : tokens.get(at - 1).text()));
        }
    }

    /** A role, database or tablespace name: bare (folded to lower case, as the server does) or quoted. */
    String name() {
        Token t = next();
        if (!t.isIdentifier()) {
            throw new Unrecognised("expected a name");
        }
        String name = t.name();
        if (name.isEmpty() || name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new Unrecognised("a name that is empty or longer than " + MAX_NAME_BYTES + " bytes");
        }
        return name;
    }

    /**
     * A role's name. The words that stand for a role rather than name one (CURRENT_USER, ALL, PUBLIC ...) are not
     * names, nor are "public" and "none" quoted, which the server reserves.
     */
    String roleName() {
        if (!atEnd() && tokens.get(at).kind() == Kind.WORD
                && RESERVED_ROLE_WORDS.contains(tokens.get(at).text().toLowerCase(Locale.ROOT))) {
            throw new Unrecognised("a role word, not a role name: " + tokens.get(at).text());
        }
        String name = name();
        if (name.equals("public") || name.equals("none")) {
            throw new Unrecognised("a reserved role name");
        }
        return name;
    }

    /** A name of possibly several dotted parts, such as a setting of an extension ("auto_explain.log_min_duration"). */
    String dottedName() {
        StringBuilder name = new StringBuilder(name());
        while (takePunct(".")) {
            name.append('.').append(name());
        }
        return name.toString();
    }

    /** A string constant's text. */
    String string() {
        Token t = next();
        if (t.kind() != Kind.STRING) {
            throw new Unrecognised("expected a quoted string");
        }
        return t.text();
    }

    /** An integer, possibly negative. */
    int integer() {
        boolean negative = takePunct("-");
        Token t = next();
        try {
            int value = Integer.parseInt(t.text());
            if (t.kind() != Kind.WORD || value < 0) {
                throw new Unrecognised("expected a number");
            }
            return negative ? -value : value;
        } catch (NumberFormatException e) {
            throw new Unrecognised("expected a number");
        }
    }

    /**
     * One value of a setting, up to the next comma at this level: a string constant, a name, or a number written in
     * several tokens ("-1", "1.5", "1e-3"), as the server takes them.
     */
    String value() {
        if (atEnd()) {
            throw new Unrecognised("expected a value");
        }
        Token first = tokens.get(at);
        if (first.kind() == Kind.STRING || first.kind() == Kind.QUOTED) {
            at++;
            return first.text();
        }
        if (first.isWord("DEFAULT") || first.isWord("FROM")) {
            throw new Unrecognised("a reset, not a value");
        }
        StringBuilder text = new StringBuilder();
        while (!atEnd() && !(tokens.get(at).kind() == Kind.PUNCT && tokens.get(at).text().equals(","))) {
            Token t = tokens.get(at++);
            boolean numberPart = t.kind() == Kind.PUNCT && "-+.".contains(t.text());
            if (t.kind() != Kind.WORD && !numberPart) {
                throw new Unrecognised("expected a value");
            }
            text.append(t.kind() == Kind.WORD && text.isEmpty() ? t.name() : t.text());
        }
        if (text.isEmpty()) {
            throw new Unrecognised("expected a value");
        }
        return text.toString();
    }

    /** The text of the tokens up to the closing parenthesis, split at its top-level commas ("k=v" items). */
    List<String> parenthesisedItems() {
        if (!takePunct("(")) {
            throw new Unrecognised("expected (");
        }
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        while (!takePunct(")")) {
            Token t = next();
            if (t.kind() == Kind.PUNCT && t.text().equals(",")) {
                items.add(item.toString());
                item.setLength(0);
            } else if (t.kind() == Kind.WORD || t.kind() == Kind.PUNCT && "=.-+".contains(t.text())) {
                item.append(t.text());
            } else {
                throw new Unrecognised("an option that is not name=value");
            }
        }
        if (!item.isEmpty()) {
            items.add(item.toString());
        }
        return items;
    }

    private Token next() {
        if (atEnd()) {
            throw new Unrecognised("ends too early");
        }
        return tokens.get(at++);
    }
}
