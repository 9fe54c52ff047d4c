package io.backupdesk.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code acknowledged.json}: the alerts the user acknowledged, each as the condition it was about (a database's
 * failure or its going past the RPO) and when. Read back as untrusted input: an entry without a condition or a time,
 * or with a condition longer than any we write, is left out; a file that is not ours is set aside by {@link JsonFile}.
 * Losing the file only brings the acknowledged alerts back. Thread-safe.
 */
public final class AcknowledgementStore {
    /** No condition we write is longer: a database key, two markers and two times. */
    static final int MAX_CONDITION = 400;
    /** More than anyone acknowledges at once; a file with more keeps the newest. */
    static final int MAX_ENTRIES = 1000;

    /** One acknowledgement. */
    public record Acknowledged(String condition, Instant at) { }

    /** The file's shape. */
    public record AcknowledgedFile(int schemaVersion, List<Acknowledged> acknowledged) {
        public static final int VERSION = 1;
    }

    private final JsonFile<AcknowledgedFile> file;

    public AcknowledgementStore(Path configDir, Consumer<String> warnings) {
        this.file = new JsonFile<>(configDir.resolve("acknowledged.json"), AcknowledgedFile.class,
                AcknowledgedFile.VERSION, () -> new AcknowledgedFile(AcknowledgedFile.VERSION, List.of()), warnings);
    }

    /** When each acknowledged condition was acknowledged. */
    public synchronized Map<String, Instant> load() {
        List<Acknowledged> entries = file.read().acknowledged();
        Map<String, Instant> known = new TreeMap<>();
        if (entries == null) {
            return known;
        }
        entries.stream().filter(a -> a != null && a.condition() != null && !a.condition().isBlank()
                        && a.condition().length() <= MAX_CONDITION && a.at() != null)
                .sorted(Comparator.comparing(Acknowledged::at).reversed()).limit(MAX_ENTRIES)
                .forEach(a -> known.putIfAbsent(a.condition(), a.at()));
        return known;
    }

    /** Writes these, and only these, when they differ from what the file holds. */
    public synchronized void save(Map<String, Instant> acknowledged) {
        if (load().equals(acknowledged)) {
            return;
        }
        file.write(new AcknowledgedFile(AcknowledgedFile.VERSION, acknowledged.entrySet().stream()
                .map(e -> new Acknowledged(e.getKey(), e.getValue())).toList()));
    }
}
