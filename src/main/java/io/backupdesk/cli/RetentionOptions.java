package io.backupdesk.cli;

import io.backupdesk.core.RetentionPolicy;
import picocli.CommandLine.Option;

/** The retention rules of a schedule or a destination, with the same names wherever they are given. */
final class RetentionOptions {
    @Option(names = "--keep-last", paramLabel = "N", description = "Keep the newest N backups (N >= 1).")
    Integer keepLast;
    @Option(names = "--daily", paramLabel = "D", description = "Keep the newest backup of each of the last D days.")
    Integer daily;
    @Option(names = "--weekly", paramLabel = "W", description = "... of each of the last W weeks.")
    Integer weekly;
    @Option(names = "--monthly", paramLabel = "M", description = "... of each of the last M months.")
    Integer monthly;
    @Option(names = "--max-age", paramLabel = "DURATION", description = "Delete backups older than this, e.g. 90d.")
    String maxAge;

    RetentionPolicy policy() {
        return new RetentionPolicy(keepLast, daily, weekly, monthly, maxAge == null ? null : Durations.parse(maxAge));
    }
}
