package io.backupdesk.offsite;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.Destination;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.testing.EmbeddedSftpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static io.backupdesk.offsite.SftpTesting.destination;
import static io.backupdesk.offsite.SftpTesting.randomFile;
import static io.backupdesk.offsite.SftpTesting.sha256;
import static io.backupdesk.offsite.SftpTesting.unsaltedHashOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The failures a real server cannot be made to show on cue, on an SFTP server in the test's JVM: a connection that
 * drops in the middle of a file, a disk that fills up, a wrong password, and a cancel. The password must never show
 * in a message, a toString or the log.
 */
class SftpFaultsIT {
    private static final String USER = "backup";
    private static final String PASSWORD = "s3cret-Pa55word-for-the-test";
    private static final int MIB = 1024 * 1024;

    private static EmbeddedSftpServer server;
    private final SftpTesting.CapturedLog log = new SftpTesting.CapturedLog();

    @TempDir
    Path dir;
    private Path knownHosts;

    @BeforeAll
    static void startServer(@TempDir Path serverDir) throws Exception {
        server = EmbeddedSftpServer.start(serverDir, USER, PASSWORD);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void knownServer() throws Exception {
        knownHosts = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
        server.clearFaults();
        log.start();
    }

    @AfterEach
    void noPasswordInTheLog() throws Exception {
        log.stop();
        assertThat(log.size()).as("the SSH library logged at DEBUG").isPositive();
        assertThat(log.text()).doesNotContain(PASSWORD).doesNotContain(unsaltedHashOf(PASSWORD));
    }

    @Test
    void aConnectionDroppedMidFileLeavesNothingAndTheRetryGoesOnFromWhereItStopped() throws Exception {
        Path file = randomFile(dir, "big.dump", 4L * MIB);
        String folder = "/drop-" + System.nanoTime();
        try (SftpStore store = store(folder)) {
            server.dropConnectionAfter(MIB + 12_345);
            assertThatThrownBy(() -> store.upload(file, "p/d/big.dump", sha256(file), null, new Cancellation()))
                    .isInstanceOfSatisfying(BackupDeskException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.CONNECTION);
                        assertThat(e.getMessage()).contains(store.describe()).doesNotContain(PASSWORD);
                    });
            assertThat(store.list("")).isEmpty();
            Path remote = server.root().resolve(folder.substring(1)).resolve("p/d");
            assertThat(remote.resolve("big.dump")).doesNotExist();
            assertThat(Files.size(remote.resolve(".big.dump.partial"))).isEqualTo(MIB + 12_345);

            server.clearFaults();
            AtomicLong firstReport = new AtomicLong(-1);
            RemoteStore.Confirmed confirmed = store.upload(file, "p/d/big.dump", sha256(file),
                    sent -> firstReport.compareAndSet(-1, sent), new Cancellation());

            assertThat(server.bytesWritten()).isEqualTo(Files.size(file) - (MIB + 12_345));
            assertThat(firstReport.get()).isEqualTo(MIB + 12_345);
            assertThat(confirmed.sha256()).isEqualTo(sha256(file));
            assertThat(sha256(remote.resolve("big.dump"))).isEqualTo(sha256(file));
            assertThat(store.list("")).extracting(RemoteStore.RemoteFile::key).containsExactly("p/d/big.dump");
            try (Stream<Path> files = Files.list(remote)) {
                assertThat(files).hasSize(1);
            }
        }
    }

    @Test
    void aPartialFileOfOtherBytesIsNotTrustedTheUploadStartsOver() throws Exception {
        Path file = randomFile(dir, "x.dump", MIB);
        String folder = "/stale-" + System.nanoTime();
        Path remote = Files.createDirectories(server.root().resolve(folder.substring(1)).resolve("p/d"));
        Files.write(remote.resolve(".x.dump.partial"), new byte[200_000]);
        try (SftpStore store = store(folder)) {
            store.upload(file, "p/d/x.dump", sha256(file), null, new Cancellation());
        }
        assertThat(sha256(remote.resolve("x.dump"))).isEqualTo(sha256(file));
        assertThat(remote.resolve(".x.dump.partial")).doesNotExist();
    }

    @Test
    void aFullDestinationIsDiskFullAndLeavesNothing() throws Exception {
        Path file = randomFile(dir, "big.dump", 3L * MIB);
        String folder = "/full-" + System.nanoTime();
        try (SftpStore store = store(folder)) {
            server.fillUpAfter(MIB);
            assertThatThrownBy(() -> store.upload(file, "p/d/big.dump", sha256(file), null, new Cancellation()))
                    .isInstanceOfSatisfying(BackupDeskException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.DISK_FULL);
                        assertThat(e.getMessage()).contains(store.describe(), "no space");
                        assertThat(e.hint()).contains("Free space");
                    });
            assertThat(store.list("")).isEmpty();
        }
        try (Stream<Path> files = Files.list(server.root().resolve(folder.substring(1)).resolve("p/d"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aCancelledUploadLeavesNothing() throws Exception {
        Path file = randomFile(dir, "big.dump", 16L * MIB);
        String folder = "/cancel-" + System.nanoTime();
        Cancellation cancel = new Cancellation();
        try (SftpStore store = store(folder)) {
            server.whenWritten(MIB, cancel::cancel);
            assertThatThrownBy(() -> store.upload(file, "p/d/big.dump", sha256(file), null, cancel))
                    .isInstanceOfSatisfying(BackupDeskException.class,
                    e -> assertThat(e.kind()).isEqualTo(ErrorKind.CANCELLED));
            assertThat(store.list("")).isEmpty();
        }
        try (Stream<Path> files = Files.list(server.root().resolve(folder.substring(1)).resolve("p/d"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void theRightPasswordLogsInAndAWrongOneIsAnAuthenticationFailureThatNeverShowsIt() throws Exception {
        try (SftpStore store = store("/password")) {
            store.test();
        }
        String wrong = "not-" + PASSWORD;
        Destination destination = destination(server.url(USER, "/password"), null);
        DestinationCredentials credentials = new DestinationCredentials(null, null, wrong);
        try (SftpStore store = new SftpStore(destination, credentials, knownHosts)) {
            assertThatThrownBy(store::test).isInstanceOfSatisfying(BackupDeskException.class, e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
                assertThat(e.getMessage()).contains(USER, destination.url());
                assertThat(List.of(e.getMessage(), e.hint(), String.valueOf(e.getCause()), store.toString(),
                        credentials.toString())).noneMatch(text -> text.contains(wrong));
            });
        }
        assertThat(log.text()).doesNotContain(wrong).doesNotContain(unsaltedHashOf(wrong));
    }

    @Test
    void aServerThatIsNotThereIsAConnectionFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Destination destination = destination("sftp://" + USER + "@127.0.0.1:" + closedPort + "/x", null);
        try (SftpStore store = new SftpStore(destination, new DestinationCredentials(null, null, PASSWORD),
                knownHosts)) {
            assertThatThrownBy(() -> store.list("")).isInstanceOfSatisfying(BackupDeskException.class, e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.CONNECTION);
                assertThat(e.getMessage()).contains(destination.url(), "refused").doesNotContain(PASSWORD);
            });
        }
    }

    private SftpStore store(String folder) {
        return new SftpStore(destination(server.url(USER, folder), null),
                new DestinationCredentials(null, null, PASSWORD), knownHosts);
    }
}
