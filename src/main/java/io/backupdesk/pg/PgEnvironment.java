package io.backupdesk.pg;

import io.backupdesk.core.ConnectionProfile;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment the client programs run in: connection settings as libpq variables (so no secret and no
 * connection string is ever on a command line), our application name, a connect timeout, English messages, and the
 * password file. An inherited PGPASSWORD is removed so that the password always comes from a pgpass file.
 */
public final class PgEnvironment {
    public static final String APPLICATION_NAME = "backupdesk";
    public static final int CONNECT_TIMEOUT_SECONDS = 10;

    private PgEnvironment() { }

    /**
     * @param passFile the pgpass file to use; null leaves libpq's own lookup (PGPASSFILE or ~/.pgpass) alone
     */
    public static Map<String, String> forProfile(ConnectionProfile profile, Path passFile) {
        Map<String, String> env = new HashMap<>();
        env.put("PGPASSWORD", null);
        env.put("PGAPPNAME", APPLICATION_NAME);
        env.put("PGCONNECT_TIMEOUT", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        env.put("LC_MESSAGES", "C");
        env.put("LC_ALL", null);
        env.put("LANGUAGE", null);
        env.put("PGSERVICE", profile.service());
        env.put("PGHOST", profile.host());
        env.put("PGPORT", profile.host() == null && profile.service() != null ? null : String.valueOf(profile.port()));
        env.put("PGUSER", profile.user());
        env.put("PGDATABASE", profile.database());
        env.put("PGSSLMODE", profile.sslMode().libpqName());
        if (passFile != null) {
            env.put("PGPASSFILE", passFile.toString());
        }
        return env;
    }
}
