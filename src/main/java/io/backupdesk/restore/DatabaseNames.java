package io.backupdesk.restore;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Predicate;

/** Names of the databases a restore makes beside the target, within PostgreSQL's 63 bytes and never taken. */
final class DatabaseNames {
    private static final int MAX_BYTES = 63;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    private DatabaseNames() { }

    /** e.g. "sales_before_20261121_143000", the database part shortened when the whole would be too long. */
    static String derived(String database, String role, LocalDateTime at, Predicate<String> taken) {
        String suffix = "_" + role + "_" + STAMP.format(at);
        for (int n = 1; ; n++) {
            String tail = n == 1 ? suffix : suffix + "_" + n;
            String name = shorten(database, MAX_BYTES - tail.length()) + tail;
            if (!taken.test(name)) {
                return name;
            }
        }
    }

    private static String shorten(String name, int maxBytes) {
        String result = name;
        while (result.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            result = result.substring(0, result.offsetByCodePoints(result.length(), -1));
        }
        return result;
    }
}
