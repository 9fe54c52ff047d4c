package io.backupdesk.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Gives integration tests a real PostgreSQL server: {@code BACKUPDESK_TEST_PG_URL} when set
 * (postgresql://USER:PASSWORD@HOST:PORT/DATABASE), else a Testcontainers server when Docker runs, else the test fails
 * and says how to provide one. Inject {@link TestServer} as a parameter; its databases are dropped after each test.
 */
public final class PostgresServerExtension implements ParameterResolver, AfterEachCallback {
    public static final String URL_VARIABLE = "BACKUPDESK_TEST_PG_URL";
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PostgresServerExtension.class);
    private static volatile ServerAddress shared;

    /** Where the server is and how to log in. */
    record ServerAddress(String host, int port, String user, String password, String database) { }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ServerAddress a = address();
        return context.getStore(NS).getOrComputeIfAbsent("server",
                key -> new TestServer(a.host(), a.port(), a.user(), a.password(), a.database()), TestServer.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestServer server = context.getStore(NS).remove("server", TestServer.class);
        if (server != null) {
            server.dropCreated();
        }
    }

    static synchronized ServerAddress address() {
        if (shared == null) {
            shared = locate();
        }
        return shared;
    }

    private static ServerAddress locate() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            url = System.getProperty(URL_VARIABLE);
        }
        if (url != null && !url.isBlank()) {
            return parse(url);
        }
        if (DockerServer.available()) {
            return DockerServer.start();
        }
        throw new ParameterResolutionException("No PostgreSQL server for the integration tests. Set " + URL_VARIABLE
                + "=postgresql://USER:PASSWORD@HOST:PORT/postgres (a login that may create databases), or start Docker"
                + " so that Testcontainers can run one. .ci/run shows how to start a local server.");
    }

    static ServerAddress parse(String url) {
        URI uri = URI.create(url.replaceFirst("^postgres(ql)?://", "http://"));
        String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo();
        int colon = userInfo.indexOf(':');
        String user = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo);
        String password = colon >= 0 ? decode(userInfo.substring(colon + 1)) : "";
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
        return new ServerAddress(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user, password, database);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
