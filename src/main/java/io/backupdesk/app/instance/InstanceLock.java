package io.backupdesk.app.instance;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.DaemonThreads;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.store.SecureFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * One desktop app per config folder. The first launch holds an OS lock on {@value #LOCK_FILE} for its whole life and
 * listens for hand-overs; a later launch with the same folder cannot take the lock, hands its arguments over and
 * exits, so the running app comes forward instead of a second app starting a second scheduler. The OS drops the lock
 * when the process dies, however it dies; the next owner then replaces the socket file the dead one left behind.
 *
 * <p>Threading: requests are read on the daemon thread "instance-listener" and passed on, in the order they came,
 * on the daemon thread "instance-handover" to the listener set with {@link #onHandOver}; those that come before a
 * listener is set wait for it. Nothing here touches JavaFX, so a second launch never loads it.
 */
public final class InstanceLock implements AutoCloseable {
    public static final String LOCK_FILE = "instance.lock";
    /** How long the running app gives a peer to send its request; a real second launch needs milliseconds. */
    private static final Duration PEER_TIMEOUT = Duration.ofSeconds(2);
    private static final long RETRY_PAUSE_MILLIS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(InstanceLock.class);

    private final Path configDir;
    private final FileChannel lockFile;
    private final InstanceEndpoint endpoint;
    private final ServerSocketChannel server;
    private final BlockingQueue<List<String>> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Consumer<List<String>>> listener = new CompletableFuture<>();
    private final Thread handingOver;
    private volatile boolean closed;

    private InstanceLock(Path configDir, FileChannel lockFile, ServerSocketChannel server, InstanceEndpoint endpoint) {
        this.configDir = configDir;
        this.lockFile = lockFile;
        this.server = server;
        this.endpoint = endpoint;
        DaemonThreads.named("instance-listener").newThread(this::listen).start();
        this.handingOver = DaemonThreads.named("instance-handover").newThread(this::handOver);
        handingOver.start();
    }

    /**
     * Claims the config folder for this launch, or hands the arguments to the app that has it. Retries for a while,
     * because the running app may be starting (lock taken, not listening yet) or quitting (lock about to be free).
     *
     * @param arguments what this launch was given; those naming an existing file are sent as absolute paths, since
     *                  the running app has another working folder
     * @return the lock when this launch is the first; empty when the running app took the arguments
     * @throws BackupDeskException when the folder cannot be locked, or another app holds it and does not answer
     *                             within {@code patience}
     */
    public static Optional<InstanceLock> acquireOrHandOver(Path configDir, List<String> arguments, Duration patience) {
        List<String> sent = absoluteFiles(arguments, Path.of("").toAbsolutePath());
        long deadline = System.nanoTime() + patience.toNanos();
        Optional<InstanceEndpoint> endpoint = Optional.empty();
        while (true) {
            Optional<InstanceLock> own = tryAcquire(configDir);
            if (own.isPresent()) {
                return own;
            }
            Optional<InstanceEndpoint> written = InstanceEndpoint.readFrom(configDir);
            if (written.isPresent()) {
                endpoint = written;
            }
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative() || left.isZero()) {
                throw notAnswering(configDir, endpoint, patience);
            }
            if (endpoint.isPresent() && delivered(configDir, endpoint.get(), sent, left)) {
                return Optional.empty();
            }
            try {
                Thread.sleep(RETRY_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw notAnswering(configDir, endpoint, patience);
            }
        }
    }

    /** Takes the lock if no one holds it; empty when another app, in this JVM or another, does. */
    public static Optional<InstanceLock> tryAcquire(Path configDir) {
        return tryAcquire(configDir, true);
    }

    /** @param unixSockets false to listen on a loopback port even where Unix domain sockets work, for tests */
    static Optional<InstanceLock> tryAcquire(Path configDir, boolean unixSockets) {
        Path file = configDir.resolve(LOCK_FILE);
        FileChannel channel = null;
        try {
            SecureFiles.createDirectories(configDir);
            channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    SecureFiles.ownerOnlyFile());
            if (!locked(channel)) {
                channel.close();
                return Optional.empty();
            }
            ServerSocketChannel server = unixSockets ? bindUnixSocket(configDir) : null;
            InstanceEndpoint endpoint;
            String token = InstanceEndpoint.newToken();
            if (server != null) {
                endpoint = InstanceEndpoint.unixSocket(token);
            } else {
                server = ServerSocketChannel.open();
                server.bind(new InetSocketAddress(InstanceEndpoint.loopback(), 0));
                endpoint = InstanceEndpoint.tcp(((InetSocketAddress) server.getLocalAddress()).getPort(), token);
            }
            try {
                endpoint.writeTo(configDir);
            } catch (IOException e) {
                server.close();
                throw e;
            }
            return Optional.of(new InstanceLock(configDir, channel, server, endpoint));
        } catch (IOException e) {
            closeQuietly(channel);
            throw new BackupDeskException(ErrorKind.IO, "Cannot lock " + file + ": " + e.getMessage(),
                    "Check that the configuration folder is yours and writable. Backup Desk does not start without "
                            + "this lock, so that two copies never run the same schedules.", List.of(), e);
        }
    }

    /**
     * Hands the running app its arguments once, for the given time at most. Package-private so tests can offer a
     * wrong token.
     *
     * @return {@link HandOverWire#DELIVERED} or {@link HandOverWire#REFUSED}
     */
    static byte send(Path configDir, InstanceEndpoint endpoint, String token, List<String> arguments, Duration timeout)
            throws IOException {
        try (TimedChannel channel = TimedChannel.connect(endpoint.address(configDir), timeout)) {
            HandOverWire.send(channel, new HandOverWire.Request(token, arguments));
            return HandOverWire.answerOf(channel);
        }
    }

    /**
     * Sets who receives the hand-overs, called on the "instance-handover" thread; hand-overs that came earlier are
     * passed on at once, in order. Set once.
     */
    public void onHandOver(Consumer<List<String>> receiver) {
        if (!listener.complete(receiver)) {
            throw new IllegalStateException("the hand-over listener is set already");
        }
    }

    /** Stops listening, removes the endpoint, and releases the lock. The files go first, so they never outlive it. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(server);
        handingOver.interrupt();
        try {
            Files.deleteIfExists(configDir.resolve(InstanceEndpoint.FILE));
            if (endpoint.transport() == InstanceEndpoint.Transport.UNIX) {
                Files.deleteIfExists(configDir.resolve(InstanceEndpoint.SOCKET));
            }
        } catch (IOException e) {
            LOG.warn("Could not remove the instance endpoint in {}: {}", configDir, e.toString());
        } finally {
            // closing the channel releases the lock
            closeQuietly(lockFile);
        }
    }

    private static boolean delivered(Path configDir, InstanceEndpoint endpoint, List<String> arguments, Duration left) {
        try {
            // a refusal means the file changed under us: a new owner wrote its token, so try again
            return send(configDir, endpoint, endpoint.token(), arguments, left) == HandOverWire.DELIVERED;
        } catch (IOException e) {
            // not listening yet, or a socket left by an owner that died and whose successor is still starting
            return false;
        }
    }

    private static boolean locked(FileChannel channel) throws IOException {
        try {
            return channel.tryLock() != null;
        } catch (OverlappingFileLockException e) {
            // this JVM holds it already, through another InstanceLock
            return false;
        }
    }

    /** The socket file in the config folder; null where the platform has none or the path is too long for one. */
    private static ServerSocketChannel bindUnixSocket(Path configDir) {
        Path socket = configDir.resolve(InstanceEndpoint.SOCKET);
        ServerSocketChannel server = null;
        try {
            // one left by an owner that died blocks the bind; we hold the lock, so it is ours to replace
            Files.deleteIfExists(socket);
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(InstanceEndpoint.socketAddress(configDir));
            SecureFiles.restrictToOwner(socket);
            return server;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.info("No Unix domain socket in {} ({}); listening on a loopback port instead", configDir, e.toString());
            closeQuietly(server);
            return null;
        }
    }

    private void listen() {
        while (!closed) {
            SocketChannel peer;
            try {
                peer = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.warn("Waiting for a second launch failed: {}", e.toString());
                if (!pause()) {
                    return;
                }
                continue;
            }
            answer(peer);
        }
    }

    private void answer(SocketChannel peer) {
        try (TimedChannel channel = TimedChannel.accepted(peer, PEER_TIMEOUT)) {
            HandOverWire.Request request = HandOverWire.receive(channel);
            if (!endpoint.accepts(request.token())) {
                LOG.warn("Refused a hand-over that did not carry the token");
                HandOverWire.answer(channel, HandOverWire.REFUSED);
                return;
            }
            received.add(request.arguments());
            HandOverWire.answer(channel, HandOverWire.DELIVERED);
        } catch (IOException e) {
            LOG.warn("A hand-over from a second launch failed: {}", e.toString());
        }
    }

    private void handOver() {
        try {
            Consumer<List<String>> receiver = listener.get();
            while (!closed) {
                List<String> arguments = received.take();
                LOG.info("A second launch handed over {} argument(s)", arguments.size());
                try {
                    receiver.accept(arguments);
                } catch (RuntimeException e) {
                    LOG.warn("Acting on a hand-over failed", e);
                }
            }
        } catch (InterruptedException e) {
            // closed
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(RETRY_PAUSE_MILLIS);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Arguments that name an existing file or folder relative to {@code workingDir}, made absolute. */
    static List<String> absoluteFiles(List<String> arguments, Path workingDir) {
        return arguments.stream().map(argument -> {
            try {
                Path path = Path.of(argument);
                if (!argument.isBlank() && !path.isAbsolute() && Files.exists(workingDir.resolve(path))) {
                    return workingDir.resolve(path).normalize().toString();
                }
            } catch (InvalidPathException e) {
                // not a path: handed over as it is
            }
            return argument;
        }).toList();
    }

    private static BackupDeskException notAnswering(Path configDir, Optional<InstanceEndpoint> endpoint, Duration patience) {
        String process = endpoint.map(e -> "process " + e.pid()).orElse("");
        return new BackupDeskException(ErrorKind.TIMEOUT, "Backup Desk is already running with the configuration folder "
                + configDir + (process.isEmpty() ? "" : " (" + process + ")") + " but did not answer within "
                + (patience.toSeconds() == 1 ? "a second." : patience.toSeconds() + " seconds."),
                "No second copy was started, so scheduled backups cannot run twice. Wait a moment and try again; if it "
                        + "stays stuck, end " + (process.isEmpty() ? "it" : process) + " and start Backup Desk again.");
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException e) {
            LOG.debug("closing {} failed", closeable, e);
        }
    }
}
