package io.backupdesk.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/** The fallback server: PostgreSQL in a container, started once per test run, when Docker is there. */
final class DockerServer {
    /** Not newer than the client programs CI installs, so pg_dump is never older than the server. */
    private static final String IMAGE = "postgres:15-alpine";

    private DockerServer() { }

    static boolean available() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource")
    static PostgresServerExtension.ServerAddress start() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(IMAGE);
        container.start();
        return new PostgresServerExtension.ServerAddress(container.getHost(), container.getMappedPort(5432),
                container.getUsername(), container.getPassword(), container.getDatabaseName());
    }
}
