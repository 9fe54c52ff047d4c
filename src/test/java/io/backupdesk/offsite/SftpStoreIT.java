package io.backupdesk.offsite;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.Destination;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.testing.OpenSshServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static io.backupdesk.offsite.SftpTesting.destination;
import static io.backupdesk.offsite.SftpTesting.randomFile;
import static io.backupdesk.offsite.SftpTesting.sha256;
import static io.backupdesk.offsite.SftpTesting.unsaltedHashOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Copies to the real OpenSSH server, checked with its own sftp client and by reading the server's folder. */
class SftpStoreIT {
    private static OpenSshServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer(@TempDir Path serverDir) throws Exception {
        server = OpenSshServer.start(serverDir);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void uploadsIntoNewNestedFoldersTheBytesTheServerThenHolds() throws Exception {
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
        Path remote = dir.resolve("remote/new/nested");
        Path small = randomFile(dir, "small.dump", 10);
        Path big = randomFile(dir, "big.dump", 5 * 1024 * 1024 + 123);
        List<Long> sent = new ArrayList<>();
        try (SftpStore store = new SftpStore(destination(server.url(remote), server.clientKey()),
                DestinationCredentials.NONE, knownHosts)) {
            RemoteStore.Confirmed first = store.upload(small, "prod/sales/small.dump", sha256(small), s -> { },
                    new Cancellation());
            RemoteStore.Confirmed second = store.upload(big, "prod/sales/big.dump", sha256(big), sent::add,
                    new Cancellation());

            assertThat(first.sha256()).isEqualTo(sha256(small));
            assertThat(second.sha256()).isEqualTo(sha256(big));
            assertThat(second.how()).isEqualTo("read back");
            assertThat(sent).isNotEmpty().isSorted().last().isEqualTo(Files.size(big));
            assertThat(sha256(remote.resolve("prod/sales/big.dump"))).isEqualTo(sha256(big));
            assertThat(sha256(remote.resolve("prod/sales/small.dump"))).isEqualTo(sha256(small));
            Path copy = remote.resolve("prod/sales/big.dump");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rw-------");
            try (Stream<Path> files = Files.list(remote.resolve("prod/sales"))) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("big.dump",
                        "small.dump");
            }

            Path fetched = dir.resolve("fetched.dump");
            server.sftpBatch(knownHosts, "get " + remote.resolve("prod/sales/big.dump") + " " + fetched);
            assertThat(sha256(fetched)).isEqualTo(sha256(big));
        }
    }

