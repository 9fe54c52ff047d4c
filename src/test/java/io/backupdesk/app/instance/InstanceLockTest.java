package io.backupdesk.app.instance;

import io.backupdesk.core.BackupDeskException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The single-instance protocol in one JVM: two locks on one folder, hand-overs, a wrong token, what a crash leaves. */
class InstanceLockTest {
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final BlockingQueue<List<String>> handedOver = new LinkedBlockingQueue<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private InstanceLock first(Path folder, boolean unixSockets) {
        InstanceLock lock = InstanceLock.tryAcquire(folder, unixSockets).orElseThrow();
        open.add(lock);
        return lock;
    }

    private List<String> next() throws InterruptedException {
        return handedOver.poll(5, TimeUnit.SECONDS);
    }

    @Test
    void aSecondLockOnTheSameFolderFindsItHeldUntilTheFirstIsClosed() {
        InstanceLock first = first(dir, true);

        assertThat(InstanceLock.tryAcquire(dir)).isEmpty();

        first.close();
        assertThat(first(dir, true)).isNotNull();
    }

    @Test
    void aSecondLaunchHandsItsArgumentsToTheFirstAndDoesNotGetTheLock() throws Exception {
        first(dir, true).onHandOver(handedOver::add);

        Optional<InstanceLock> second = InstanceLock.acquireOrHandOver(dir, List.of("--open", "a file with spaces ü"), PATIENCE);

        assertThat(second).isEmpty();
        assertThat(next()).containsExactly("--open", "a file with spaces ü");
        assertThat(InstanceEndpoint.readFrom(dir)).get().extracting(InstanceEndpoint::transport)
                .isEqualTo(InstanceEndpoint.Transport.UNIX);
    }

    @Test
    void aLaunchWithoutArgumentsIsHandedOverToo() throws Exception {
        first(dir, true).onHandOver(handedOver::add);

        assertThat(InstanceLock.acquireOrHandOver(dir, List.of(), PATIENCE)).isEmpty();

        assertThat(next()).isEmpty();
    }

    @Test
    void handOversThatComeBeforeTheListenerWaitForItInTheirOrder() throws Exception {
        InstanceLock first = first(dir, true);
        InstanceLock.acquireOrHandOver(dir, List.of("one"), PATIENCE);
        InstanceLock.acquireOrHandOver(dir, List.of("two"), PATIENCE);

        first.onHandOver(handedOver::add);

        assertThat(next()).containsExactly("one");
        assertThat(next()).containsExactly("two");
    }

    @Test
    void aRequestWithoutTheTokenIsRefusedAndNothingIsHandedOver() throws Exception {
        first(dir, true).onHandOver(handedOver::add);
        InstanceEndpoint endpoint = InstanceEndpoint.readFrom(dir).orElseThrow();

        byte answer = InstanceLock.send(dir, endpoint, "not-the-token", List.of("poke"), PATIENCE);

        assertThat(answer).isEqualTo(HandOverWire.REFUSED);
        assertThat(handedOver.poll(300, TimeUnit.MILLISECONDS)).isNull();
        assertThat(InstanceLock.send(dir, endpoint, endpoint.token(), List.of("real"), PATIENCE)).isEqualTo(HandOverWire.DELIVERED);
        assertThat(next()).containsExactly("real");
    }

