package io.backupdesk.core;

import java.util.List;

/**
 * Which databases a server connection backs up: every database the server has when a run starts, but never a
 * template nor one that refuses connections, narrowed by these patterns. The patterns follow pg_dumpall's
 * {@code --exclude-database}: psql's rules, {@code *} and {@code ?} wildcards, double quotes to keep case.
 *
 * @param include only databases matching one of these; empty for all
 * @param exclude never databases matching one of these, even when an include pattern matches them
 */
public record ServerScope(List<String> include, List<String> exclude) {
    public ServerScope {
        include = include == null ? List.of() : List.copyOf(include);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        for (String pattern : concat(include, exclude)) {
            if (pattern == null || pattern.isBlank()) {
                throw BackupDeskException.configuration("A database pattern is empty.",
                        "Give a database name or a pattern such as 'app_*'.");
            }
        }
    }

    /** Every database of the server. */
    public static ServerScope everyDatabase() {
        return new ServerScope(List.of(), List.of());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
