package io.backupdesk.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.shaded.org.eclipse.jetty.server.Server;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * A real S3 server for the off-site tests and the benchmark: S3Proxy in this JVM, on a free loopback port, keeping
 * its objects in a folder (jclouds' filesystem store), with fixed test credentials. Starts in a fraction of a second
 * after the first; can be stopped mid-test (connections in flight are cut) and started again on the same port and
 * storage.
 * <p>
 * S3Proxy does not implement S3's checksum headers (decision 0034): as shipped it answers 501 NotImplemented to
 * {@code x-amz-checksum-sha256}; told to ignore unknown headers it stores the object and answers without a checksum.
 * {@link Checksums#VERIFIED} puts a small front before it that does what S3 does with that header, so the default
 * checksum mode is tested against a server that checks it.
 */
public final class S3ProxyServer implements AutoCloseable {
    public static final String ACCESS_KEY = "backupdesk-test-access";
    public static final String SECRET_KEY = "backupdesk-test-secret-5c1e7a90";
    public static final String REGION = "us-east-1";

    /** What the server does with {@code x-amz-checksum-sha256}. */
    public enum Checksums {
        /** S3Proxy as shipped: 501 NotImplemented, as some S3-compatible stores answer. */
        REJECTED,
        /** Stored without a check, answered without a checksum: a store that ignores the header. */
        IGNORED,
        /** Checked against the body (400 BadDigest otherwise) and returned, as AWS S3 and MinIO do. */
        VERIFIED
    }

    static {
        for (String name : new String[] {"org.gaul", "org.jclouds", "jclouds", "org.eclipse.jetty"}) {
            ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.WARN);
        }
    }

    private final Path storage;
    private final Checksums checksums;
    private final int port;
    private final BlobStoreContext context;
    private S3Proxy proxy;
    private Duration laterPartsHeld = Duration.ZERO;

    /** A server keeping its objects in {@code storage}; not started. */
    public S3ProxyServer(Path storage, Checksums checksums) {
        this.storage = storage;
        this.checksums = checksums;
        this.port = freePort();
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", storage.toString());
        context = ContextBuilder.newBuilder("filesystem").overrides(properties).build(BlobStoreContext.class);
    }

    /** From the next start, parts after the first of a multipart upload wait this long before they are read. */
    public synchronized S3ProxyServer holdingLaterParts(Duration hold) {
        this.laterPartsHeld = hold;
        return this;
    }

    public synchronized S3ProxyServer start() {
        if (proxy != null) {
            return this;
        }
        try {
            S3Proxy next = S3Proxy.builder()
                    .blobStore(context.getBlobStore())
                    .endpoint(URI.create("http://127.0.0.1:" + port))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .ignoreUnknownHeaders(checksums != Checksums.REJECTED)
                    .jettyMaxThreads(24)
                    .build();
            Server server = jetty(next);
            if (checksums == Checksums.VERIFIED) {
                server.setHandler(new ChecksumFront(server.getHandler()));
            }
            if (!laterPartsHeld.isZero()) {
                server.setHandler(new LatePartsFront(server.getHandler(), laterPartsHeld));
            }
            next.start();
            proxy = next;
            return this;
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start on port " + port, e);
        }
    }

    /** Stops listening and cuts the connections in flight; the objects stay. */
    public synchronized void stop() {
        if (proxy == null) {
            return;
        }
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not stop", e);
        } finally {
            proxy = null;
        }
    }

    public int port() {
        return port;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public Path storage() {
        return storage;
    }

    public void createBucket(String bucket) {
        context.getBlobStore().createContainerInLocation(null, bucket);
    }

    /** The environment the AWS command line needs to reach this server (with {@code --endpoint-url}). */
    public Map<String, String> awsEnvironment() {
        return Map.of("AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY,
                "AWS_DEFAULT_REGION", REGION, "AWS_EC2_METADATA_DISABLED", "true",
                "AWS_CONFIG_FILE", "/dev/null", "AWS_SHARED_CREDENTIALS_FILE", "/dev/null",
                // newer command lines send and ask for CRC checksums that S3Proxy does not know
                "AWS_REQUEST_CHECKSUM_CALCULATION", "when_required",
                "AWS_RESPONSE_CHECKSUM_VALIDATION", "when_required");
    }

    @Override
    public synchronized void close() {
        stop();
        context.close();
    }

    private static Server jetty(S3Proxy proxy) throws ReflectiveOperationException {
        Field field = S3Proxy.class.getDeclaredField("server");
        field.setAccessible(true);
        return (Server) field.get(proxy);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }

    /**
     * Runs a server for bench/offsite.sh until the process is killed: {@code STORAGE BUCKET [CHECKSUMS]}; prints
     * "port N" once it listens.
     */
    public static void main(String[] args) throws Exception {
        Path storage = Files.createDirectories(Path.of(args[0]));
        S3ProxyServer server = new S3ProxyServer(storage,
                args.length > 2 ? Checksums.valueOf(args[2]) : Checksums.VERIFIED);
        server.createBucket(args[1]);
        server.start();
        System.out.println("port " + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
