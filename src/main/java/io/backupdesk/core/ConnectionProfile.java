package io.backupdesk.core;

import java.util.regex.Pattern;

/**
 * Where a database lives and who we connect as. Holds no password: that lives in the pgpass file.
 *
 * @param host    host name or address; null when the service file supplies it
 * @param service optional pg_service.conf service name; its settings apply where this profile leaves a field null
 */
public record ConnectionProfile(String name, String host, int port, String database, String user, SslMode sslMode,
                                String service) {
    public static final int DEFAULT_PORT = 5432;
    /** Profile names become folder names under the backup root, so they stay portable. */
    private static final Pattern VALID_NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,63}");

    public ConnectionProfile {
        if (name == null || !VALID_NAME.matcher(name).matches()) {
            throw BackupDeskException.configuration("'" + name + "' is not a valid profile name.",
                    "Use up to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        if (port <= 0 || port > 65535) {
            throw BackupDeskException.configuration("Port " + port + " is out of range.", "Use a port between 1 and 65535.");
        }
        if (sslMode == null) {
            sslMode = SslMode.PREFER;
        }
        if (service == null && (database == null || database.isBlank())) {
            throw BackupDeskException.configuration("Profile '" + name + "' names no database.",
                    "Add the database to the URL, e.g. postgresql://user@host:5432/mydb.");
        }
    }

    public ConnectionProfile withName(String newName) {
        return new ConnectionProfile(newName, host, port, database, user, sslMode, service);
    }

    public ConnectionProfile withDatabase(String newDatabase) {
        return new ConnectionProfile(name, host, port, newDatabase, user, sslMode, service);
    }

    /** "user@host:port/database", for messages and lists; never contains a password. */
    public String describe() {
        String where = host == null ? "service " + service : host + ":" + port;
        return (user == null ? "" : user + "@") + where + "/" + database;
    }
}
