package io.backupdesk.store;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ConnectionProfile;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Connection profiles in {@code profiles.json}. Thread-safe; every change is written through at once. */
public final class ProfileStore {
    /** The file's shape. */
    public record ProfilesFile(int schemaVersion, List<ConnectionProfile> profiles) {
        public ProfilesFile {
            profiles = profiles == null ? List.of() : List.copyOf(profiles);
        }
    }

    private static final int VERSION = 1;
    private final NamedRecords<ProfilesFile, ConnectionProfile> records;

    public ProfileStore(Path configDir, Consumer<String> warnings) {
        this.records = new NamedRecords<>(configDir.resolve("profiles.json"), ProfilesFile.class, VERSION,
                ProfilesFile::profiles, all -> new ProfilesFile(VERSION, all), ConnectionProfile::name, warnings);
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
}
