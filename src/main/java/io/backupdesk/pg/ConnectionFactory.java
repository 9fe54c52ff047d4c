package io.backupdesk.pg;

import java.util.Locale;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ErrorKind;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * Opens JDBC connections for a profile with the same identity the client programs use: our application name, the
 * connect timeout, SSL mode, and the password given (pgjdbc falls back to ~/.pgpass by itself when none is).
 */
public final class ConnectionFactory {

    /**
     * @param password the password for this login, if known; never logged
     */
    public Connection open(ConnectionProfile profile, String database, Optional<String> password) {
        Properties props = new Properties();
        if (profile.user() != null) {
            props.setProperty("user", profile.user());
        }
        password.ifPresent(p -> props.setProperty("password", p));
        props.setProperty("sslmode", profile.sslMode().libpqName());
        props.setProperty("ApplicationName", PgEnvironment.APPLICATION_NAME);
        props.setProperty("connectTimeout", String.valueOf(PgEnvironment.CONNECT_TIMEOUT_SECONDS));
        props.setProperty("loginTimeout", String.valueOf(PgEnvironment.CONNECT_TIMEOUT_SECONDS + 5));
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("assumeMinServerVersion", "9.2");
        try {
            return DriverManager.getConnection(url(profile, database), props);
        } catch (SQLException e) {
            throw classify(e, profile.describe());
        }
    }

    private static String url(ConnectionProfile profile, String database) {
        if (profile.host() == null) {
            return "jdbc:postgresql://?service=" + profile.service() + (database == null ? "" : "&dbname=" + database);
        }
        String host = profile.host().contains(":") ? "[" + profile.host() + "]" : profile.host();
        return "jdbc:postgresql://" + host + ":" + profile.port() + "/" + encode(database);
    }

    private static String encode(String database) {
        return database == null ? "" : URLEncoder.encode(database, StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    /** Maps a JDBC failure to the same kinds the tool errors use, by SQLSTATE first and message second. */
    public static BackupDeskException classify(SQLException e, String target) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = String.valueOf(e.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        ErrorKind kind;
        if (lower.contains("no password was provided")) {
            kind = ErrorKind.PASSWORD_REQUIRED;
        } else if (state.startsWith("28")) {
            kind = ErrorKind.AUTHENTICATION;
        } else if (state.equals("3D000")) {
            kind = ErrorKind.UNKNOWN_DATABASE;
        } else if (state.equals("42501")) {
            kind = ErrorKind.PERMISSION_DENIED;
        } else if (state.equals("55P03") || state.equals("57014")) {
            kind = ErrorKind.TIMEOUT;
        } else if (state.equals("53100")) {
            kind = ErrorKind.DISK_FULL;
        } else if (state.startsWith("08")) {
            kind = ErrorKind.CONNECTION;
        } else {
            kind = ErrorKind.TOOL_FAILED;
        }
        String text = switch (kind) {
            case PASSWORD_REQUIRED -> "Could not log in to " + target + ": the server wants a password and none is stored for this profile.";
            case AUTHENTICATION -> "Could not log in to " + target + ": " + ToolErrors.authReason(lower);
            case UNKNOWN_DATABASE -> "The database " + ToolErrors.quotedDatabase(message) + " does not exist on " + target + ".";
            case CONNECTION -> "Could not connect to " + target + ": " + ToolErrors.connectionReason(lower);
            case PERMISSION_DENIED -> "Permission denied on " + ToolErrors.permissionObject(message) + " on " + target + ".";
            default -> message + " (" + target + ")";
        };
        return new BackupDeskException(kind, text, ToolErrors.hintFor(kind), List.of(message), e);
    }
}
