package io.backupdesk.pg;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Optional;

/**
 * Turns what a client program printed into a typed error with a hint. The programs run with LC_MESSAGES=C, so their
 * own messages are English; server messages follow the server's language and may fall through to TOOL_FAILED.
 */
public final class ToolErrors {
    private static final Pattern UNKNOWN_DB = Pattern.compile("database \"([^\"]+)\" does not exist");
    private static final int SIGXFSZ = 25;
    private static final Pattern PERMISSION = Pattern.compile("permission denied for ([a-z ]+) (\\S+)");

    private ToolErrors() { }

    /**
     * Classifies a failed run.
     *
     * @param target what the tool worked on, e.g. "sales on db1:5432", for the message
     */
    public static BackupDeskException classify(String tool, ProcessRunner.Result result, String target) {
        List<String> tail = result.stderrTail();
        String all = String.join("\n", tail);
        String lower = all.toLowerCase(Locale.ROOT);
        int signal = result.exitCode() > 128 && result.exitCode() < 160 ? result.exitCode() - 128 : 0;
        if (signal == SIGXFSZ) {
            return new BackupDeskException(ErrorKind.DISK_FULL, writeFailed("the file size limit was reached"),
                    hintFor(ErrorKind.DISK_FULL), tail, null);
        }
        ErrorKind kind = kindOf(lower);
        String message = switch (kind) {
            case AUTHENTICATION -> tool + " could not log in to " + target + ": " + authReason(lower);
            case PASSWORD_REQUIRED -> tool + " could not log in to " + target + ": the server wants a password and none is stored for this profile.";
            case UNKNOWN_DATABASE -> "The database " + quotedDatabase(all) + " does not exist on " + target + ".";
            case CONNECTION -> lostMidway(lower)
                    ? tool + " lost its connection to " + target + " while it ran: the server closed it or went away"
                    + " (stopped, restarted or unreachable). " + errorLine(tail)
                    : tool + " could not connect to " + target + ": " + connectionReason(lower);
            case VERSION_MISMATCH -> tool + " is older than the server of " + target + ". " + detailLine(tail);
            case PERMISSION_DENIED -> "Permission denied on " + permissionObject(all) + " while running " + tool + " on " + target + ".";
            case DISK_FULL -> writeFailed(diskFullReason(lower));
            case TIMEOUT -> tool + " gave up waiting for a lock on " + target + ": another session holds a table exclusively.";
            case CONFIGURATION -> tool + " found nothing to do: " + errorLine(tail);
            default -> signal > 0
                    ? tool + " was stopped by signal " + signal + " (killed from outside, e.g. for lack of memory): " + errorLine(tail)
                    : tool + " failed with exit code " + result.exitCode() + ": " + errorLine(tail);
        };
        return new BackupDeskException(kind, message, hintFor(kind), tail, null);
    }

    static ErrorKind kindOf(String lower) {
        if (lower.contains("no password supplied") || lower.contains("password is required")) {
            return ErrorKind.PASSWORD_REQUIRED;
        }
        if (lower.contains("authentication failed") || lower.contains("no pg_hba.conf entry")) {
            return ErrorKind.AUTHENTICATION;
        }
        if (UNKNOWN_DB.matcher(lower).find()) {
            return ErrorKind.UNKNOWN_DATABASE;
        }
        if (lower.contains("server version mismatch") || lower.contains("unsupported version")) {
            return ErrorKind.VERSION_MISMATCH;
        }
        if (isDiskFull(lower)) {
            return ErrorKind.DISK_FULL;
        }
        if (lower.contains("lock timeout") || lower.contains("could not obtain lock")) {
            return ErrorKind.TIMEOUT;
        }
        if (lower.contains("permission denied")) {
            return ErrorKind.PERMISSION_DENIED;
        }
        if (lower.contains("connection refused") || lower.contains("could not translate host name")
                || lower.contains("timeout expired") || lower.contains("no route to host")
                || lower.contains("network is unreachable") || lower.contains("could not connect to server")
                || lower.contains("connection to server") || lower.contains("server closed the connection")
                || lostMidway(lower)) {
            return ErrorKind.CONNECTION;
        }
        if (lower.contains("no matching tables were found") || lower.contains("no matching schemas were found")) {
            return ErrorKind.CONFIGURATION;
        }
        return ErrorKind.TOOL_FAILED;
    }

    /** A connection that was up and broke, as opposed to one that never came up. */
    static boolean lostMidway(String lower) {
        return lower.contains("server closed the connection unexpectedly") || lower.contains("connection to server was lost")
                || lower.contains("terminating connection due to administrator command")
                || lower.contains("could not receive data from server");
    }

    /** The one message for every write failure in the backup folder, whoever wrote. */
    public static String writeFailed(String reason) {
        return "Writing the backup failed: " + reason + ".";
    }

