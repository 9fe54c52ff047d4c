package io.backupdesk.core;

import java.util.Arrays;
import java.util.Locale;

/** libpq's sslmode values, spelled as libpq spells them. */
public enum SslMode {
    DISABLE("disable"), ALLOW("allow"), PREFER("prefer"), REQUIRE("require"), VERIFY_CA("verify-ca"), VERIFY_FULL("verify-full");

    private final String libpqName;

    SslMode(String libpqName) {
        this.libpqName = libpqName;
    }

    public String libpqName() {
        return libpqName;
    }

    public static SslMode parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(mode -> mode.libpqName.equals(wanted))
                .findFirst()
                .orElseThrow(() -> BackupDeskException.configuration(
                        "Unknown SSL mode '" + text + "'.",
                        "Use one of disable, allow, prefer, require, verify-ca, verify-full."));
    }
}
