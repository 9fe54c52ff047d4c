package io.backupdesk.restore;

import io.backupdesk.core.BackupDeskException;

import java.util.Arrays;
import java.util.Locale;

/** The pre-flight checks, by name; a plan may override a blocking one by naming it. */
public enum CheckId {
    CHECKSUM, READABLE, RESTORE_TOOL, SERVER_VERSION, TARGET, PRIVILEGES, SESSIONS, ROLES, EXTENSIONS, SPACE, OPTIONS, TABLES;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static CheckId parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.cliName().equals(wanted)).findFirst()
                .orElseThrow(() -> BackupDeskException.configuration("Unknown pre-flight check '" + text + "'.",
                        "Name one of: " + String.join(", ", Arrays.stream(values()).map(CheckId::cliName).toList()) + "."));
    }
}
