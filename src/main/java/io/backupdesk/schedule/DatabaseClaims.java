package io.backupdesk.schedule;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ErrorKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
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
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which databases have a job now: the scheduler's runs, the backups and restores started on the screens, and, with a
 * claims folder, those of every other process on the same configuration (the command line, {@code schedule
 * run-due}). One job per database: a backup taken while a restore fills the same database would capture it half
 * done, and two dumps of one database at once only load its server. Thread-safe.
 * <p>
 * Across processes a claim is an exclusive lock on a file named after the database in the claims folder, holding
 * the job's name for the message of whoever is refused. The operating system drops the lock with its process, so a
 * killed app leaves no claim behind. When the folder cannot be used, claims hold within this process only.
 */
public final class DatabaseClaims {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseClaims.class);

    private record Held(String job, FileChannel channel, FileLock lock) { }

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

    /** The name a database goes by here: two profiles of one database name the same one. */
    public static String keyOf(ConnectionProfile profile) {
        return profile.database() + " on " + (profile.host() == null ? "localhost" : profile.host()) + ":" + profile.port();
    }

    /** @param job what the job is, e.g. "scheduled backup", for the message of a job refused meanwhile */
    public synchronized boolean claim(String database, String job) {
        if (holders.containsKey(database)) {
            return false;
        }
        Optional<Held> held = dir == null ? Optional.of(new Held(job, null, null)) : lockFile(database, job);
        held.ifPresent(h -> holders.put(database, h));
        return held.isPresent();
    }

    public synchronized void release(String database) {
        Held held = holders.remove(database);
        if (held != null && held.channel() != null) {
            try {
                held.lock().release();
                held.channel().close();
            } catch (IOException e) {
                LOG.debug("Releasing the claim on {}: {}", database, e.getMessage());
            }
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
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(file(database), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(job.getBytes(StandardCharsets.UTF_8)), 0);
            return Optional.of(new Held(job, channel, lock));
        } catch (OverlappingFileLockException e) {
            // another set of claims in this JVM holds it, as a second process would
            closeQuietly(channel);
            return Optional.empty();
        } catch (IOException e) {
            closeQuietly(channel);
            LOG.warn("The claims folder {} cannot be used ({}); the claim on {} holds in this process only", dir,
                    e.getMessage(), database);
            return Optional.of(new Held(job, null, null));
        }
    }

    /** The job another process wrote into the claim it holds; empty when nobody holds it. */
    private Optional<String> otherHolder(String database) {
        Path file = file(database);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock probe;
            try {
                probe = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                probe = null;
            }
            if (probe != null) {
                probe.release();
                return Optional.empty();
            }
            String job = Files.readString(file, StandardCharsets.UTF_8).strip();
            return Optional.of(job.isEmpty() ? "job" : job);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Path file(String database) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(database.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(digest, 0, 12) + ".lock");
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
