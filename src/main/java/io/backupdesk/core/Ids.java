package io.backupdesk.core;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Short random identifiers for backups and runs: 12 hex digits, unique enough for any catalog. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() { }

    public static String newId() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
