package io.backupdesk.restore;

/**
 * One pre-flight finding.
 *
 * @param message what was found, in a sentence a DBA understands
 * @param fix     what would clear a warning or a block; empty when nothing needs doing
 */
public record PreflightCheck(CheckId id, Level level, String message, String fix) {
    /** OK needs nothing; WARN is worth reading; BLOCK stops the restore unless the plan overrides it. */
    public enum Level { OK, WARN, BLOCK }

    public static PreflightCheck ok(CheckId id, String message) {
        return new PreflightCheck(id, Level.OK, message, "");
    }

    public static PreflightCheck warn(CheckId id, String message, String fix) {
        return new PreflightCheck(id, Level.WARN, message, fix);
    }

    public static PreflightCheck block(CheckId id, String message, String fix) {
        return new PreflightCheck(id, Level.BLOCK, message, fix);
    }
}
