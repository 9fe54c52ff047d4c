package io.backupdesk.restore.roles;

import io.backupdesk.core.BackupDeskException;

import java.util.Arrays;
import java.util.Locale;

/** What the roles step of a whole-server restore does with the globals file. */
public enum RolesMode {
    /** Create the roles the target lacks, with their memberships and settings; existing roles are left as they are. */
    CREATE_MISSING("create-missing"),
    /** Change no role: the databases are restored onto the roles the target has. */
    SKIP("skip");

    private final String cliName;

    RolesMode(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static RolesMode parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.cliName.equals(wanted)).findFirst()
                .orElseThrow(() -> BackupDeskException.configuration("Unknown roles mode '" + text + "'.",
                        "Use create-missing or skip."));
    }
}
