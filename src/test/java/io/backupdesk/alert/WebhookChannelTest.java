package io.backupdesk.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.store.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The webhook against a real HTTP server on the loopback interface. */
class WebhookChannelTest {
    private static final String SECRET_PATH = "/services/T0001/B0002/s3cr3t-t0ken";

    private HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch stalled = new CountDownLatch(1);
    private volatile int status = 200;
    private volatile String answer = "ok";
    private volatile boolean stall;

    record Request(String method, String contentType, String body) { }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(SECRET_PATH, this::answer);
        server.setExecutor(handlers);
        server.start();
    }

    private void answer(HttpExchange exchange) throws IOException {
        received.add(new Request(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Content-Type"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        if (stall) {
            try {
                stalled.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterEach
    void stopServer() {
        stalled.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + SECRET_PATH;
    }

    private static Alert alert() {
        return new Alert("Backup of sales on prod failed", "Error: the disk is \"full\"\nWhat to do: free space",
                Instant.parse("2026-11-21T03:00:00Z"), Alert.Severity.FAILURE);
    }

    @Test
    void theAlertIsPostedAsSlackJsonWithItsText() throws IOException {
        new WebhookChannel(url()).send(alert());

        assertThat(received).hasSize(1);
        Request request = received.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.contentType()).startsWith("application/json");
        JsonNode json = Json.mapper().readTree(request.body());
        assertThat(json.size()).isEqualTo(1);
        assertThat(json.get("text").asText())
                .isEqualTo("Backup of sales on prod failed\n\nError: the disk is \"full\"\nWhat to do: free space");
    }

    @Test
    void anyTwoHundredAnswerIsSuccess() {
        status = 204;
        answer = "";
        new WebhookChannel(url()).send(alert());
        assertThat(received).hasSize(1);
    }

    @Test
    void aRefusalNamesTheStatusAndTheStartOfTheAnswerButNotTheSecret() {
        status = 403;
        answer = "invalid_token" + " padding".repeat(100);

        WebhookChannel channel = new WebhookChannel(url());
        BackupDeskException e = catchThrowableOfType(BackupDeskException.class, () -> channel.send(alert()));

        assertThat(e.getMessage()).contains("HTTP 403: invalid_token").hasSizeLessThan(320)
                .doesNotContain("s3cr3t").contains("http://127.0.0.1:" + server.getAddress().getPort() + "/…");
        assertThat(e.hint()).contains("webhook may have been removed");
    }

    @Test
    void aServerErrorSaysToTryAgainLater() {
        status = 500;
        answer = "internal error";

        assertThatThrownBy(() -> new WebhookChannel(url()).send(alert())).isInstanceOf(BackupDeskException.class)
                .hasMessageContaining("HTTP 500: internal error")
                .extracting(e -> ((BackupDeskException) e).hint()).asString().contains("try again later");
    }

    @Test
    void aWebhookThatDoesNotAnswerTimesOut() {
        stall = true;
        WebhookChannel channel = new WebhookChannel(url(), Duration.ofMillis(500));

        BackupDeskException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                catchThrowableOfType(BackupDeskException.class, () -> channel.send(alert())));

        assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(e.getMessage()).contains("did not answer within 500 ms").doesNotContain("s3cr3t");
    }

    @Test
    void aClosedPortIsARefusedConnection() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }

        assertThatThrownBy(() -> new WebhookChannel("https://127.0.0.1:" + closed + SECRET_PATH).send(alert()))
                .isInstanceOf(BackupDeskException.class)
                .hasMessage("Could not connect to the webhook at https://127.0.0.1:" + closed
                        + "/…: the connection was refused.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.1/hook", "file:///srv/hooks/alert.json", "hooks.example.com/services/x", "mailto:a@b.c",
            "https:///no-host", "http://exa mple.com/"})
    void onlyHttpAndHttpsUrlsAreTaken(String url) {
        assertThatThrownBy(() -> new WebhookChannel(url).send(alert())).isInstanceOf(BackupDeskException.class)
                .hasMessageStartingWith("The webhook URL")
                .extracting(e -> ((BackupDeskException) e).kind()).isEqualTo(ErrorKind.CONFIGURATION);
        assertThat(received).isEmpty();
    }

    @Test
    void aMissingUrlSaysSo() {
        assertThatThrownBy(() -> new WebhookChannel(" ").send(alert())).hasMessage("No webhook URL is set.");
    }

    @Test
    void theTargetShowsOnlySchemeHostAndPort() {
        assertThat(new WebhookChannel("https://user:pw@hooks.example.com:8443/services/T1/B2/secret?x=1").target())
                .isEqualTo("https://hooks.example.com:8443/…");
        assertThat(new WebhookChannel("ftp://x").target()).isEqualTo("an invalid URL");
    }
}
