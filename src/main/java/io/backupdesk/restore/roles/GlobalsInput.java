package io.backupdesk.restore.roles;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The text of a globals file as it is read: counts lines for messages, refuses what SQL text never holds (a NUL
 * character) and more text than any globals file has, and checks that it begins and ends as pg_dumpall writes it, so
 * that another kind of file is named as such and a cut-off one is not taken for a whole one.
 */
final class GlobalsInput extends FilterReader {
    /** Far more than the globals of any real cluster (a role with a SCRAM hash takes a few hundred characters). */
    static final long MAX_CHARS = 256L * 1024 * 1024;
    private static final List<String> HEADER = List.of("--", "-- PostgreSQL database cluster dump");
    private static final List<String> FOOTER = List.of("--", "-- PostgreSQL database cluster dump complete", "--");
    private static final int KEPT_LINE = 80;

    /** Why the text is not a globals file we read; the message completes "The globals file ...". */
    static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    private final StringBuilder currentLine = new StringBuilder();
    private final Deque<String> lastLines = new ArrayDeque<>();
    private int line = 1;
    private long chars;
    private int headerSeen;

    GlobalsInput(Reader in) {
        super(in);
    }

    /** The line being read, from 1. */
    int line() {
        return line;
    }

    @Override
    public int read() throws IOException {
        int c = in.read();
        if (c >= 0) {
            see((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            see(buffer[offset + i]);
        }
        return n;
    }

    private void see(char c) throws IOException {
        if (c == 0) {
            throw new Refused("holds binary data (a NUL character on line " + line + "), which SQL text never does");
        }
        if (++chars > MAX_CHARS) {
            throw new Refused("is larger than any globals file (over " + MAX_CHARS / (1024 * 1024) + " MiB of text)");
        }
        if (c == '\n') {
            endLine();
            line++;
        } else if (currentLine.length() < KEPT_LINE) {
            currentLine.append(c);
        }
    }

    private void endLine() throws Refused {
        String text = currentLine.toString().replace("\uFEFF", "").strip();
        currentLine.setLength(0);
        if (text.isEmpty()) {
            return;
        }
        if (headerSeen < HEADER.size()) {
            if (!text.equals(HEADER.get(headerSeen))) {
                throw new Refused("does not begin as pg_dumpall writes one (\"-- PostgreSQL database cluster dump\")");
            }
            headerSeen++;
        }
        lastLines.addLast(text);
        if (lastLines.size() > FOOTER.size()) {
            lastLines.removeFirst();
        }
    }

    /** Called once the text is read to its end: it must have begun and ended as pg_dumpall's output does. */
    void checkWhole() throws Refused {
        endLine();
        if (headerSeen < HEADER.size()) {
            throw new Refused("does not begin as pg_dumpall writes one (\"-- PostgreSQL database cluster dump\")");
        }
        if (!List.copyOf(lastLines).equals(FOOTER)) {
            throw new Refused("is incomplete: it lacks pg_dumpall's last line (\"-- PostgreSQL database cluster dump"
                    + " complete\"), so it was cut off");
        }
    }
}
