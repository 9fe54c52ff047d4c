package io.backupdesk.offsite;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Destination;
import io.backupdesk.store.NamedRecords;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The destinations in {@code destinations.json}, in the configuration folder. No secret is ever in this file: those
 * are in {@link DestinationSecrets}. Thread-safe; every change is written through at once.
 */
public final class DestinationStore {
    /** The file's shape. */
    public record DestinationsFile(int schemaVersion, List<Destination> destinations) {
        public DestinationsFile {
            destinations = destinations == null ? List.of() : List.copyOf(destinations);
        }
    }

    private static final int VERSION = 1;
    private final NamedRecords<DestinationsFile, Destination> records;

    public DestinationStore(Path configDir, Consumer<String> warnings) {
        this.records = new NamedRecords<>(configDir.resolve("destinations.json"), DestinationsFile.class, VERSION,
                DestinationsFile::destinations, all -> new DestinationsFile(VERSION, all), Destination::name, warnings);
    }

    /** By name. */
    public List<Destination> list() {
        return records.list();
    }

    public Optional<Destination> find(String name) {
        return records.find(name);
    }

    public Destination require(String name) {
        return find(name).orElseThrow(() -> BackupDeskException.configuration("There is no destination '" + name + "'.",
                "Add it first, or check its name among the destinations.")
                .withCommandLineHint("List them with 'backupdesk destinations list'; add one with "
                        + "'backupdesk destinations add NAME --url URL'."));
    }

    /** Adds it, or replaces the one with the same name. */
    public void save(Destination destination) {
        records.save(destination);
    }

    public boolean remove(String name) {
        return records.remove(name);
    }
}
