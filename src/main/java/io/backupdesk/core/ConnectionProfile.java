package io.backupdesk.core;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a database lives and who we connect as. Holds no password: that lives in the pgpass file.
 *
 * @param host    host name or address; null when the service file supplies it
 * @param service optional pg_service.conf service name; its settings apply where this profile leaves a field null
 * @param encryptTo every backup of this connection is encrypted to these keys (stored keys' names or age1… public
 *                  keys); empty for none
 * @param copyTo    every backup of this connection is copied to these destinations once verified; empty for none
 * @param server    null for a connection to one database; else this is a server connection, whose backup is a set of
 *                  every database in this scope plus the roles, and {@code database} is only the one it logs in to
 *                  to find them
 * @param preset    the backup preset a backup of this connection starts from when none is chosen; null for the
 *                  settings' defaults
 */
public record ConnectionProfile(String name, String host, int port, String database, String user, SslMode sslMode,
                                String service, List<String> encryptTo, List<String> copyTo, ServerScope server,
                                String preset) {
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
        encryptTo = encryptTo == null ? List.of() : List.copyOf(encryptTo);
        copyTo = copyTo == null ? List.of() : List.copyOf(copyTo);
        if (sslMode == null) {
            sslMode = SslMode.PREFER;
        }
        if (service == null && (database == null || database.isBlank())) {
            throw BackupDeskException.configuration("Profile '" + name + "' names no database.",
                    "Add the database to the URL, e.g. postgresql://user@host:5432/mydb.");
        }
    }

    /** A connection whose backups are not encrypted. */
    public ConnectionProfile(String name, String host, int port, String database, String user, SslMode sslMode,
                             String service) {
        this(name, host, port, database, user, sslMode, service, List.of(), List.of(), null, null);
    }

    /** A connection whose backups stay on this desk. */
    public ConnectionProfile(String name, String host, int port, String database, String user, SslMode sslMode,
                             String service, List<String> encryptTo) {
        this(name, host, port, database, user, sslMode, service, encryptTo, List.of(), null, null);
    }

    /** A connection to one database. */
    public ConnectionProfile(String name, String host, int port, String database, String user, SslMode sslMode,
                             String service, List<String> encryptTo, List<String> copyTo) {
        this(name, host, port, database, user, sslMode, service, encryptTo, copyTo, null, null);
    }

    /** A connection backing up with the settings' defaults unless told otherwise. */
    public ConnectionProfile(String name, String host, int port, String database, String user, SslMode sslMode,
                             String service, List<String> encryptTo, List<String> copyTo, ServerScope server) {
        this(name, host, port, database, user, sslMode, service, encryptTo, copyTo, server, null);
    }

    public ConnectionProfile withName(String newName) {
        return new ConnectionProfile(newName, host, port, database, user, sslMode, service, encryptTo, copyTo,
                server, preset);
    }

    public ConnectionProfile withDatabase(String newDatabase) {
        return new ConnectionProfile(name, host, port, newDatabase, user, sslMode, service, encryptTo, copyTo,
                server, preset);
    }

    public ConnectionProfile withEncryptTo(List<String> keys) {
        return new ConnectionProfile(name, host, port, database, user, sslMode, service, keys, copyTo,
                server, preset);
    }

    public ConnectionProfile withCopyTo(List<String> destinations) {
        return new ConnectionProfile(name, host, port, database, user, sslMode, service, encryptTo, destinations,
                server, preset);
    }

    /** The same connection backing up every database in this scope as a set; null for one database. */
    public ConnectionProfile withServer(ServerScope scope) {
        return new ConnectionProfile(name, host, port, database, user, sslMode, service, encryptTo, copyTo,
                scope, preset);
    }

    /** The same connection starting its backups from this preset; null for the settings' defaults. */
    public ConnectionProfile withPreset(String presetName) {
        return new ConnectionProfile(name, host, port, database, user, sslMode, service, encryptTo, copyTo, server,
                presetName == null || presetName.isBlank() ? null : presetName);
    }

    /** A server connection: its backups are whole-server sets. (Not named isServer: JSON would take it for a field.) */
    public boolean wholeServer() {
        return server != null;
    }

    /** "user@host:port/database", for messages and lists; never contains a password. */
    public String describe() {
        String where = host == null ? "service " + service : host + ":" + port;
        return (user == null ? "" : user + "@") + where + "/" + database;
    }
}
