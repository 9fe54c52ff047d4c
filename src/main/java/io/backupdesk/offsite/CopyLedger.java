package io.backupdesk.offsite;

import io.backupdesk.store.JsonLines;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The copies of every backup, in {@code copies.jsonl} in the configuration folder: an append-only ledger whose
 * newest line for a backup and a destination is where that copy stands. Appending whole lines lets the desktop,
 * the tray's scheduler and a cron {@code run-due} record copies at once without losing one another's. Thread-safe.
 */
public final class CopyLedger {
    private final JsonLines<CopyState> lines;

    public CopyLedger(Path configDir, Consumer<String> warnings) {
        this.lines = new JsonLines<>(configDir.resolve("copies.jsonl"), CopyState.class, "the copy ledger", warnings);
    }

    public void record(CopyState state) {
        lines.append(state);
    }

    /** The current state of every copy, by backup and then destination. */
    public List<CopyState> current() {
        Map<String, CopyState> newest = new LinkedHashMap<>();
        for (CopyState state : lines.readAll()) {
            newest.put(state.backupId() + "\n" + state.destination(), state);
        }
        return newest.values().stream().sorted(Comparator.comparing(CopyState::backupId)
                .thenComparing(CopyState::destination)).toList();
    }

    /** The current state of one backup's copies, by destination. */
    public List<CopyState> of(String backupId) {
        return current().stream().filter(s -> s.backupId().equals(backupId)).toList();
    }
}
