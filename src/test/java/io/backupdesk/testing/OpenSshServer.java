package io.backupdesk.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real OpenSSH server ({@code /usr/sbin/sshd}), started for a test on a free loopback port with everything of
 * its own in one folder: host key, authorized_keys, pid file, log. Key logins only (a password login would need a
 * system account with a password); root may log in with a key, so it runs in CI, which runs as root, and for a normal
 * user, who can only log in as himself to an sshd he started, and only if his account is not locked (without PAM,
 * sshd refuses an account whose password field starts with '!', as {@code adduser --disabled-password} leaves it).
 * SFTP is the server's internal-sftp. As root it creates {@code /run/sshd}, which sshd needs then, when missing.
 */
public final class OpenSshServer implements AutoCloseable {
    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    /** Where OpenSSH's privilege separation chroots to; sshd started as root refuses to run without it. */
    private static final Path PRIVILEGE_SEPARATION_DIR = Path.of("/run/sshd");

    private final Path dir;
    private final int port;
    private final Process process;

    private OpenSshServer(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Starts a server whose files live in {@code dir}, an absolute folder of its own; the client key is authorized. */
    public static OpenSshServer start(Path dir) throws IOException, InterruptedException {
        return start(dir, List.of());
    }

    /**
     * Starts a server that sees a file system of only {@code bytes} at {@code folder}: a tmpfs mounted in a mount
     * namespace of the server's own, so nothing else on the machine sees it and it goes with the server. Root only
     * (mounting needs it); the test is skipped elsewhere.
     */
    public static OpenSshServer startWithSmallDisk(Path dir, Path folder, long bytes)
            throws IOException, InterruptedException {
        assumeTrue(isRoot(), "mounting a small file system for the server needs root");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")), "unshare (util-linux) is missing");
        Files.createDirectories(folder);
        return start(dir, List.of("/usr/bin/unshare", "--mount", "--propagation", "private", "/bin/sh", "-c",
                "mount -t tmpfs -o size=" + bytes + " backupdesk-test \"$0\" && exec \"$@\"",
                folder.toAbsolutePath().toString()));
    }

    private static OpenSshServer start(Path dir, List<String> wrapper) throws IOException, InterruptedException {
        if (!Files.isExecutable(SSHD)) {
            fail(SSHD + " is missing: install the OpenSSH server (Debian: apt-get install openssh-server), as .ci/run"
                    + " does.");
        }
        Path home = dir.toAbsolutePath();
        Files.createDirectories(home);
        keygen(home.resolve("host_ed25519_key"), "ed25519", "");
        Path client = keygen(home.resolve("client_ed25519"), "ed25519", "");
        Files.copy(client.resolveSibling("client_ed25519.pub"), home.resolve("authorized_keys"));
        if (isRoot() && !Files.isDirectory(PRIVILEGE_SEPARATION_DIR)) {
            Files.createDirectories(PRIVILEGE_SEPARATION_DIR);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnFreePort(home, wrapper);
            } catch (PortTaken e) {
                if (attempt == 3) {
                    fail(e.getMessage());
                }
            }
        }
    }

    /** The free port was taken by someone else between our look and sshd's bind. */
    private static final class PortTaken extends Exception {
        PortTaken(String message) {
            super(message);
        }
    }

    private static OpenSshServer startOnFreePort(Path home, List<String> wrapper)
            throws IOException, InterruptedException, PortTaken {
        int port = freePort();
        Path config = Files.writeString(home.resolve("sshd_config"), String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + home.resolve("host_ed25519_key"),
                "PidFile " + home.resolve("sshd.pid"),
                "AuthorizedKeysFile " + home.resolve("authorized_keys"),
                "UsePAM no",
                "StrictModes no",
                "PermitRootLogin prohibit-password",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "AllowTcpForwarding no",
                "X11Forwarding no",
                "PrintMotd no",
                "LogLevel VERBOSE",
                "Subsystem sftp internal-sftp",
                ""));
        List<String> command = new ArrayList<>(wrapper);
        command.addAll(List.of(SSHD.toString(), "-D", "-e", "-f", config.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("sshd.log").toFile()).start();
        OpenSshServer server = new OpenSshServer(home, port, process);
        server.awaitListening();
        return server;
    }

