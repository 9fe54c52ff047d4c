package io.backupdesk.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Records known by a unique name, kept in one JSON file: the profiles, the presets, the destinations. Thread-safe;
 * every change is written through at once.
 *
 * @param <F> the file's shape: a schema version and the list
 * @param <T> the record
 */
public final class NamedRecords<F, T> {
    private final JsonFile<F> file;
    private final Function<F, List<T>> records;
    private final BiFunction<F, List<T>, F> shape;
    private final Function<T, String> nameOf;

    /**
     * @param records the list a file holds
     * @param shape   the file holding a list, at the current schema version
     */
    public NamedRecords(Path path, Class<F> type, int version, Function<F, List<T>> records, Function<List<T>, F> shape,
                        Function<T, String> nameOf, Consumer<String> warnings) {
        this(path, type, version, records, (before, all) -> shape.apply(all), shape.apply(List.of()), nameOf, warnings);
    }

    /**
     * For a file that keeps more than the list: the new file is made from the file as it was and the new list.
     *
     * @param shape the file holding a list, at the current schema version, from the file before the change
     * @param empty the file when there is none
     */
    public NamedRecords(Path path, Class<F> type, int version, Function<F, List<T>> records,
                        BiFunction<F, List<T>, F> shape, F empty, Function<T, String> nameOf,
                        Consumer<String> warnings) {
        this.file = new JsonFile<>(path, type, version, () -> empty, warnings);
        this.records = records;
        this.shape = shape;
        this.nameOf = nameOf;
    }

    /** The file as it is, for what it keeps beside the list. */
    public synchronized F file() {
        return file.read();
    }

    /** By name. */
    public synchronized List<T> list() {
        return records.apply(file.read()).stream().sorted(Comparator.comparing(nameOf)).toList();
    }

    public synchronized Optional<T> find(String name) {
        return records.apply(file.read()).stream().filter(r -> nameOf.apply(r).equals(name)).findFirst();
    }

    /** Adds the record, or replaces the one with the same name. */
    public synchronized void save(T record) {
        F before = file.read();
        List<T> all = new ArrayList<>(records.apply(before));
        all.removeIf(r -> nameOf.apply(r).equals(nameOf.apply(record)));
        all.add(record);
        file.write(shape.apply(before, all));
    }

    public synchronized boolean remove(String name) {
        F before = file.read();
        List<T> all = new ArrayList<>(records.apply(before));
        boolean removed = all.removeIf(r -> nameOf.apply(r).equals(name));
        if (removed) {
            file.write(shape.apply(before, all));
        }
        return removed;
    }
}
