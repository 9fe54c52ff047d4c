package io.backupdesk.schedule;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ErrorKind;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which databases have a job in this app now: the scheduler's runs, and the backups and restores started on the
 * screens. One job per database: a backup taken while a restore fills the same database would capture it half
 * done, and two dumps of one database at once only load its server. Thread-safe.
 */
public final class DatabaseClaims {
    private final Map<String, String> holders = new HashMap<>();

    /** The name a database goes by here: two profiles of one database name the same one. */
    public static String keyOf(ConnectionProfile profile) {
        return profile.database() + " on " + (profile.host() == null ? "localhost" : profile.host()) + ":" + profile.port();
    }

    /** @param job what the job is, e.g. "scheduled backup", for the message of a job refused meanwhile */
    public synchronized boolean claim(String database, String job) {
        return holders.putIfAbsent(database, job) == null;
    }

    public synchronized void release(String database) {
        holders.remove(database);
    }

    public synchronized Optional<String> holder(String database) {
        return Optional.ofNullable(holders.get(database));
    }

    /**
     * Runs the work as the database's one job, or refuses at once, saying what runs.
     *
     * @throws BackupDeskException {@code CONFIGURATION} when another job has the database
     */
    public <T> T whileHolding(String database, String job, Supplier<T> work) {
        if (!claim(database, job)) {
            String other = holder(database).orElse("another job");
            throw new BackupDeskException(ErrorKind.CONFIGURATION, "A " + other + " of " + database + " is running now.",
                    "Wait for it to finish, then start this " + job + " again.");
        }
        try {
            return work.get();
        } finally {
            release(database);
        }
    }
}
