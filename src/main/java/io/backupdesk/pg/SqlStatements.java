package io.backupdesk.pg;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Splits the SQL that pg_dump writes into statements and tokens, the way the server would: quoted identifiers,
 * string constants (also E'' with backslashes), dollar-quoted bodies, comments, psql's backslash commands and the
 * rows after {@code COPY ... FROM stdin} are each taken whole. So a name or a row that happens to contain
 * "OWNER TO x;" or a line break is never read as a statement of its own.
 *
 * <p>Only statements whose first word the caller asks for are handed over as tokens; the rest are read past without
 * being kept, so a dump of any size is scanned in little memory. A {@code SET standard_conforming_strings} is
 * followed, as the server follows it: with it off, a backslash escapes in every string constant.
 */
public final class SqlStatements {
    /**
     * What a token is: a bare word (keyword or unquoted name), a quoted identifier, a constant, punctuation, or a
     * psql backslash command (its whole line, handed over only by {@link #scanAll}).
     */
    public enum Kind { WORD, QUOTED, STRING, PUNCT, COMMAND }

    /** Thrown by {@link #scanAll} where the text ends inside a quote, a comment or a statement. */
    public static final class Unterminated extends IOException {
        public Unterminated(String what) {
            super("the text ends inside " + what);
        }
    }

    /** @param text a word as written, an identifier unquoted, a constant without its quotes, or one character */
    public record Token(Kind kind, String text) {
        /** A bare word equal to this keyword, ignoring case; a quoted identifier never is one. */
        public boolean isWord(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        public boolean isIdentifier() {
            return kind == Kind.WORD || kind == Kind.QUOTED;
        }

        /** The name the server sees: a bare word is folded to lower case (ASCII only, as the server does). */
        public String name() {
            if (kind != Kind.WORD) {
                return text;
            }
            StringBuilder folded = new StringBuilder(text.length());
            text.chars().forEach(c -> folded.append((char) (c >= 'A' && c <= 'Z' ? c + 32 : c)));
            return folded.toString();
        }
    }

    private final PushbackReader in;
    private final Predicate<String> wanted;
    private final Consumer<List<Token>> sink;
    private final boolean strict;
    private final List<Token> tokens = new ArrayList<>();
    private boolean keeping;
    private boolean copy;
    private boolean atStart = true;
    private boolean standardStrings = true;

    private SqlStatements(Reader in, Predicate<String> wanted, Consumer<List<Token>> sink, boolean strict) {
        this.in = new PushbackReader(in, 2);
        this.wanted = wanted;
        this.sink = sink;
        this.strict = strict;
    }

    /**
     * Reads SQL to its end and hands every statement whose first word is in {@code firstWords} (upper case) to the
     * sink, without its closing semicolon.
     */
    public static void scan(Reader sql, Set<String> firstWords, Consumer<List<Token>> sink) throws IOException {
        new SqlStatements(sql, firstWords::contains, sink, false).run();
    }

    /**
     * Reads SQL that must be whole to its end and hands over every statement and every psql backslash command (as
     * one {@link Kind#COMMAND} token). Text that ends inside a quote, a comment or a statement (no closing semicolon)
     * is refused with {@link Unterminated} instead of being read as far as it goes.
     */
    public static void scanAll(Reader sql, Consumer<List<Token>> sink) throws IOException {
        new SqlStatements(sql, first -> true, sink, true).run();
    }

    private void run() throws IOException {
        int c;
        while ((c = in.read()) >= 0) {
            if (Character.isWhitespace(c)) {
                continue;
            }
            if (c == ';') {
                endStatement();
            } else if (c == '\\' && atStart) {
                command();
            } else if (c == '-' && peek() == '-') {
                skipLine();
            } else if (c == '/' && peek() == '*') {
                in.read();
                skipBlockComment();
            } else if (c == '\'') {
                add(Kind.STRING, quoted('\'', !standardStrings));
            } else if (c == '"') {
                add(Kind.QUOTED, quoted('"', false));
            } else if (c == '$') {
                dollar();
            } else if (isWordChar(c)) {
                String word = word(c);
                if ((word.equals("E") || word.equals("e")) && peek() == '\'') {
                    in.read();
                    add(Kind.STRING, quoted('\'', true));
                } else {
                    add(Kind.WORD, word);
                }
            } else {
                add(Kind.PUNCT, String.valueOf((char) c));
            }
        }
        if (strict && !atStart) {
            throw new Unterminated("a statement (no semicolon after its last word)");
        }
        endStatement();
    }

    private void add(Kind kind, String text) {
        if (atStart) {
            atStart = false;
            String first = kind == Kind.WORD ? text.toUpperCase(Locale.ROOT) : "";
            copy = first.equals("COPY");
            // SET is kept to follow standard_conforming_strings, whether the caller wants it or not
            keeping = copy || first.equals("SET") || wanted.test(first);
        }
        if (keeping) {
            tokens.add(new Token(kind, text));
        }
    }

