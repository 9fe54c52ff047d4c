package io.backupdesk.pg;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The backslash escapes of an E'' string (or of any string while standard_conforming_strings is off), read as the
 * server reads them: \b \f \n \r \t, octal and hex bytes, \\u and \\U code points, and any other character as itself.
 * Bytes written as octal or hex escapes are joined and read as UTF-8, so E'\303\251' is one "é".
 */
final class BackslashEscapes {
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private BackslashEscapes() { }

    /** @param raw the string's text between its quotes, with each doubled quote already made one */
    static String decode(String raw) {
        BackslashEscapes out = new BackslashEscapes();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i++);
            if (c != '\\' || i == raw.length()) {
                out.append(c);
                continue;
            }
            char e = raw.charAt(i++);
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'x' -> {
                    int end = digits(raw, i, 2, 16);
                    if (end == i) {
                        out.append('x');
                    } else {
                        out.bytes.write(Integer.parseInt(raw.substring(i, end), 16));
                        i = end;
                    }
                }
                case 'u', 'U' -> {
                    int length = e == 'u' ? 4 : 8;
                    int end = digits(raw, i, length, 16);
                    if (end - i == length && Character.isValidCodePoint((int) Long.parseLong(raw.substring(i, end), 16))) {
                        out.flush();
                        out.text.appendCodePoint((int) Long.parseLong(raw.substring(i, end), 16));
                        i = end;
                    } else {
                        out.append(e);
                    }
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int end = digits(raw, i - 1, 3, 8);
                        out.bytes.write(Integer.parseInt(raw.substring(i - 1, end), 8) & 0xFF);
                        i = end;
                    } else {
                        out.append(e);
                    }
                }
            }
        }
        out.flush();
        return out.text.toString();
    }

    private void append(char c) {
        flush();
        text.append(c);
    }

    private void flush() {
        if (bytes.size() > 0) {
            text.append(bytes.toString(StandardCharsets.UTF_8));
            bytes.reset();
        }
    }

    /** Where a run of at most {@code max} digits of this radix that starts at {@code from} ends. */
    private static int digits(String raw, int from, int max, int radix) {
        int end = from;
        while (end < raw.length() && end - from < max && Character.digit(raw.charAt(end), radix) >= 0) {
            end++;
        }
        return end;
    }
}
