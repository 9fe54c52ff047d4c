package io.backupdesk.core;

/**
 * Who started a backup or a job, as its sidecar and its history line store it ({@code origin}), read back. The stored
 * text stays what it always was for the older kinds, so that retention, which keeps a schedule's backups by its
 * origin, and every sidecar written before still read the same.
 *
 * @param reference the schedule's id for {@link Kind#SCHEDULE} and {@link Kind#TEST_RESTORE}, the restore's id for
 *                  {@link Kind#SAFETY_BACKUP} and {@link Kind#ROLLBACK}; else null
 * @param text      the stored text itself
 */
public record Origin(Kind kind, String reference, String text) {
    /** What started it. */
    public enum Kind {
        /** The desktop's Back up now. */
        BACK_UP_NOW,
        /** {@code backupdesk backup}. */
        COMMAND_LINE,
        /** The tray menu's Back up now. */
        TRAY,
        /** By hand, before the app told its front ends apart ({@code manual}). */
        BY_HAND,
        /** A schedule's run, also when started with its Run now. */
        SCHEDULE,
        /** A schedule's weekly test restore (in the history only). */
        TEST_RESTORE,
        /** The backup a restore takes of the database it is about to replace. */
        SAFETY_BACKUP,
        /** A restore put back by a rollback (in the history only). */
        ROLLBACK,
        /** A dump made elsewhere and imported. */
        IMPORT,
        /** Nothing stored, or a text this version does not know (a newer version's, or an edited sidecar). */
        UNKNOWN
    }

    /** Before the front ends were told apart, every backup by hand was this. */
    public static final String MANUAL = "manual";
    public static final String BACK_UP_NOW = "manual:app";
    public static final String COMMAND_LINE = "manual:cli";
    public static final String TRAY = "manual:tray";
    public static final String IMPORT = "import";
    public static final String SAFETY_PREFIX = "restore:";
    public static final String ROLLBACK_PREFIX = "rollback:";

    /** Reads a stored origin; never fails, since a sidecar may say anything. */
    public static Origin of(String text) {
        if (text == null || text.isBlank()) {
            return new Origin(Kind.UNKNOWN, null, text);
        }
        return switch (text) {
            case MANUAL -> new Origin(Kind.BY_HAND, null, text);
            case BACK_UP_NOW -> new Origin(Kind.BACK_UP_NOW, null, text);
            case COMMAND_LINE -> new Origin(Kind.COMMAND_LINE, null, text);
            case TRAY -> new Origin(Kind.TRAY, null, text);
            case IMPORT -> new Origin(Kind.IMPORT, null, text);
            default -> prefixed(text);
        };
    }

    private static Origin prefixed(String text) {
        if (text.startsWith(Schedule.ORIGIN_PREFIX)) {
            return referring(Kind.SCHEDULE, text, Schedule.ORIGIN_PREFIX);
        }
        if (text.startsWith(Schedule.TEST_RESTORE_PREFIX)) {
            return referring(Kind.TEST_RESTORE, text, Schedule.TEST_RESTORE_PREFIX);
        }
        if (text.startsWith(SAFETY_PREFIX)) {
            return referring(Kind.SAFETY_BACKUP, text, SAFETY_PREFIX);
        }
        if (text.startsWith(ROLLBACK_PREFIX)) {
            return referring(Kind.ROLLBACK, text, ROLLBACK_PREFIX);
        }
        return new Origin(Kind.UNKNOWN, null, text);
    }

    private static Origin referring(Kind kind, String text, String prefix) {
        String reference = text.substring(prefix.length());
        return reference.isBlank() ? new Origin(Kind.UNKNOWN, null, text) : new Origin(kind, reference, text);
    }
}
