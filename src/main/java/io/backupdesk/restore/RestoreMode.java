package io.backupdesk.restore;

import io.backupdesk.core.BackupDeskException;

import java.util.Arrays;
import java.util.Locale;

/** How a restore treats the database it writes to. */
public enum RestoreMode {
    /** Restore into a temporary database, validate it, then swap names; the original is kept aside, untouched. */
    SAFE_REPLACE("safe-replace"),
    /** Take a safety backup of the target, then restore over it with --clean --if-exists. */
    IN_PLACE("in-place"),
    /** Create the database and restore into it. */
    NEW_DATABASE("new-database");

    private final String cliName;

    RestoreMode(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static RestoreMode parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.cliName.equals(wanted)).findFirst()
                .orElseThrow(() -> BackupDeskException.configuration("Unknown restore mode '" + text + "'.",
                        "Use safe-replace, in-place or new-database."));
    }
}
