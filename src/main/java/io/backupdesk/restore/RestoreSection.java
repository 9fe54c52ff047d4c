package io.backupdesk.restore;

import io.backupdesk.core.BackupDeskException;

import java.util.Arrays;
import java.util.Locale;

/**
 * The three sections of an archive, as pg_restore's {@code --section} names them: the definitions that come before
 * the rows (tables, types, functions), the rows, and what comes after them (indexes, constraints, triggers, foreign
 * keys).
 */
public enum RestoreSection {
    PRE_DATA("pre-data"),
    DATA("data"),
    POST_DATA("post-data");

    private final String cliName;

    RestoreSection(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static RestoreSection parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.cliName.equals(wanted)).findFirst()
                .orElseThrow(() -> BackupDeskException.configuration("'" + text + "' is not a section.",
                        "Use pre-data, data or post-data."));
    }
}
