package io.backupdesk.ui;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.Compression;

import java.util.ArrayList;
import java.util.List;

/**
 * The compression levels a form offers, as one list wherever a backup's compression is chosen: the format's default,
 * gzip's levels, and zstd's and lz4's only where the newest pg_dump here has them (16 and newer, as the engine
 * checks before a run) and the format can take them (plain SQL is gzip only). Texts as {@link Compression#parse}
 * reads them; empty for the default.
 */
public final class CompressionChoices {
    public static final String DEFAULT = "";
    private static final List<String> GZIP = List.of(DEFAULT, "0", "1", "3", "6", "9");
    private static final List<String> NEWER = List.of("zstd:1", "zstd:3", "zstd:9", "zstd:19", "lz4:1", "lz4:9");

    private CompressionChoices() { }

    /**
     * @param newMethods whether the newest pg_dump found compresses with zstd and lz4
     * @param current    the value chosen now, kept in the list even when it is not one of ours (a hand-edited file)
     */
    public static List<String> of(BackupFormat format, boolean newMethods, String current) {
        List<String> choices = new ArrayList<>(GZIP);
        if (newMethods && format != BackupFormat.PLAIN) {
            choices.addAll(NEWER);
        }
        if (current != null && !choices.contains(current)) {
            choices.add(current);
        }
        return choices;
    }

    /** The compression as the list shows it: empty for the default, a digit for gzip, else method:level. */
    public static String text(Compression c) {
        if (c == null || c.equals(Compression.DEFAULT)) {
            return DEFAULT;
        }
        return c.isNone() ? "0" : c.method() == Compression.Method.GZIP ? String.valueOf(c.level()) : c.toString();
    }

    /** Null for the default; throws the configuration error for a text that is no compression. */
    public static Compression parse(String text) {
        return text == null || text.isBlank() ? null : Compression.parse(text);
    }

    /** What a choice reads as in the list: "Default (gzip 1)", "0 (none)", or the text itself. */
    public static String label(String choice) {
        if (choice == null || choice.isEmpty()) {
            return Messages.get("backup.compression.default");
        }
        return "0".equals(choice) ? Messages.get("compression.none") : choice;
    }
}