    /** A new key pair in this server's folder, authorized for logging in; an empty passphrase leaves it plain. */
    public Path authorizeNewKey(String name, String passphrase) throws IOException, InterruptedException {
        Path key = keygen(dir.resolve(name), "ed25519", passphrase);
        Files.writeString(dir.resolve("authorized_keys"), Files.readString(dir.resolve(name + ".pub")),
                StandardOpenOption.APPEND);
        return key;
    }

    /** A new key pair that this server does not know. */
    public Path unauthorizedKey(String name) throws IOException, InterruptedException {
        return keygen(dir.resolve(name), "ed25519", "");
    }

    public int port() {
        return port;
    }

    /** The user tests log in as: the one running them, the only one an sshd of a normal user lets in. */
    public String user() {
        return System.getProperty("user.name");
    }

    /** The private key the server authorizes, no passphrase. */
    public Path clientKey() {
        return dir.resolve("client_ed25519");
    }

    /** {@code sftp://USER@127.0.0.1:PORT/FOLDER} for an absolute folder on this machine. */
    public String url(Path folder) {
        return "sftp://" + user() + "@127.0.0.1:" + port + folder.toAbsolutePath();
    }

    /** The line that accepts this server's host key, in the plain {@code [127.0.0.1]:port} form. */
    public String knownHostsLine() throws IOException {
        return "[127.0.0.1]:" + port + " " + publicKeyOf(dir.resolve("host_ed25519_key.pub"));
    }

    /** The same line, its host name hashed as {@code ssh-keygen -H} (and HashKnownHosts yes) write it. */
    public String hashedKnownHostsLine() throws IOException, InterruptedException {
        Path file = Files.writeString(dir.resolve("known_hosts_to_hash"), knownHostsLine() + "\n");
        run(List.of("ssh-keygen", "-q", "-H", "-f", file.toString()));
        return Files.readAllLines(file).stream().filter(l -> l.startsWith("|1|")).findFirst().orElseThrow();
    }

    /** The host key's fingerprint as {@code ssh-keygen -lf} shows it: "SHA256:…". */
    public String hostKeyFingerprint() throws IOException, InterruptedException {
        String out = run(List.of("ssh-keygen", "-l", "-E", "sha256", "-f", dir.resolve("host_ed25519_key.pub")
                .toString()));
        return out.split("\\s+")[1];
    }

    /** Runs OpenSSH's own {@code sftp} in batch mode with the client key, checking the host key strictly. */
    public String sftpBatch(Path knownHosts, String... commands) throws IOException, InterruptedException {
        Path batch = Files.write(dir.resolve("sftp-batch"), List.of(commands));
        return run(List.of("sftp", "-q", "-b", batch.toString(), "-i", clientKey().toString(), "-P",
                String.valueOf(port), "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + knownHosts,
                "-o", "BatchMode=yes", user() + "@127.0.0.1"));
    }

    /** What the server logged, for a failing test's message. */
    public String log() throws IOException {
        return Files.readString(dir.resolve("sshd.log"), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void awaitListening() throws IOException, InterruptedException, PortTaken {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                if (log().contains("Address already in use")) {
                    throw new PortTaken("port " + port + " was taken before sshd could listen on it:\n" + log());
                }
                fail("sshd stopped at once (exit " + process.exitValue() + "):\n" + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                socket.setSoTimeout(5000);
                byte[] banner = socket.getInputStream().readNBytes(15);
                if (new String(banner, StandardCharsets.US_ASCII).equals("SSH-2.0-OpenSSH") && process.isAlive()) {
                    return;
                }
                Thread.sleep(50);
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        close();
        fail("sshd did not listen on port " + port + " within 20 s:\n" + log());
    }

    private static String publicKeyOf(Path pub) throws IOException {
        String[] fields = Files.readString(pub).strip().split("\\s+");
        return fields[0] + " " + fields[1];
    }

    private static Path keygen(Path file, String type, String passphrase) throws IOException, InterruptedException {
        run(List.of("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", "backupdesk-test", "-f", file.toString()));
        return file;
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            fail(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }

    private static boolean isRoot() throws IOException {
        return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