    /** Which of the "no more room" errors this is, in words. */
    public static String diskFullReason(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("file too large")) {
            return "the file size limit was reached";
        }
        if (lower.contains("quota")) {
            return "the disk quota is used up";
        }
        return "the disk is full";
    }

    public static boolean isDiskFull(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("no space left on device") || lower.contains("file too large")
                || lower.contains("disk quota exceeded") || lower.contains("not enough space");
    }

    /** What to do about an error of this kind. */
    public static String hintFor(ErrorKind kind) {
        return switch (kind) {
            case AUTHENTICATION -> "Check the user and password stored with the connection profile, and that"
                    + " pg_hba.conf admits you.";
            case PASSWORD_REQUIRED -> "Store the password with the connection profile, or start the job where you"
                    + " can be asked for it.";
            case UNKNOWN_DATABASE -> "Check the database name in the profile; list the databases with psql -l.";
            case CONNECTION -> "Check that the server is running and reachable at that host and port (firewall, VPN, listen_addresses).";
            case VERSION_MISMATCH -> "Install client programs at least as new as the server.";
            case PERMISSION_DENIED -> "Back up as a role that may read every object (the owner, or a member of pg_read_all_data),"
                    + " or leave the object out of the backup (exclude its table or schema).";
            case DISK_FULL -> "Free space on the backup volume (or raise the file size limit), or choose another backup folder;"
                    + " earlier backups were not touched.";
            case TIMEOUT -> "Try again when the exclusive lock is released (a long ALTER TABLE, VACUUM FULL or REINDEX), or raise the limit.";
            case CONFIGURATION -> "Check the schema and table patterns; they follow pg_dump's -n/-t rules and are case-sensitive only in double quotes.";
            case TOOL_MISSING -> "Install the PostgreSQL client programs, or set the client tools folder in the settings.";
            case CANCELLED -> "Nothing was kept from the cancelled run.";
            case IO -> "Check the backup folder: that it exists, is writable and has free space.";
            case TOOL_FAILED -> "See the details for the tool's own words.";
            case BUSY -> "Wait for the other job to finish, then try again.";
            case PREFLIGHT_BLOCKED -> "See the pre-flight report for what would clear it.";
            case TOO_LARGE -> "Raise the size limit, or leave large tables' rows out (exclude table data);"
                    + " earlier backups were not touched.";
        };
    }

    /**
     * What to do, as the command line says it, for the kinds where a command is the way out; empty for the others,
     * which {@link #hintFor} says for every front.
     */
    public static Optional<String> commandLineHintFor(ErrorKind kind) {
        return Optional.ofNullable(switch (kind) {
            case AUTHENTICATION -> "Check the user and password of the profile (store the password with"
                    + " 'backupdesk profiles add NAME --url ... --password-stdin'), and that pg_hba.conf admits you.";
            case PASSWORD_REQUIRED -> "Store the password with 'backupdesk profiles add NAME --url ... --password-stdin',"
                    + " or run the command in a terminal to be asked for it.";
            case PERMISSION_DENIED -> "Back up as a role that may read every object (the owner, or a member of"
                    + " pg_read_all_data), or exclude the object with --exclude-table / --exclude-schema.";
            case PREFLIGHT_BLOCKED -> "See the pre-flight report ('backupdesk restore --preflight ...') for what would"
                    + " clear it.";
            default -> null;
        });
    }

    static String authReason(String lower) {
        if (lower.contains("no pg_hba.conf entry")) {
            return "the server's pg_hba.conf does not admit this user from here.";
        }
        return "the password was rejected.";
    }

    static String connectionReason(String lower) {
        if (lower.contains("connection refused")) {
            return "the connection was refused (is the server running on that port?).";
        }
        if (lower.contains("could not translate host name") || lower.contains("unknownhost")) {
            return "the host name is unknown.";
        }
        if (lower.contains("timeout expired") || lower.contains("timed out")) {
            return "the connection timed out.";
        }
        return "the server could not be reached.";
    }

    static String permissionObject(String all) {
        Matcher m = PERMISSION.matcher(all);
        return m.find() ? m.group(1) + " " + m.group(2) : "an object";
    }

    static String quotedDatabase(String all) {
        Matcher m = UNKNOWN_DB.matcher(all);
        return m.find() ? "'" + m.group(1) + "'" : "named in the profile";
    }

    /** The most telling line: the last one with "error:", else the last line. */
    public static String errorLine(List<String> tail) {
        for (int i = tail.size() - 1; i >= 0; i--) {
            String line = tail.get(i);
            int at = line.indexOf("error: ");
            if (at >= 0) {
                return line.substring(at + "error: ".length()).trim();
            }
        }
        return tail.isEmpty() ? "(no output)" : tail.get(tail.size() - 1).trim();
    }

    private static String detailLine(List<String> tail) {
        for (String line : tail) {
            int at = line.indexOf("detail: ");
            if (at >= 0) {
                return line.substring(at + "detail: ".length()).trim().replace(';', ',') + ".";
            }
        }
        return "";
    }
}
