package io.backupdesk.restore.roles;

import io.backupdesk.pg.SqlStatements.Kind;
import io.backupdesk.pg.SqlStatements.Token;
import io.backupdesk.restore.roles.Globals.Skipped;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements a globals file holds that the parser does not take, written for the user to read: each on one
 * line, cut short, with no character that could break the line or reorder it on screen, and no password value. A
 * file full of them keeps only the first {@value #KEPT}.
 */
final class SkippedStatements {
    static final int KEPT = 200;
    static final int MAX_LENGTH = 160;

    private final List<Skipped> kept = new ArrayList<>();
    private int more;

    void add(int line, List<Token> tokens, String reason) {
        if (kept.size() < KEPT) {
            kept.add(new Skipped(line, describe(tokens), oneLine(reason)));
        } else {
            more++;
        }
    }

    List<Skipped> list() {
        if (more == 0) {
            return kept;
        }
        List<Skipped> all = new ArrayList<>(kept);
        all.add(new Skipped(0, "... and " + more + " more statements", "not shown"));
        return all;
    }

    /** The tokens written again as SQL; a string after PASSWORD is shown as '***'. */
    static String describe(List<Token> tokens) {
        StringBuilder text = new StringBuilder();
        Token previous = null;
        for (Token t : tokens) {
            if (text.length() > MAX_LENGTH * 2) {
                break;
            }
            boolean tight = t.kind() == Kind.PUNCT && ",;.)".contains(t.text())
                    || previous != null && previous.kind() == Kind.PUNCT && "(.".contains(previous.text());
            if (previous != null && !tight) {
                text.append(' ');
            }
            text.append(switch (t.kind()) {
                case QUOTED -> "\"" + t.text().replace("\"", "\"\"") + "\"";
                case STRING -> previous != null && previous.isWord("PASSWORD") ? "'***'" : "'" + t.text().replace("'", "''") + "'";
                default -> t.text();
            });
            previous = t;
        }
        return oneLine(text.toString());
    }

    /**
     * Line breaks, tabs and other control or format characters (bidirectional overrides among them) become one
     * space each, runs of spaces one space, and the text is cut at {@value #MAX_LENGTH} characters.
     */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean invisible = Character.isWhitespace(cp) || Character.isSpaceChar(cp) || type == Character.CONTROL
                    || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE
                    || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
            if (!invisible) {
                out.appendCodePoint(cp);
            } else if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        });
        String line = out.toString().strip();
        if (line.codePointCount(0, line.length()) <= MAX_LENGTH) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, MAX_LENGTH - 1)) + "…";
    }
}
