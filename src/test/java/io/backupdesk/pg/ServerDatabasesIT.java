package io.backupdesk.pg;

import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ServerScope;
import io.backupdesk.store.ProfilePasswords;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** "Find databases" of a server connection on the connections screen, against the test server. */
@ExtendWith(PostgresServerExtension.class)
class ServerDatabasesIT {
    @Test
    void aServerConnectionFindsItsDatabasesButNoTemplateNorOneThatRefusesConnections(TestServer server,
                                                                                       @TempDir Path dir) {
        String open = server.createDatabase();
        String closed = server.createDatabase();
        server.execute("postgres", "alter database " + closed + " allow_connections false");
        ConnectionProfile profile = server.profile("prod", "postgres").withServer(ServerScope.everyDatabase());
        ConnectionCheck check = new ConnectionCheck(new ConnectionFactory(),
                new ToolSelection(ToolDiscovery.standard(null, System.getenv())),
                new Credentials(new ProfilePasswords(dir.resolve("passwords")), dir.resolve("runs")));

        List<String> databases = check.databases(profile, Optional.of(server.password()));

        // a database that refuses connections is still dropped after the test: DROP DATABASE needs no connection to it
        assertThat(databases).contains(open, "postgres").doesNotContain(closed, "template0", "template1");
    }
}
