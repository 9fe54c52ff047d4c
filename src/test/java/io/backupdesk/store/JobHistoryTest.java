package io.backupdesk.store;

import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JobHistoryTest {
    @TempDir
    Path config;

    private final List<String> warnings = new ArrayList<>();

    private JobHistory history() {
        return new JobHistory(config, warnings::add);
    }

    private static JobRun run(String id, JobStatus status) {
        Instant start = Instant.parse("2026-11-21T12:43:07Z");
        return JobRun.builder().id(id).kind(JobRun.KIND_BACKUP).profile("prod").database("sales").origin("manual")
                .startedAt(start).finishedAt(start.plusSeconds(42)).status(status).sizeBytes(1234)
                .backupId(status == JobStatus.OK ? "b-" + id : null)
                .errorKind(status == JobStatus.FAILED ? ErrorKind.DISK_FULL : null)
                .error(status == JobStatus.FAILED ? "disk full" : null).build();
    }

    @Test
    void noFileMeansNoRuns() {
        assertThat(history().readAll()).isEmpty();
    }

    @Test
    void appendedRunsAreReadBackOldestFirst() {
        JobHistory history = history();
        history.append(run("1", JobStatus.OK));
        history.append(run("2", JobStatus.FAILED));

        assertThat(history().readAll()).containsExactly(run("1", JobStatus.OK), run("2", JobStatus.FAILED));
        assertThat(warnings).isEmpty();
    }

    @Test
    void eachRunIsOneLine() throws IOException {
        history().append(run("1", JobStatus.OK));
        history().append(run("2", JobStatus.OK));

        assertThat(Files.readAllLines(config.resolve("history.jsonl"))).hasSize(2).allMatch(l -> l.startsWith("{"));
    }

    @Test
    void theHistoryIsReadableByItsOwnerOnly() throws IOException {
        history().append(run("1", JobStatus.OK));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.resolve("history.jsonl"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aTornLastLineIsSkippedWithAWarning() throws IOException {
        history().append(run("1", JobStatus.OK));
        Files.writeString(config.resolve("history.jsonl"), "{\"schemaVersion\":1,\"id\":\"2\",\"kind\":\"bac",
                StandardOpenOption.APPEND);

        assertThat(history().readAll()).containsExactly(run("1", JobStatus.OK));
        assertThat(warnings).containsExactly("1 unreadable line(s) in history.jsonl were skipped.");
    }

    @Test
    void blankLinesAreNeitherRunsNorWarnings() throws IOException {
        history().append(run("1", JobStatus.OK));
        Files.writeString(config.resolve("history.jsonl"), "\n\n", StandardOpenOption.APPEND);

        assertThat(history().readAll()).hasSize(1);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aRunAppendedAfterATornLineIsNotLost() throws IOException {
        history().append(run("1", JobStatus.OK));
        Files.writeString(config.resolve("history.jsonl"), "{\"schemaVersion\":1,\"id\":\"2\",\"kind\":\"bac",
                StandardOpenOption.APPEND);

        history().append(run("3", JobStatus.OK));

        assertThat(history().readAll()).containsExactly(run("1", JobStatus.OK), run("3", JobStatus.OK));
    }
}
