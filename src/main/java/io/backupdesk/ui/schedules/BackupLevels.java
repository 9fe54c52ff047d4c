package io.backupdesk.ui.schedules;

import io.backupdesk.core.Compression;

import java.util.List;

/** The compression as the editor's list shows and takes it: empty for the format's default, a digit for gzip. */
final class BackupLevels {
    static final String DEFAULT = "";
    static final List<String> CHOICES = List.of(DEFAULT, "0", "1", "3", "6", "9");

    private BackupLevels() { }

    static String text(Compression c) {
        if (c.equals(Compression.DEFAULT)) {
            return DEFAULT;
        }
        return c.isNone() ? "0" : c.method() == Compression.Method.GZIP ? String.valueOf(c.level()) : c.toString();
    }

    /** Null for the default; throws the configuration error for a level that is not one. */
    static Compression parse(String text) {
        return text == null || text.isBlank() ? null : Compression.parse(text);
    }
}
