package io.backupdesk.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * {@code stale-alerts.json}: the staleness episodes already told about, so that a database past its RPO is alerted
 * once per episode and not again at every start. Losing the file only means one more alert. Thread-safe.
 */
public final class StaleAlertStore {
    /** The episodes told, as {@code profile/database@newest-good-backup}. */
    public record Told(int schemaVersion, List<String> episodes) {
        public static final int VERSION = 1;

        public static Told none() {
            return new Told(VERSION, List.of());
        }
    }

    private final JsonFile<Told> file;

    public StaleAlertStore(Path configDir, Consumer<String> warnings) {
        this.file = new JsonFile<>(configDir.resolve("stale-alerts.json"), Told.class, Told.VERSION, Told::none, warnings);
    }

    public synchronized Set<String> load() {
        List<String> episodes = file.read().episodes();
        return episodes == null ? Set.of() : new TreeSet<>(episodes);
    }

    /** Writes only when the set changed: the tray looks every ten minutes, and most looks change nothing. */
    public synchronized void save(Set<String> episodes) {
        if (!load().equals(episodes)) {
            file.write(new Told(Told.VERSION, List.copyOf(episodes)));
        }
    }
}