    private void endStatement() throws IOException {
        if (!atStart && keeping && !copy) {
            followStandardStrings();
            if (wanted.test(tokens.get(0).kind() == Kind.WORD ? tokens.get(0).text().toUpperCase(Locale.ROOT) : "")) {
                sink.accept(List.copyOf(tokens));
            }
        }
        boolean copyFromStdin = copy && tokens.size() >= 2 && tokens.get(tokens.size() - 2).isWord("FROM")
                && tokens.get(tokens.size() - 1).isWord("stdin");
        tokens.clear();
        atStart = true;
        keeping = false;
        copy = false;
        if (copyFromStdin) {
            skipCopyData();
        }
    }

    /** The rows of a COPY run to a line that is exactly a backslash and a dot; they are data, not SQL. */
    private void skipCopyData() throws IOException {
        skipLine();
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                if (line.toString().equals("\\.") || line.toString().equals("\\.\r")) {
                    return;
                }
                line.setLength(0);
            } else if (line.length() < 3) {
                line.append((char) c);
            } else {
                line.setLength(3);
            }
        }
    }

    /** SET standard_conforming_strings = on | off | 'on' | 'off' | true | false (TO as well as =). */
    private void followStandardStrings() {
        if (tokens.size() == 4 && tokens.get(0).isWord("SET") && tokens.get(1).isWord("standard_conforming_strings")
                && (tokens.get(2).text().equals("=") || tokens.get(2).isWord("TO"))) {
            String value = tokens.get(3).text().toLowerCase(Locale.ROOT);
            if (value.equals("on") || value.equals("true")) {
                standardStrings = true;
            } else if (value.equals("off") || value.equals("false")) {
                standardStrings = false;
            }
        }
    }

    /** A psql command runs to the end of its line; it is handed over only when every statement is. */
    private void command() throws IOException {
        StringBuilder line = new StringBuilder("\\");
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (strict) {
                line.append((char) c);
            }
        }
        if (strict) {
            sink.accept(List.of(new Token(Kind.COMMAND, line.toString().stripTrailing())));
        }
    }

    private void skipLine() throws IOException {
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            // the rest of the line is a comment or a psql command
        }
    }

    private void skipBlockComment() throws IOException {
        int depth = 1;
        int c = 0;
        while (depth > 0 && (c = in.read()) >= 0) {
            if (c == '*' && peek() == '/') {
                in.read();
                depth--;
            } else if (c == '/' && peek() == '*') {
                in.read();
                depth++;
            }
        }
        if (c < 0) {
            ended("a /* comment */");
        }
    }

    private void ended(String inside) throws Unterminated {
        if (strict) {
            throw new Unterminated(inside);
        }
    }

    /**
     * The text up to the closing quote; a doubled quote is one quote, and in E'' a backslash escape is read as the
     * server reads it ({@link BackslashEscapes}).
     */
    private String quoted(char quote, boolean backslashes) throws IOException {
        StringBuilder text = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (backslashes && c == '\\') {
                int next = in.read();
                if (next < 0) {
                    break;
                }
                keep(text, c);
                keep(text, next);
            } else if (c == quote) {
                if (peek() != quote) {
                    return backslashes ? BackslashEscapes.decode(text.toString()) : text.toString();
                }
                in.read();
                if (backslashes) {
                    keep(text, '\\'); // the decoding below reads an escaped quote as the quote
                }
                keep(text, c);
            } else {
                keep(text, c);
            }
        }
        ended(quote == '"' ? "a quoted name" : "a quoted string");
        return text.toString();
    }

    /**
     * After a '$' that starts a token: a dollar-quoted body ($$...$$ or $tag$...$tag$) as one constant, or else the
     * word the '$' begins (a positional parameter, or a tag that never closed).
     */
    private void dollar() throws IOException {
        int next = peek();
        StringBuilder tag = new StringBuilder();
        if (next != '$' && !(Character.isLetter(next) || next == '_')) {
            add(Kind.WORD, word('$'));
            return;
        }
        int c;
        while ((c = in.read()) >= 0 && c != '$' && (Character.isLetterOrDigit(c) || c == '_')) {
            tag.append((char) c);
        }
        if (c != '$') {
            if (c >= 0) {
                in.unread(c);
            }
            add(Kind.WORD, "$" + tag);
            return;
        }
        add(Kind.STRING, dollarBody("$" + tag + "$"));
    }

    private String dollarBody(String close) throws IOException {
        StringBuilder body = new StringBuilder();
        StringBuilder tail = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            tail.append((char) c);
            if (tail.length() > close.length()) {
                tail.deleteCharAt(0);
            }
            if (tail.length() == close.length() && tail.toString().equals(close)) {
                body.setLength(Math.max(0, body.length() - (close.length() - 1)));
                return body.toString();
            }
            keep(body, c);
        }
        ended("a dollar-quoted string " + close);
        return body.toString();
    }

    /** Holds what a kept statement needs; a long body in a statement nobody asked for is read past, not stored. */
    private void keep(StringBuilder text, int c) {
        if (keeping || atStart) {
            text.append((char) c);
        }
    }

    private String word(int first) throws IOException {
        StringBuilder word = new StringBuilder().append((char) first);
        int c;
        while ((c = in.read()) >= 0 && isWordChar(c)) {
            word.append((char) c);
        }
        if (c >= 0) {
            in.unread(c);
        }
        return word.toString();
    }

    private static boolean isWordChar(int c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c >= 0x80;
    }

    private int peek() throws IOException {
        int c = in.read();
        if (c >= 0) {
            in.unread(c);
        }
        return c;
    }
}