    @Test
    void theEndpointFileIsTheOwnersAlone() throws Exception {
        first(dir, true);

        assertThat(Files.getPosixFilePermissions(dir.resolve(InstanceEndpoint.FILE)))
                .containsExactlyInAnyOrderElementsOf(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aSocketFileAndEndpointLeftByAKilledOwnerDoNotBlockTheNextStart() throws Exception {
        // what a killed owner leaves: a socket file nobody listens on, and its endpoint with a token now worthless
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(InstanceEndpoint.socketAddress(dir));
        }
        new InstanceEndpoint(InstanceEndpoint.Transport.UNIX, 0, "dead-token", 999_999).writeTo(dir);
        assertThat(dir.resolve(InstanceEndpoint.SOCKET)).exists();

        first(dir, true).onHandOver(handedOver::add);

        InstanceEndpoint replaced = InstanceEndpoint.readFrom(dir).orElseThrow();
        assertThat(replaced.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(replaced.transport()).as("the socket file is replaced, not given up for a port")
                .isEqualTo(InstanceEndpoint.Transport.UNIX);
        assertThat(InstanceLock.acquireOrHandOver(dir, List.of("after the crash"), PATIENCE)).isEmpty();
        assertThat(next()).containsExactly("after the crash");
    }

    @Test
    void aLoopbackPortCarriesHandOversAndChecksTheTokenWhereThereIsNoSocketFile() throws Exception {
        first(dir, false).onHandOver(handedOver::add);
        InstanceEndpoint endpoint = InstanceEndpoint.readFrom(dir).orElseThrow();

        assertThat(endpoint.transport()).isEqualTo(InstanceEndpoint.Transport.TCP);
        assertThat(endpoint.port()).isPositive();
        assertThat(dir.resolve(InstanceEndpoint.SOCKET)).doesNotExist();
        assertThat(InstanceLock.send(dir, endpoint, "guessed", List.of("x"), PATIENCE)).isEqualTo(HandOverWire.REFUSED);
        assertThat(InstanceLock.acquireOrHandOver(dir, List.of("over tcp"), PATIENCE)).isEmpty();
        assertThat(next()).containsExactly("over tcp");
    }

    @Test
    void aFolderTooDeepForASocketPathFallsBackToTheLoopbackPort() throws Exception {
        Path deep = dir.resolve("d".repeat(120));

        first(deep, true).onHandOver(handedOver::add);

        assertThat(InstanceEndpoint.readFrom(deep).orElseThrow().transport()).isEqualTo(InstanceEndpoint.Transport.TCP);
        assertThat(InstanceLock.acquireOrHandOver(deep, List.of("deep"), PATIENCE)).isEmpty();
        assertThat(next()).containsExactly("deep");
    }

    @Test
    void aHeldLockWithNobodyListeningIsReportedAfterThePatienceRunsOut() throws Exception {
        Files.createDirectories(dir);
        try (FileChannel channel = FileChannel.open(dir.resolve(InstanceLock.LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> InstanceLock.acquireOrHandOver(dir, List.of(), Duration.ofSeconds(1)))
                    .isInstanceOf(BackupDeskException.class)
                    .hasMessageContaining("already running with the configuration folder " + dir)
                    .hasMessageContaining("did not answer within a second")
                    .satisfies(e -> assertThat(((BackupDeskException) e).hint()).contains("No second copy was started"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            assertThat(held.isValid()).isTrue();
        }
    }

    @Test
    void anOwnerThatAcceptsButNeverAnswersIsNamedByItsProcess() throws Exception {
        Files.createDirectories(dir);
        try (FileChannel channel = FileChannel.open(dir.resolve(InstanceLock.LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = channel.lock();
             ServerSocketChannel hung = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            hung.bind(InstanceEndpoint.socketAddress(dir));
            new InstanceEndpoint(InstanceEndpoint.Transport.UNIX, 0, "token", 4242).writeTo(dir);

            assertThatThrownBy(() -> InstanceLock.acquireOrHandOver(dir, List.of(), Duration.ofSeconds(1)))
                    .isInstanceOf(BackupDeskException.class)
                    .hasMessageContaining("(process 4242)")
                    .satisfies(e -> assertThat(((BackupDeskException) e).hint()).contains("end process 4242"));
        }
    }

    @Test
    void aPeerThatConnectsAndSaysNothingDoesNotStopTheNextHandOver() throws Exception {
        first(dir, true).onHandOver(handedOver::add);
        try (SocketChannel silent = SocketChannel.open(InstanceEndpoint.socketAddress(dir));
             SocketChannel garbage = SocketChannel.open(InstanceEndpoint.socketAddress(dir))) {
            garbage.write(ByteBuffer.wrap(new byte[] {0x7f, 0x7f, 0x7f, 0x7f, 1, 2, 3}));

            assertThat(InstanceLock.acquireOrHandOver(dir, List.of("still heard"), PATIENCE)).isEmpty();
            assertThat(next()).containsExactly("still heard");
            assertThat(silent.isOpen()).isTrue();
        }
    }

    @Test
    void closingRemovesTheEndpointAndFreesTheFolder() throws IOException {
        InstanceLock first = first(dir, true);

        first.close();

        assertThat(dir.resolve(InstanceEndpoint.FILE)).doesNotExist();
        assertThat(dir.resolve(InstanceEndpoint.SOCKET)).doesNotExist();
        assertThat(dir.resolve(InstanceLock.LOCK_FILE)).exists();
        try (FileChannel channel = FileChannel.open(dir.resolve(InstanceLock.LOCK_FILE), StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            assertThat(lock).isNotNull();
        }
    }

    @Test
    void relativeArgumentsNamingAFileAreMadeAbsoluteForTheRunningApp() throws IOException {
        Files.writeString(dir.resolve("sales.dump"), "x");

        assertThat(InstanceLock.absoluteFiles(List.of("sales.dump", "missing.dump", "--flag", ""), dir))
                .containsExactly(dir.resolve("sales.dump").toString(), "missing.dump", "--flag", "");
    }
}
