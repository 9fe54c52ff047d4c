package io.backupdesk.core;

import java.util.Arrays;
import java.util.Locale;

/** pg_dump's output formats, with the file name ending we give each. */
public enum BackupFormat {
    /** One compressed file, selective and parallel restore: the right default. */
    CUSTOM("custom", "c", ".dump"),
    /** A folder with one file per table; the only format pg_dump writes in parallel. */
    DIRECTORY("directory", "d", ".dir"),
    TAR("tar", "t", ".tar"),
    /** SQL text, gzip-compressed by us while streaming; readable by psql anywhere. */
    PLAIN("plain", "p", ".sql.gz");

    private final String cliName;
    private final String pgDumpLetter;
    private final String extension;

    BackupFormat(String cliName, String pgDumpLetter, String extension) {
        this.cliName = cliName;
        this.pgDumpLetter = pgDumpLetter;
        this.extension = extension;
    }

    public String cliName() {
        return cliName;
    }

    public String pgDumpLetter() {
        return pgDumpLetter;
    }

    /** File name ending; an uncompressed plain dump ends in ".sql" instead. */
    public String extension(Compression compression) {
        return this == PLAIN && compression.isNone() ? ".sql" : extension;
    }

    public static BackupFormat parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> f.cliName.equals(wanted) || f.pgDumpLetter.equals(wanted))
                .findFirst()
                .orElseThrow(() -> BackupDeskException.configuration("Unknown backup format '" + text + "'.",
                        "Use custom, directory, tar or plain."));
    }
}
