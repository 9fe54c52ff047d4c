package io.backupdesk.testing;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.gaul.shaded.org.eclipse.jetty.server.Handler;
import org.gaul.shaded.org.eclipse.jetty.server.Request;
import org.gaul.shaded.org.eclipse.jetty.server.handler.HandlerWrapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * What S3 does with {@code x-amz-checksum-sha256} on an upload, in front of S3Proxy, which does not implement it: the
 * body is checked against the header before it is stored (400 BadDigest otherwise), and the answer carries the
 * checksum of what was received. Holds one request's body in memory, so for tests and the benchmark's parts only.
 */
final class ChecksumFront extends HandlerWrapper {
    static final String HEADER = "x-amz-checksum-sha256";

    ChecksumFront(Handler s3proxy) {
        setHandler(s3proxy);
    }

    @Override
    public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        String claimed = request.getHeader(HEADER);
        if (claimed == null || !"PUT".equals(request.getMethod())) {
            super.handle(target, base, request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String payload = request.getHeader("x-amz-content-sha256");
        boolean chunked = payload != null && payload.startsWith("STREAMING-");
        String received = Base64.getEncoder().encodeToString(sha256(chunked ? decodeChunks(body) : body));
        if (!received.equals(claimed)) {
            refuse(base, response, 400, "BadDigest", "The SHA256 you specified did not match the calculated checksum.");
            return;
        }
        response.setHeader(HEADER, received);
        super.handle(target, base, new Received(request, body), response);
    }

    private static void refuse(Request base, HttpServletResponse response, int status, String code, String message)
            throws IOException {
        base.setHandled(true);
        response.setStatus(status);
        response.setContentType("application/xml");
        response.getOutputStream().write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code
                + "</Code><Message>" + message + "</Message></Error>").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The payload of an aws-chunked body ({@code HEX-SIZE;chunk-signature=…\r\nDATA\r\n}… up to a chunk of size 0),
     * which the SDK sends over plain HTTP; S3Proxy still gets the body as sent and checks the chunks' signatures.
     */
    static byte[] decodeChunks(byte[] body) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream(body.length);
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOfCrLf(body, at);
            String header = new String(body, at, lineEnd - at, StandardCharsets.US_ASCII);
            int semicolon = header.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? header : header.substring(0, semicolon)).strip(), 16);
            if (size == 0) {
                break;
            }
            payload.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return payload.toByteArray();
    }

    private static int indexOfCrLf(byte[] body, int from) {
        for (int i = from; i + 1 < body.length; i++) {
            if (body[i] == '\r' && body[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalArgumentException("an aws-chunked body without the end of a chunk header");
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body already read. */
    private static final class Received extends HttpServletRequestWrapper {
        private final byte[] body;

        Received(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }
    }
}
