package io.backupdesk.pg;

import io.backupdesk.core.ConnectionProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** "Test connection": logs in, reads the server's version and the database's size, and picks the client programs. */
public final class ConnectionCheck {
    /**
     * What the test found. {@code problems} holds one sentence per thing that would stop a backup or restore.
     */
    public record Report(String target, String serverVersionText, PgVersion serverVersion, long databaseSizeBytes,
                         Optional<ClientInstallation> pgDump, Optional<ClientInstallation> pgRestore, List<String> problems) {
        public boolean compatible() {
            return problems.isEmpty();
        }
    }

    private final ConnectionFactory connections;
    private final ToolSelection tools;
    private final Credentials credentials;

    public ConnectionCheck(ConnectionFactory connections, ToolSelection tools, Credentials credentials) {
        this.connections = connections;
        this.tools = tools;
        this.credentials = credentials;
    }

    /** Blocks for at most the connect timeout; throws the classified error when the login fails. */
    public Report test(ConnectionProfile profile, Optional<String> runtimePassword) {
        Optional<String> password = runtimePassword.or(() -> credentials.storedPassword(profile));
        try (ServerInspector inspector = new ServerInspector(connections.open(profile, profile.database(), password),
                profile.describe())) {
            PgVersion server = inspector.serverVersion();
            Optional<ClientInstallation> dump = tools.compatible(ClientTool.PG_DUMP, server);
            Optional<ClientInstallation> restore = tools.compatible(ClientTool.PG_RESTORE, server);
            List<String> problems = new ArrayList<>();
            if (dump.isEmpty()) {
                problems.add(noTool(ClientTool.PG_DUMP, server));
            }
            if (restore.isEmpty()) {
                problems.add(noTool(ClientTool.PG_RESTORE, server));
            }
            return new Report(profile.describe(), inspector.serverVersionText(), server, inspector.databaseSize(),
                    dump, restore, List.copyOf(problems));
        }
    }

    /**
     * Logs in to a server connection's login database and lists the databases a set of it could take, before its
     * patterns narrow them ({@link DatabaseScope#choose}). Blocks for at most the connect timeout.
     */
    public List<String> databases(ConnectionProfile profile, Optional<String> runtimePassword) {
        Optional<String> password = runtimePassword.or(() -> credentials.storedPassword(profile));
        try (ServerInspector inspector = new ServerInspector(connections.open(profile, profile.database(), password),
                profile.describe())) {
            return inspector.connectableDatabases();
        }
    }

    private String noTool(ClientTool tool, PgVersion server) {
        String found = tools.newest(tool).map(i -> "the newest found is " + i.version()).orElse("none was found");
        return tool.baseName() + " " + server.major() + " or newer is needed; " + found + ". "
                + InstallHints.clientTools(server.major());
    }
}
