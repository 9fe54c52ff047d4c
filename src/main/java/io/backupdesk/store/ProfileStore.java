package io.backupdesk.store;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ConnectionProfile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
    private final JsonFile<ProfilesFile> file;

    public ProfileStore(Path configDir, Consumer<String> warnings) {
        this.file = new JsonFile<>(configDir.resolve("profiles.json"), ProfilesFile.class, VERSION,
                () -> new ProfilesFile(VERSION, List.of()), warnings);
    }

    public synchronized List<ConnectionProfile> list() {
        return file.read().profiles().stream().sorted(Comparator.comparing(ConnectionProfile::name)).toList();
    }

    public synchronized Optional<ConnectionProfile> find(String name) {
        return file.read().profiles().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public ConnectionProfile require(String name) {
        return find(name).orElseThrow(() -> BackupDeskException.configuration("There is no profile named '" + name + "'.",
                "Check the name among the connection profiles, or add a profile with that name.")
                .withCommandLineHint("List the profiles with 'backupdesk profiles list', or add one with"
                        + " 'backupdesk profiles add'."));
    }

    /** Adds the profile, or replaces the one with the same name. */
    public synchronized void save(ConnectionProfile profile) {
        List<ConnectionProfile> profiles = new ArrayList<>(file.read().profiles());
        profiles.removeIf(p -> p.name().equals(profile.name()));
        profiles.add(profile);
        file.write(new ProfilesFile(VERSION, profiles));
    }

    public synchronized boolean remove(String name) {
        List<ConnectionProfile> profiles = new ArrayList<>(file.read().profiles());
        boolean removed = profiles.removeIf(p -> p.name().equals(name));
        if (removed) {
            file.write(new ProfilesFile(VERSION, profiles));
        }
        return removed;
    }
}
