package io.backupdesk.offsite;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Destination;
import io.backupdesk.store.JsonFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
    private final JsonFile<DestinationsFile> file;

    public DestinationStore(Path configDir, Consumer<String> warnings) {
        this.file = new JsonFile<>(configDir.resolve("destinations.json"), DestinationsFile.class, VERSION,
                () -> new DestinationsFile(VERSION, List.of()), warnings);
    }

    /** By name. */
    public synchronized List<Destination> list() {
        return file.read().destinations().stream().sorted(Comparator.comparing(Destination::name)).toList();
    }

    public synchronized Optional<Destination> find(String name) {
        return file.read().destinations().stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public Destination require(String name) {
        return find(name).orElseThrow(() -> BackupDeskException.configuration("There is no destination '" + name + "'.",
                "Add it first, or check its name among the destinations.")
                .withCommandLineHint("List them with 'backupdesk destinations list'; add one with "
                        + "'backupdesk destinations add NAME --url URL'."));
    }

    /** Adds the destination, or replaces the one with the same name. */
    public synchronized void save(Destination destination) {
        List<Destination> all = new ArrayList<>(file.read().destinations());
        all.removeIf(d -> d.name().equals(destination.name()));
        all.add(destination);
        file.write(new DestinationsFile(VERSION, all));
    }

    public synchronized boolean remove(String name) {
        List<Destination> all = new ArrayList<>(file.read().destinations());
        boolean removed = all.removeIf(d -> d.name().equals(name));
        if (removed) {
            file.write(new DestinationsFile(VERSION, all));
        }
        return removed;
    }
}
