package io.backupdesk.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook on a real HTTP server on loopback, for the tests of alerts: it keeps the body of every request under its
 * path and answers with the status it is told (200 unless told otherwise), as a chat service's hook would.
 */
public final class WebhookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final String path;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    private WebhookReceiver(String path) {
        this.path = path;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(path, exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** A receiver of every request whose path starts with {@code path}, e.g. "/hooks/". */
    public static WebhookReceiver at(String path) {
        return new WebhookReceiver(path);
    }

    /** The URL of the receiver's path followed by {@code rest}. */
    public String url(String rest) {
        return "http://127.0.0.1:" + port() + path + rest;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The URL of the receiver's path itself. */
    public String url() {
        return url("");
    }

    /** The bodies received so far, in order. */
    public List<String> bodies() {
        return bodies;
    }

    /** Answers every request from now on with this status. */
    public void answer(int httpStatus) {
        status = httpStatus;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
