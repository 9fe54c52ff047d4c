package io.backupdesk.app.instance;

import io.backupdesk.store.SecureFiles;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * How a second launch reaches the running instance, as the running instance wrote it to {@value #FILE} in the config
 * folder: a Unix domain socket in that folder, or a port on 127.0.0.1 where the platform or the path length allows no
 * socket file; the token a request must carry; and the owner's process id for messages. The file is owner-only, so
 * the token proves a request comes from the same user, which matters most for the port that anyone on the machine
 * can connect to.
 *
 * @param port 0 for the Unix domain socket
 */
record InstanceEndpoint(Transport transport, int port, String token, long pid) {
    static final String FILE = "instance.endpoint";
    static final String SOCKET = "instance.socket";

    enum Transport { UNIX, TCP }

    InstanceEndpoint {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(token, "token");
    }

    static InstanceEndpoint unixSocket(String token) {
        return new InstanceEndpoint(Transport.UNIX, 0, token, ProcessHandle.current().pid());
    }

    static InstanceEndpoint tcp(int port, String token) {
        return new InstanceEndpoint(Transport.TCP, port, token, ProcessHandle.current().pid());
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static SocketAddress socketAddress(Path configDir) {
        return UnixDomainSocketAddress.of(configDir.resolve(SOCKET));
    }

    static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    SocketAddress address(Path configDir) {
        return transport == Transport.UNIX ? socketAddress(configDir) : new InetSocketAddress(loopback(), port);
    }

    /** Compares in constant time, so that the answer's timing tells a stranger nothing about the token. */
    boolean accepts(String offered) {
        return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), offered.getBytes(StandardCharsets.UTF_8));
    }

    void writeTo(Path configDir) throws IOException {
        Properties p = new Properties();
        p.setProperty("transport", transport.name());
        p.setProperty("port", String.valueOf(port));
        p.setProperty("token", token);
        p.setProperty("pid", String.valueOf(pid));
        StringWriter text = new StringWriter();
        p.store(text, "Backup Desk: how a second launch reaches the running one");
        SecureFiles.writeAtomically(configDir.resolve(FILE), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The endpoint the owner wrote; empty when there is none yet or it cannot be read, e.g. an owner still starting. */
    static Optional<InstanceEndpoint> readFrom(Path configDir) {
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(configDir.resolve(FILE), StandardCharsets.UTF_8)));
            return Optional.of(new InstanceEndpoint(Transport.valueOf(p.getProperty("transport")),
                    Integer.parseInt(p.getProperty("port")), p.getProperty("token"), Long.parseLong(p.getProperty("pid"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
