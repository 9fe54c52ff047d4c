package io.backupdesk.testing;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gaul.shaded.org.eclipse.jetty.server.Handler;
import org.gaul.shaded.org.eclipse.jetty.server.Request;
import org.gaul.shaded.org.eclipse.jetty.server.handler.HandlerWrapper;

import java.io.IOException;
import java.time.Duration;

/**
 * Holds every part of a multipart upload but the first before S3Proxy reads it, so that the first part's answer
 * reaches the client while the later parts are still being sent: the moment a failure of one part meets the others
 * in flight, which otherwise happens only now and then, under load.
 */
final class LatePartsFront extends HandlerWrapper {
    private final Duration hold;

    LatePartsFront(Handler s3proxy, Duration hold) {
        this.hold = hold;
        setHandler(s3proxy);
    }

    @Override
    public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        String part = request.getParameter("partNumber");
        if ("PUT".equals(request.getMethod()) && part != null && !"1".equals(part)) {
            try {
                Thread.sleep(hold.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("stopped while holding a part", e);
            }
        }
        super.handle(target, base, request, response);
    }
}
