package io.backupdesk.store;

import io.backupdesk.core.JobRun;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The append-only job history, {@code history.jsonl}: one JSON object a line, each line fsynced. Lines are never
 * rewritten, so a crash can at worst leave a torn last line, which reading skips with a warning.
 */
public final class JobHistory {
    private final JsonLines<JobRun> lines;

    public JobHistory(Path configDir, Consumer<String> warnings) {
        this.lines = new JsonLines<>(configDir.resolve("history.jsonl"), JobRun.class, "the job history", warnings);
    }

    public void append(JobRun run) {
        lines.append(run);
    }

    /** Every run, oldest first. */
    public List<JobRun> readAll() {
        return lines.readAll();
    }
}
