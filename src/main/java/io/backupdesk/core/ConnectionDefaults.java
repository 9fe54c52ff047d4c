package io.backupdesk.core;

import java.util.Map;

/** Defaults for a new profile, taken from the libpq environment variables the way psql would. */
public record ConnectionDefaults(String host, int port, String user, String database, SslMode sslMode, String service) {

    public static ConnectionDefaults fromEnvironment(Map<String, String> env, String osUser) {
        String user = nonBlank(env.get("PGUSER"), osUser);
        return new ConnectionDefaults(
                nonBlank(env.get("PGHOST"), "localhost"),
                parsePort(env.get("PGPORT")),
                user,
                nonBlank(env.get("PGDATABASE"), user),
                env.get("PGSSLMODE") == null ? SslMode.PREFER : SslMode.parse(env.get("PGSSLMODE")),
                env.get("PGSERVICE"));
    }

    /**
     * The same for a server connection, which logs in to {@code postgres} unless its URL names another database: it
     * backs up every database, and PGDATABASE names one to work on, not one to list the others from.
     */
    public ConnectionDefaults forServerConnection() {
        return new ConnectionDefaults(host, port, user, "postgres", sslMode, service);
    }

    public static ConnectionDefaults fromSystem() {
        return fromEnvironment(System.getenv(), System.getProperty("user.name"));
    }

    private static int parsePort(String text) {
        try {
            return text == null || text.isBlank() ? ConnectionProfile.DEFAULT_PORT : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return ConnectionProfile.DEFAULT_PORT;
        }
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
