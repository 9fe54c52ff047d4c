package io.backupdesk.jobs;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupSets;
import io.backupdesk.core.BackupSet;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.Schedule;
import io.backupdesk.stats.HealthScope.Watched;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The databases the health is judged over: those of the connections that exist now, once someone asked for their
 * backups (a schedule that is on, or a backup run since the connection was added). A connection to one database is
 * watched for the database it names now, not one it named before. A server connection is watched by its newest set:
 * each database that set found (written or failed, so a database that fails goes stale in time), never one it no
 * longer has and never its login database unless the set backs it up; before its first set, by the databases its runs
 * named, and with none of those as a whole. Each database's RPO clock starts when it was first asked for, and never
 * before its connection was added: the backups and runs of a removed namesake say nothing of the new one.
 */
public final class WatchedDatabases {
    private WatchedDatabases() { }

    /**
     * @param addedAt when each connection was added, by name; a connection with none (kept before this was known)
     *                counts from its oldest backup or run
     */
    public static List<Watched> of(List<ConnectionProfile> profiles, Map<String, Instant> addedAt,
                                   List<Schedule> schedules, List<BackupSets.SetEntry> sets,
                                   List<BackupCatalog.Entry> catalog, List<JobRun> history) {
        List<Watched> watched = new ArrayList<>();
        for (ConnectionProfile p : profiles) {
            Instant added = addedAt.get(p.name());
            Instant scheduled = schedules.stream().filter(s -> p.name().equals(s.profile()) && s.enabled())
                    .map(s -> s.enabledAt() != null ? s.enabledAt() : s.createdAt()).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(null);
            Traces traces = new Traces(p.name(), added, catalog, history);
            if (!p.wholeServer()) {
                // a connection whose service file names the database: the databases its backups were made of
                List<String> databases = p.database() != null ? List.of(p.database()) : traces.databases();
                for (String database : databases) {
                    since(added, scheduled, traces.first(database))
                            .ifPresent(t -> watched.add(new Watched(p.name(), database, t)));
                }
                continue;
            }
            Optional<BackupSet> newest = sets.stream().map(BackupSets.SetEntry::set)
                    .filter(s -> p.name().equals(s.profile()) && !before(s.createdAt(), added))
                    .max(Comparator.comparing(BackupSet::createdAt));
            List<String> databases = newest.map(s -> s.members().stream().map(BackupSet.Member::database).toList())
                    // before its first set, whatever its runs left in the history is watched
                    .orElseGet(traces::databases);
            // a set that tried a database asked for it, even when it failed before leaving any trace of it
            Instant setMade = newest.map(BackupSet::createdAt).orElse(null);
            for (String database : databases) {
                since(added, scheduled, earliest(traces.first(database), setMade))
                        .ifPresent(t -> watched.add(new Watched(p.name(), database, t)));
            }
            if (databases.isEmpty()) {
                since(added, scheduled, traces.firstSetRun()).ifPresent(t -> watched.add(new Watched(p.name(), null, t)));
            }
        }
        return watched;
    }

    /** When the clock starts: first asked for, not before the connection was added; empty when never asked for. */
    private static Optional<Instant> since(Instant added, Instant scheduled, Instant firstTrace) {
        Instant asked = Stream.of(scheduled, firstTrace).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
        if (asked == null) {
            return Optional.empty();
        }
        return Optional.of(added != null && added.isAfter(asked) ? added : asked);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || (b != null && b.isBefore(a)) ? b : a;
    }

    private static boolean before(Instant t, Instant limit) {
        return t == null || (limit != null && t.isBefore(limit));
    }

    /** One connection's backups and runs since it was added. */
    private static final class Traces {
        private final String profile;
        private final Instant added;
        private final List<BackupCatalog.Entry> catalog;
        private final List<JobRun> history;

        Traces(String profile, Instant added, List<BackupCatalog.Entry> catalog, List<JobRun> history) {
            this.profile = profile;
            this.added = added;
            this.catalog = catalog;
            this.history = history;
        }

        /** Its oldest backup or backup run of this database; null when none. */
        Instant first(String database) {
            Stream<Instant> backups = catalog.stream().map(BackupCatalog.Entry::record)
                    .filter(r -> profile.equals(r.profile()) && database.equals(r.database()))
                    .map(r -> r.createdAt());
            Stream<Instant> runs = history.stream().filter(r -> JobRun.KIND_BACKUP.equals(r.kind())
                    && profile.equals(r.profile()) && database.equals(r.database())).map(JobRun::startedAt);
            return oldest(Stream.concat(backups, runs));
        }

        /** Its oldest set run; null when none. */
        Instant firstSetRun() {
            return oldest(history.stream().filter(r -> JobRun.KIND_SET.equals(r.kind()) && profile.equals(r.profile()))
                    .map(JobRun::startedAt));
        }

        /** The databases its backup runs named, by name. */
        List<String> databases() {
            TreeSet<String> names = new TreeSet<>();
            catalog.stream().map(BackupCatalog.Entry::record).filter(r -> profile.equals(r.profile())
                    && r.database() != null && !before(r.createdAt(), added)).forEach(r -> names.add(r.database()));
            history.stream().filter(r -> JobRun.KIND_BACKUP.equals(r.kind()) && profile.equals(r.profile())
                    && r.database() != null && !before(r.startedAt(), added)).forEach(r -> names.add(r.database()));
            return List.copyOf(names);
        }

        private Instant oldest(Stream<Instant> times) {
            return times.filter(t -> !before(t, added)).min(Comparator.naturalOrder()).orElse(null);
        }
    }
}
