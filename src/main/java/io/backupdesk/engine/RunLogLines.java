package io.backupdesk.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The app log's lines about one run, for the run's detail: every line that names its id. */
final class RunLogLines {
    /** At most this many lines of one run are shown; a run logs a dozen. */
    private static final int MAX_LINES = 200;

    private RunLogLines() { }

    /** Oldest first, from the current and the rotated log files; empty when there is no log. */
    static List<String> of(Path logs, String runId) {
        if (!Files.isDirectory(logs)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            List<Path> oldestFirst = files.filter(p -> p.getFileName().toString().endsWith(".log"))
                    .sorted(Comparator.comparing(p -> p.toFile().lastModified())).toList();
            for (Path file : oldestFirst) {
                try (Stream<String> text = Files.lines(file)) {
                    text.filter(line -> line.contains(runId)).forEach(lines::add);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return lines;
        }
        return lines.size() > MAX_LINES ? lines.subList(lines.size() - MAX_LINES, lines.size()) : lines;
    }
}
