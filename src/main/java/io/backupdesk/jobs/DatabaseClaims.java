package io.backupdesk.jobs;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.store.SecureFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Which databases have a job now: the scheduler's runs, the backups and restores started on the screens, and, with a
 * claims folder, those of every other process on the same configuration (the command line, {@code schedule
 * run-due}). One job per database: a backup taken while a restore fills the same database would capture it half
 * done, and two dumps of one database at once only load its server. Thread-safe.
 * <p>
 * Across processes a claim is an exclusive lock on a file named after the database in the claims folder, holding
 * the job's name for the message of whoever is refused. The operating system drops the lock with its process, so a
 * killed app leaves no claim behind. When the folder cannot be used, claims hold within this process only. Two sets
 * of claims on one folder in one JVM (tests, an app and an in-process command) exclude each other as two processes
 * would.
 */
public final class DatabaseClaims {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseClaims.class);

    /** A claim; the channel, while open, keeps the lock (none for a claim of this process only). */
    private record Held(String job, FileChannel channel) { }

    /** The job a scheduled run claims its database as, in the app and in {@code schedule run-due}. */
    public static final String SCHEDULED_BACKUP = "scheduled backup";

    /** The claim files locked in this JVM, by any set of claims, with their job. */
    private static final Map<Path, String> HELD_IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Path dir;
    private final Map<String, Held> holders = new HashMap<>();

    /** Claims that hold within this process only. */
    public DatabaseClaims() {
        this(null);
    }

    /** @param dir the claims folder shared with the other processes of the configuration */
    public DatabaseClaims(Path dir) {
        this.dir = dir;
    }

    /**
     * The name a database goes by here, from what its server is rather than how the profile spells it: two profiles
     * of one database name the same one whether they say localhost, 127.0.0.1, ::1 or a socket folder, or two host
     * names of one address.
     */
    public static String keyOf(ConnectionProfile profile) {
        String server = serverAddress(profile.host()) + ":" + profile.port();
        // a server connection's run is its set: two runs of one set exclude each other, and each database it dumps
        // is claimed under its own key only while it is dumped, so a set and a restore of one database can share a day
        return profile.wholeServer() ? "the set of " + profile.name() + " on " + server : profile.database() + " on " + server;
    }

    /** "localhost" for this machine (a socket folder or any loopback address), else the host's first address. */
    static String serverAddress(String host) {
        if (host == null || host.isBlank() || host.startsWith("/") || host.startsWith("@")) {
            return "localhost";
        }
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            if (Arrays.stream(addresses).anyMatch(InetAddress::isLoopbackAddress)) {
                return "localhost";
            }
            return Arrays.stream(addresses).map(InetAddress::getHostAddress).sorted().findFirst()
                    .orElse(host.toLowerCase(Locale.ROOT));
        } catch (UnknownHostException | SecurityException e) {
            // a name that does not resolve now can only be told apart by its spelling
            return host.toLowerCase(Locale.ROOT);
        }
    }

    /** @param job what the job is, e.g. "scheduled backup", for the message of a job refused meanwhile */
    public synchronized boolean claim(String database, String job) {
        if (holders.containsKey(database)) {
            return false;
        }
        Optional<Held> held = dir == null ? Optional.of(new Held(job, null)) : lockFile(database, job);
        held.ifPresent(h -> holders.put(database, h));
        return held.isPresent();
    }

    public synchronized void release(String database) {
        Held held = holders.remove(database);
        if (held != null && held.channel() != null) {
            writeName(held.channel(), "");
            // closing the channel releases the lock, whatever else fails
            closeQuietly(held.channel());
            HELD_IN_THIS_JVM.remove(file(database));
        }
    }

    /** The job that has the database, here or in another process; empty when it is free. */
    public synchronized Optional<String> holder(String database) {
        Held held = holders.get(database);
        if (held != null) {
            return Optional.of(held.job());
        }
        return dir == null ? Optional.empty() : otherHolder(database);
    }

    /** Why a scheduled run that found the database busy was skipped, for its history line. */
    public String skipReason(String database) {
        return "A " + holder(database).orElse("backup") + " of " + database + " was still running.";
    }

    /**
     * Runs the work as the database's one job, or refuses at once, saying what runs.
     *
     * @throws BackupDeskException {@code BUSY} when another job has the database
     */
    public <T> T whileHolding(String database, String job, Supplier<T> work) {
        if (!claim(database, job)) {
            String other = holder(database).orElse("another job");
            throw new BackupDeskException(ErrorKind.BUSY, "A " + other + " of " + database + " is running now.",
                    "Wait for it to finish, then start this " + job + " again.");
        }
        try {
            return work.get();
        } finally {
            release(database);
        }
    }

    private Optional<Held> lockFile(String database, String job) {
        Path file = file(database);
        // Within one JVM the file is never opened twice: closing a second channel on it would drop this process's
        // lock (POSIX locks belong to the process). A claims set of the same folder in this JVM counts as another.
        if (HELD_IN_THIS_JVM.putIfAbsent(file, job) != null) {
            return Optional.empty();
        }
        FileChannel channel = null;
        try {
            SecureFiles.createDirectories(dir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            // a byte far past the job's name: Windows locks are mandatory, and the name must stay readable
            FileLock lock = channel.tryLock(Long.MAX_VALUE - 1, 1, false);
            if (lock == null) {
                HELD_IN_THIS_JVM.remove(file);
                channel.close();
                return Optional.empty();
            }
            writeName(channel, job);
            return Optional.of(new Held(job, channel));
        } catch (IOException | OverlappingFileLockException e) {
            HELD_IN_THIS_JVM.remove(file);
            closeQuietly(channel);
            LOG.warn("The claims folder {} cannot be used ({}); the claim on {} holds in this process only", dir,
                    e.getMessage(), database);
            return Optional.of(new Held(job, null));
        }
    }

    /** The name is for the messages of others; the lock holds without it. */
    private static void writeName(FileChannel channel, String job) {
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(job.getBytes(StandardCharsets.UTF_8)), 0);
        } catch (IOException e) {
            LOG.debug("The job's name could not be written into its claim: {}", e.getMessage());
        }
    }

    /** The job that holds the database in this JVM or, as it wrote, in another process; empty when unknown. */
    private Optional<String> otherHolder(String database) {
        Path file = file(database);
        String here = HELD_IN_THIS_JVM.get(file);
        if (here != null) {
            return Optional.of(here);
        }
        try {
            String job = Files.readString(file, StandardCharsets.UTF_8).strip();
            return job.isEmpty() ? Optional.empty() : Optional.of(job);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Path file(String database) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(database.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(digest, 0, 12) + ".lock").toAbsolutePath().normalize();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was held
            }
        }
    }
}
