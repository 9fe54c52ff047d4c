package io.backupdesk.alert;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.store.Json;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * Posts alerts to a Slack-compatible incoming webhook as {@code {"text": "..."}}, which Slack, Mattermost,
 * Rocket.Chat and many relays accept. Any 2xx answer is success. The URL carries the webhook's secret token in its
 * path, so it is never shown or logged in full: {@link #target()} keeps only scheme, host and port.
 */
public final class WebhookChannel implements AlertChannel {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Enough of an error answer to show its reason ("invalid_token", "no_service"), not a whole HTML page. */
    private static final int EXCERPT_BYTES = 200;

    private final String url;
    private final Duration timeout;

    /** A wrong URL is reported when sending, as every other failure of the channel is. */
    public WebhookChannel(String url) {
        this(url, TIMEOUT);
    }

    WebhookChannel(String url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
    }

    /** The URL as a webhook takes it: absolute, http or https, with a host. */
    static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw BackupDeskException.configuration("No webhook URL is set.",
                    "Paste the incoming-webhook URL of your chat channel under Settings, Alerts.");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw BackupDeskException.configuration("The webhook URL is not a valid URL.", copyAgain());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw BackupDeskException.configuration("The webhook URL must start with https:// or http://"
                    + (scheme.isEmpty() ? "." : "; this one starts with " + scheme + ":."), copyAgain());
        }
        if (uri.getHost() == null) {
            throw BackupDeskException.configuration("The webhook URL names no host.", copyAgain());
        }
        return uri;
    }

    private static String copyAgain() {
        return "Copy the whole URL from the chat's webhook settings, e.g. https://hooks.slack.com/services/….";
    }

    @Override
    public Kind kind() {
        return Kind.WEBHOOK;
    }

    @Override
    public String target() {
        try {
            return shown(parse(url));
        } catch (BackupDeskException e) {
            return "an invalid URL";
        }
    }

    /** Scheme, host and port: the path and query hold the secret, a user part may hold a password. */
    private static String shown(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority().replaceFirst("^.*@", "") + "/…";
    }

    @Override
    public void send(Alert alert) {
        URI uri = parse(url);
        String target = shown(uri);
        // a client for each alert: alerts are rare, and a client kept idle would keep its selector thread
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "BackupDesk")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json(alert)))
                .build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BackupDeskException.cancelled();
        } catch (IOException e) {
            throw failure(e, uri, target);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status / 100 != 2) {
                String excerpt = new String(body.readNBytes(EXCERPT_BYTES), StandardCharsets.UTF_8).strip()
                        .replaceAll("\\s+", " ");
                throw new BackupDeskException(ErrorKind.CONNECTION, "The webhook at " + target + " answered HTTP "
                        + status + (excerpt.isEmpty() ? "." : ": " + excerpt), hintFor(status));
            }
        } catch (IOException e) {
            throw failure(e, uri, target);
        }
    }

    private static byte[] json(Alert alert) {
        try {
            return Json.compact().writeValueAsBytes(Map.of("text", alert.text()));
        } catch (IOException e) {
            throw new IllegalStateException("a map of one string is always JSON", e);
        }
    }

    private static String hintFor(int status) {
        if (status >= 500) {
            return "The chat service has a problem of its own; try again later.";
        }
        if (status / 100 == 3) {
            return "The URL points elsewhere now; copy the current webhook URL from the chat's settings.";
        }
        return "Check the URL: the webhook may have been removed or its channel archived. Copy it again from the"
                + " chat's webhook settings.";
    }

    private BackupDeskException failure(IOException e, URI uri, String target) {
        String seconds = Failures.words(timeout);
        String reach = "Check the URL, and that this computer can reach that host (proxy, firewall, VPN).";
        if (e instanceof HttpConnectTimeoutException) {
            return new BackupDeskException(ErrorKind.TIMEOUT, "Could not connect to the webhook at " + target + " within "
                    + seconds + ".", reach, List.of(), e);
        }
        if (e instanceof HttpTimeoutException) {
            return new BackupDeskException(ErrorKind.TIMEOUT, "The webhook at " + target + " did not answer within "
                    + seconds + ".", "The chat service may be slow or down; try again later.", List.of(), e);
        }
        if (Failures.find(e, CertificateException.class) != null) {
            return new BackupDeskException(ErrorKind.CONNECTION, "The webhook at " + target + " showed a certificate"
                    + " that Java on this computer does not trust, or that is made out to another host.",
                    "A company's own certificate authority, or a proxy that inspects TLS, must be added to Java's"
                    + " trusted certificates.", List.of(), e);
        }
        if (e instanceof SSLException) {
            return new BackupDeskException(ErrorKind.CONNECTION, "The secure connection to the webhook at " + target
                    + " failed: " + e.getMessage(), reach, List.of(), e);
        }
        if (e instanceof ConnectException) {
            String why = e.getCause() instanceof UnresolvedAddressException ? "the host name is unknown"
                    : "the connection was refused";
            return new BackupDeskException(ErrorKind.CONNECTION, "Could not connect to the webhook at " + target + ": "
                    + why + ".", reach, List.of(), e);
        }
        String said = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace(uri.toString(), target);
        return new BackupDeskException(ErrorKind.CONNECTION, "Could not send to the webhook at " + target + ": " + said,
                reach, List.of(), e);
    }
}
