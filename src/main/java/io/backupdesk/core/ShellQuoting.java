package io.backupdesk.core;

import java.util.regex.Pattern;

/** Words of a command line shown to the user, quoted so that a POSIX shell reads each back as one word, unchanged. */
public final class ShellQuoting {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private ShellQuoting() { }

    /** The word as it is where nothing in it means anything to a shell, else in single quotes. */
    public static String quote(String word) {
        if (PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
