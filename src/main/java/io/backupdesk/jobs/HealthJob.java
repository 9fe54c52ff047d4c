package io.backupdesk.jobs;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupSets;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.JobRun;
import io.backupdesk.stats.DatabaseHealth;
import io.backupdesk.stats.HealthScope;
import io.backupdesk.stats.StatsService;
import io.backupdesk.store.AcknowledgementStore;
import io.backupdesk.store.JobHistory;
import io.backupdesk.store.ProfileStore;
import io.backupdesk.store.ScheduleStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The health of the databases of the connections that exist now, and the user's acknowledgements of what is wrong
 * with them. The dashboard, the tray, the command line and the stale watch all judge through here, so they agree. An
 * acknowledgement holds for the condition as it was acknowledged ({@link DatabaseHealth#condition()}): a later
 * failure, or going past the RPO again after a good backup, is a new condition and is raised again. Thread-safe.
 */
public final class HealthJob {
    private final ProfileStore profiles;
    private final ScheduleStore schedules;
    private final BackupCatalog catalog;
    private final BackupSets sets;
    private final JobHistory history;
    private final AcknowledgementStore acknowledgements;
    private final StatsService stats;
    private final Supplier<Duration> rpo;
    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** @param rpo the recovery-point objective as the settings say at each look */
    public HealthJob(ProfileStore profiles, ScheduleStore schedules, BackupCatalog catalog, BackupSets sets,
                     JobHistory history, AcknowledgementStore acknowledgements, StatsService stats,
                     Supplier<Duration> rpo, Clock clock) {
        this.profiles = profiles;
        this.schedules = schedules;
        this.catalog = catalog;
        this.sets = sets;
        this.history = history;
        this.acknowledgements = acknowledgements;
        this.stats = stats;
        this.rpo = rpo;
        this.clock = clock;
    }

    /** Hears that alerts were acknowledged, after they were stored; on the acknowledging thread. */
    public void onAcknowledged(Runnable listener) {
        listeners.add(listener);
    }

    /** What the health is judged over, from a catalog and a history already read: for the dashboard's numbers. */
    public HealthScope scope(BackupCatalog.Listing backups, List<JobRun> runs) {
        return new HealthScope(WatchedDatabases.of(profiles.list(), profiles.addedAt(), schedules.list(),
                sets.read(backups).sets(), backups.backups(), runs), acknowledgements.load());
    }

    /** Every watched database's health now, worst first, each with its acknowledgement. */
    public List<DatabaseHealth> now() {
        BackupCatalog.Listing backups = catalog.read();
        List<JobRun> runs = history.readAll();
        return stats.health(backups.backups(), runs, rpo.get(), scope(backups, runs));
    }

    /**
     * Acknowledges these conditions, as the user saw them on a screen or in the tray; one that is no longer what is
     * wrong (something new happened meanwhile) is not acknowledged. Acknowledgements of conditions that have ended
     * are forgotten here, so the file holds what is acknowledged now.
     *
     * @return the health with them acknowledged
     */
    public synchronized List<DatabaseHealth> acknowledge(Collection<String> conditions) {
        List<DatabaseHealth> health = now();
        Map<String, Instant> before = acknowledgements.load();
        Map<String, Instant> kept = new TreeMap<>();
        Instant at = clock.instant();
        for (DatabaseHealth h : health) {
            String condition = h.condition();
            if (condition != null && before.containsKey(condition)) {
                kept.put(condition, before.get(condition));
            } else if (condition != null && conditions.contains(condition)) {
                kept.put(condition, at);
            }
        }
        acknowledgements.save(kept);
        listeners.forEach(Runnable::run);
        return health.stream().map(h -> h.condition() != null && kept.containsKey(h.condition())
                ? h.acknowledgedAt(kept.get(h.condition())) : h).toList();
    }

    /**
     * Acknowledges what is wrong with one database now, named as the health lists it ("profile/database", or a server
     * connection's name before its first set).
     *
     * @return its health, acknowledged
     * @throws BackupDeskException when no watched database is so named, or nothing is wrong with it
     */
    public DatabaseHealth acknowledge(String key) {
        DatabaseHealth found = now().stream().filter(h -> h.key().equals(key)).findFirst()
                .orElseThrow(() -> BackupDeskException.configuration("No watched database is named '" + key + "'.",
                        "Name it as the health list shows it: profile/database."));
        if (found.condition() == null) {
            throw BackupDeskException.configuration(key + " has nothing to acknowledge: its newest backup run did not"
                    + " fail and it is within its RPO.", "Only a failure or a database past its RPO is acknowledged.");
        }
        return acknowledge(List.of(found.condition())).stream().filter(h -> h.key().equals(key)).findFirst()
                .orElse(found);
    }
}
