package io.backupdesk.store;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ConnectionProfile;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Connection profiles in {@code profiles.json}, with when each was added. Thread-safe; every change is written through
 * at once.
 */
public final class ProfileStore {
    /**
     * The file's shape.
     *
     * @param added when each connection was added, by name: where its databases' RPO clock starts. A connection changed
     *              to back up something else (another database, or one database instead of a whole server) counts as
     *              added anew; one written before this was kept, or by hand, has none
     */
    public record ProfilesFile(int schemaVersion, List<ConnectionProfile> profiles, Map<String, Instant> added) {
        public ProfilesFile {
            profiles = profiles == null ? List.of() : List.copyOf(profiles);
            Map<String, Instant> known = new TreeMap<>();
            if (added != null) {
                // read back from disk: a name or a time left empty by hand says nothing
                added.forEach((name, at) -> {
                    if (name != null && at != null) {
                        known.put(name, at);
                    }
                });
            }
            added = Map.copyOf(known);
        }
    }

    private static final int VERSION = 1;
    private final NamedRecords<ProfilesFile, ConnectionProfile> records;
    private final Clock clock;

    public ProfileStore(Path configDir, Consumer<String> warnings) {
        this(configDir, warnings, Clock.systemUTC());
    }

    /** @param clock the time a connection is stamped with as it is added */
    public ProfileStore(Path configDir, Consumer<String> warnings, Clock clock) {
        this.clock = clock;
        this.records = new NamedRecords<>(configDir.resolve("profiles.json"), ProfilesFile.class, VERSION,
                ProfilesFile::profiles, this::stamped, new ProfilesFile(VERSION, List.of(), Map.of()),
                ConnectionProfile::name, warnings);
    }

    /** By name. */
    public List<ConnectionProfile> list() {
        return records.list();
    }

    public Optional<ConnectionProfile> find(String name) {
        return records.find(name);
    }

    public ConnectionProfile require(String name) {
        return find(name).orElseThrow(() -> BackupDeskException.configuration("There is no profile named '" + name + "'.",
                "Check the name among the connection profiles, or add a profile with that name.")
                .withCommandLineHint("List the profiles with 'backupdesk profiles list', or add one with"
                        + " 'backupdesk profiles add'."));
    }

    /** Adds it, or replaces the one with the same name. */
    public void save(ConnectionProfile profile) {
        records.save(profile);
    }

    public boolean remove(String name) {
        return records.remove(name);
    }

    /**
     * When each connection was added (or changed to back up something else), by name; a connection stored before
     * that was kept has none.
     */
    public Map<String, Instant> addedAt() {
        return records.file().added();
    }

    /** The file after a change: a connection keeps its time while it backs up the same thing, a new one gets now. */
    private ProfilesFile stamped(ProfilesFile before, List<ConnectionProfile> all) {
        Map<String, Instant> added = new TreeMap<>();
        for (ConnectionProfile p : all) {
            Optional<ConnectionProfile> was = before.profiles().stream().filter(b -> b.name().equals(p.name()))
                    .findFirst();
            if (was.isEmpty() || !backsUpTheSame(was.get(), p)) {
                added.put(p.name(), clock.instant());
            } else if (before.added().containsKey(p.name())) {
                added.put(p.name(), before.added().get(p.name()));
            }
        }
        return new ProfilesFile(VERSION, all, added);
    }

    /** A server connection backs up its server whatever database it logs in to; a plain one, its database. */
    private static boolean backsUpTheSame(ConnectionProfile a, ConnectionProfile b) {
        return a.wholeServer() == b.wholeServer() && (a.wholeServer() || Objects.equals(a.database(), b.database()));
    }
}