    @Test
    void listsDownloadsAndDeletesWhatItUploaded() throws Exception {
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
        Path remote = dir.resolve("remote");
        Path file = randomFile(dir, "a.dump", 300_000);
        try (SftpStore store = new SftpStore(destination(server.url(remote), server.clientKey()),
                DestinationCredentials.NONE, knownHosts)) {
            store.upload(file, "p/db1/a.dump", sha256(file), null, new Cancellation());
            store.upload(file, "p/db2/b.dump", sha256(file), null, new Cancellation());
            Files.writeString(Files.createDirectories(remote.resolve("p/db1")).resolve(".c.dump.partial"), "half");
            Files.writeString(remote.resolve(".backupdesk-test-1234"), "probe");
            Files.createDirectories(remote.resolve("p/.db3"));
            Files.writeString(remote.resolve("p/.db3/c.dump"), "in a folder whose name starts with a dot");

            assertThat(store.list("")).extracting(RemoteStore.RemoteFile::key)
                    .containsExactly("p/.db3/c.dump", "p/db1/a.dump", "p/db2/b.dump");
            assertThat(store.list("p/db2/")).singleElement().satisfies(f -> {
                assertThat(f.key()).isEqualTo("p/db2/b.dump");
                assertThat(f.size()).isEqualTo(300_000);
                assertThat(f.modified()).isAfter(java.time.Instant.now().minusSeconds(600));
            });
            assertThat(store.list("p/db")).hasSize(2);
            store.delete("p/.db3/c.dump");
            assertThat(store.list("nothing/here/")).isEmpty();

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.download("p/db2/b.dump", out, new Cancellation());
            assertThat(hex(out.toByteArray())).isEqualTo(sha256(file));

            store.delete("p/db2/b.dump");
            store.delete("p/db2/b.dump");
            assertThat(store.list("")).extracting(RemoteStore.RemoteFile::key).containsExactly("p/db1/a.dump");
            assertThatThrownBy(() -> store.download("p/db2/b.dump", new ByteArrayOutputStream(), new Cancellation()))
                    .isInstanceOfSatisfying(BackupDeskException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION));
        }
    }

    @Test
    void replacesAFileOfTheSameName() throws Exception {
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
        Path remote = dir.resolve("remote");
        Path older = randomFile(dir, "older", 200_000);
        Path newer = randomFile(dir, "newer", 100_000);
        try (SftpStore store = new SftpStore(destination(server.url(remote), server.clientKey()),
                DestinationCredentials.NONE, knownHosts)) {
            store.upload(older, "p/d/x.dump", sha256(older), null, new Cancellation());
            store.upload(newer, "p/d/x.dump", sha256(newer), null, new Cancellation());
        }
        assertThat(sha256(remote.resolve("p/d/x.dump"))).isEqualTo(sha256(newer));
        try (Stream<Path> files = Files.list(remote.resolve("p/d"))) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void testWritesReadsAndRemovesAProbe() throws Exception {
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
        Path remote = dir.resolve("remote/probe-here");
        try (SftpStore store = new SftpStore(destination(server.url(remote), server.clientKey()),
                DestinationCredentials.NONE, knownHosts)) {
            store.test();
        }
        try (Stream<Path> files = Files.list(remote)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anUnknownHostKeyIsRefusedWithItsFingerprintThenAcceptedByTheUser() throws Exception {
        Path knownHosts = dir.resolve("config/known_hosts");
        Destination destination = destination(server.url(dir.resolve("remote")), server.clientKey());
        String fingerprint = server.hostKeyFingerprint();
        try (SftpStore store = new SftpStore(destination, DestinationCredentials.NONE, knownHosts)) {
            assertThatThrownBy(store::test).isInstanceOfSatisfying(BackupDeskException.class, e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
                assertThat(e.getMessage()).contains("not known", "ssh-ed25519", fingerprint, destination.url());
                assertThat(e.hint()).contains("fingerprint");
            });
        }
        assertThat(dir.resolve("remote")).doesNotExist();

        HostKey offered = SftpStore.scanHostKey(destination);
        assertThat(offered.type()).isEqualTo("ssh-ed25519");
        assertThat(offered.fingerprintSha256()).isEqualTo(fingerprint);
        assertThat(offered.knownHostsLine()).isEqualTo(server.knownHostsLine());

        assertThat(SftpStore.isTrusted(destination, knownHosts, offered)).isFalse();
        KnownHostsFile.add(knownHosts, offered.knownHostsLine());
        KnownHostsFile.add(knownHosts, offered.knownHostsLine());
        assertThat(SftpStore.isTrusted(destination, knownHosts, offered)).isTrue();
        assertThat(Files.readAllLines(knownHosts)).containsExactly(offered.knownHostsLine());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(knownHosts))).isEqualTo("rw-------");
        try (SftpStore store = new SftpStore(destination, DestinationCredentials.NONE, knownHosts)) {
            store.test();
        }
        server.sftpBatch(knownHosts, "ls " + dir);
    }

    @Test
    void aHashedKnownHostsEntryIsRecognized() throws Exception {
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), "# hashed, as HashKnownHosts writes it\n"
                + server.hashedKnownHostsLine() + "\n");
        try (SftpStore store = new SftpStore(destination(server.url(dir.resolve("remote")), server.clientKey()),
                DestinationCredentials.NONE, knownHosts)) {
            store.test();
        }
    }

    @Test
    void aChangedHostKeyIsRefusedLoudlyAndNothingIsSent() throws Exception {
        Path impostor = server.unauthorizedKey("impostor");
        String recorded = Files.readString(impostor.resolveSibling("impostor.pub")).split(" ")[1];
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"),
                "[127.0.0.1]:" + server.port() + " ssh-ed25519 " + recorded + "\n");
        Path file = randomFile(dir, "x.dump", 1000);
        String fingerprint = server.hostKeyFingerprint();
        try (SftpStore store = new SftpStore(destination(server.url(dir.resolve("remote")), server.clientKey()),
                DestinationCredentials.NONE, knownHosts)) {
            assertThatThrownBy(() -> store.upload(file, "p/d/x.dump", sha256(file), null, new Cancellation()))
                    .isInstanceOfSatisfying(BackupDeskException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
                        assertThat(e.getMessage()).contains("CHANGED", fingerprint, "man-in-the-middle");
                        assertThat(e.hint()).contains("administrator");
                    });
        }
        assertThat(dir.resolve("remote")).doesNotExist();
    }

    @Test
    void aKeyTheServerDoesNotAcceptIsAnAuthenticationFailure() throws Exception {
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
        Path stranger = server.unauthorizedKey("stranger");
        try (SftpStore store = new SftpStore(destination(server.url(dir.resolve("remote")), stranger),
                DestinationCredentials.NONE, knownHosts)) {
            assertThatThrownBy(store::test).isInstanceOfSatisfying(BackupDeskException.class, e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
                assertThat(e.getMessage()).contains(server.user(), "identity file");
            });
        }
    }

    @Test
    void aPassphraseProtectedKeyOpensWithItsPassphraseOnly() throws Exception {
        String passphrase = "correct horse battery staple";
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
        Path key = server.authorizeNewKey("protected", passphrase);
        Destination destination = destination(server.url(dir.resolve("remote")), key);
        SftpTesting.CapturedLog log = new SftpTesting.CapturedLog().start();
        try {
            try (SftpStore store = new SftpStore(destination, new DestinationCredentials(null, null, passphrase),
                    knownHosts)) {
                store.test();
                assertThat(store.toString()).doesNotContain(passphrase);
            }
            try (SftpStore store = new SftpStore(destination, new DestinationCredentials(null, null, "wrong horse"),
                    knownHosts)) {
                assertThatThrownBy(store::test).isInstanceOfSatisfying(BackupDeskException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
                    assertThat(e.getMessage() + e.hint()).contains("passphrase").doesNotContain("wrong horse");
                });
            }
            try (SftpStore store = new SftpStore(destination, DestinationCredentials.NONE, knownHosts)) {
                assertThatThrownBy(store::test).isInstanceOfSatisfying(BackupDeskException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.PASSWORD_REQUIRED));
            }
        } finally {
            log.stop();
        }
        assertThat(log.size()).isPositive();
        assertThat(log.text()).doesNotContain(passphrase).doesNotContain("wrong horse")
                .doesNotContain(unsaltedHashOf(passphrase)).doesNotContain(unsaltedHashOf("wrong horse"));
    }

    @Test
    void aFullDiskOnTheServerIsADiskFullAndLeavesNothing(@TempDir Path serverDir) throws Exception {
        Path small = dir.resolve("small-disk");
        Path file = randomFile(dir, "big.dump", 3 * 1024 * 1024);
        try (OpenSshServer full = OpenSshServer.startWithSmallDisk(serverDir, small, 1024 * 1024)) {
            Path knownHosts = Files.writeString(dir.resolve("known_hosts"), full.knownHostsLine() + "\n");
            try (SftpStore store = new SftpStore(destination(full.url(small), full.clientKey()),
                    DestinationCredentials.NONE, knownHosts)) {
                assertThatThrownBy(() -> store.upload(file, "p/d/big.dump", sha256(file), null, new Cancellation()))
                        .isInstanceOfSatisfying(BackupDeskException.class, e -> {
                            assertThat(e.kind()).isEqualTo(ErrorKind.DISK_FULL);
                            assertThat(e.getMessage()).contains(store.describe(), "no space");
                        });
                assertThat(store.list("")).isEmpty();
                assertThat(full.sftpBatch(knownHosts, "ls -a " + small.resolve("p/d"))).doesNotContain("big.dump");
            }
        }
    }

    private static String hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
