package io.backupdesk.restore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The errors pg_restore or psql reported, sorted into harmless ones (an object the target already has, an extension
 * comment only its owner may set) and real ones. Collects from the stderr listener thread; read after the run.
 */
final class ToolOutput {
    private static final int KEEP = 200;
    private static final List<String> HARMLESS = List.of("already exists", "must be owner of extension",
            "must be owner of schema public", "must be owner of database");

    private final List<String> harmless = new ArrayList<>();
    private final List<String> real = new ArrayList<>();
    private final List<String> log = new ArrayList<>();

    synchronized void accept(String line) {
        if (log.size() == KEEP) {
            log.remove(0);
        }
        log.add(line);
        String lower = line.toLowerCase(Locale.ROOT);
        if (!lower.contains("error:") || lower.contains("errors ignored on restore")) {
            return;
        }
        List<String> into = HARMLESS.stream().anyMatch(lower::contains) ? harmless : real;
        if (into.size() < KEEP) {
            into.add(line.trim());
        }
    }

    synchronized List<String> harmless() {
        return List.copyOf(harmless);
    }

    synchronized List<String> real() {
        return List.copyOf(real);
    }

    /** The last lines of the tool's output, oldest first. */
    synchronized List<String> log() {
        return List.copyOf(log);
    }
}
