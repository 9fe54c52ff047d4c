package io.backupdesk.backup;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.store.JobHistory;
import io.backupdesk.store.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RunRegistryTest {
    @TempDir
    Path dir;
    private Path runs;
    private JobHistory history;
    private RunRegistry registry;
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void setUp() {
        runs = dir.resolve("runs");
        history = new JobHistory(dir, warnings::add);
        registry = new RunRegistry(runs, history, Clock.systemUTC());
    }

    @Test
    void aDeadRunsFilesAreRemovedAndTheRunIsRecordedAsInterrupted() throws Exception {
        Path partial = Files.writeString(dir.resolve("db_1.dump.partial"), "half");
        writeMarker("r1", null, List.of(partial), dir.resolve("db_1.backup.json"));
        Files.writeString(runs.resolve("r1.pgpass"), "h:5432:*:u:secret");

        List<JobRun> recovered = registry.recoverInterrupted();

        assertThat(recovered).extracting(JobRun::id).containsExactly("r1");
        assertThat(partial).doesNotExist();
        assertThat(runs.resolve("r1.pgpass")).doesNotExist();
        assertThat(runs.resolve("r1.json")).doesNotExist();
        assertThat(history.readAll()).extracting(JobRun::status).containsExactly(JobStatus.INTERRUPTED);
    }

    @Test
    void aRunKilledAfterItsSidecarWasWrittenIsRecordedAsOkAndKeepsItsFiles() throws Exception {
        Path archive = Files.writeString(dir.resolve("db_1.dump"), "complete");
        Path sidecar = dir.resolve("db_1.backup.json");
        Files.write(sidecar, Json.mapper().writeValueAsBytes(sidecarFor("b42", archive)));
        writeMarker("r2", null, List.of(archive), sidecar);

        assertThat(registry.recoverInterrupted()).isEmpty();

        assertThat(archive).exists();
        assertThat(history.readAll()).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo(JobStatus.OK);
            assertThat(run.backupId()).isEqualTo("b42");
        });
    }

    @Test
    void aRunThatEndedButCouldNotCleanUpIsFinishedWithoutASecondHistoryLine() throws Exception {
        Path partial = Files.writeString(dir.resolve("db_1.dump.partial"), "half");
        ActiveRun active = registry.begin(run("r3"), List.of(partial), dir.resolve("db_1.backup.json"));
        active.close(JobStatus.FAILED);
        assertThat(runs.resolve("r3.json")).exists();

        assertThat(registry.recoverInterrupted()).isEmpty();

        assertThat(partial).doesNotExist();
        assertThat(runs.resolve("r3.json")).doesNotExist();
        assertThat(history.readAll()).isEmpty();
    }

    @Test
    void aRunOfThisProcessIsLeftAloneAndRemovesItsMarkerWhenSettled() throws Exception {
        Path partial = Files.writeString(dir.resolve("db_1.dump.partial"), "growing");
        ActiveRun active = registry.begin(run("r4"), List.of(partial), dir.resolve("db_1.backup.json"));

        assertThat(registry.recoverInterrupted()).isEmpty();
        assertThat(partial).exists();
        assertThat(runs.resolve("r4.json")).exists();

        active.settled();
        active.close();
        assertThat(runs.resolve("r4.json")).doesNotExist();
        assertThat(history.readAll()).isEmpty();
    }

    @Test
    void anUnreadableMarkerIsRemovedAndDoesNotStopTheOthers() throws Exception {
        Files.createDirectories(runs);
        Files.writeString(runs.resolve("broken.json"), "{ not json");
        Path partial = Files.writeString(dir.resolve("db_2.dump.partial"), "half");
        writeMarker("r5", null, List.of(partial), dir.resolve("db_2.backup.json"));

        List<JobRun> recovered = registry.recoverInterrupted();

        assertThat(recovered).extracting(JobRun::id).containsExactly("r5");
        assertThat(runs.resolve("broken.json")).doesNotExist();
        assertThat(partial).doesNotExist();
    }

    @Test
    void strayFilesNoMarkerAccountsForAreRemovedButALiveRunsAreKept() throws Exception {
        Path partial = Files.writeString(dir.resolve("db_3.dump.partial"), "growing");
        ActiveRun live = registry.begin(run("r6"), List.of(partial), dir.resolve("db_3.backup.json"));
        Path livePassword = Files.writeString(runs.resolve("r6.pgpass"), "h:5432:*:u:secret");
        Path orphanPassword = Files.writeString(runs.resolve("gone.pgpass"), "h:5432:*:u:secret");
        Path deadTemporary = Files.writeString(runs.resolve("r7.json.new"), "{}");
        Files.setLastModifiedTime(deadTemporary, java.nio.file.attribute.FileTime.from(Instant.now().minusSeconds(3600)));
        Path freshTemporary = Files.writeString(runs.resolve("r8.json.new"), "{}");

        registry.recoverInterrupted();

        assertThat(orphanPassword).doesNotExist();
        assertThat(deadTemporary).doesNotExist();
        assertThat(livePassword).exists();
        assertThat(freshTemporary).exists();
        live.settled();
        live.close();
    }

    @Test
    void aDeadRestoresDatabasesAreDroppedOrKeptForTheNextStartWithoutASecondHistoryLine() throws Exception {
        ActiveRun restore = registry.beginRestore(JobRun.builder().id("r9").kind(JobRun.KIND_RESTORE).profile("p")
                .database("db").origin("manual").startedAt(Instant.now()).build());
        restore.database("db_restoring_1", true);
        restore.note("db itself was not touched.");
        abandon(restore, "r9");
        List<String> dropped = new ArrayList<>();

        List<JobRun> first = registry.recoverInterrupted((profile, database, oid) -> {
            throw new IllegalStateException("server down");
        });
        registry.recoverInterrupted((profile, database, oid) -> dropped.add(profile + "/" + database));

        assertThat(first).singleElement().satisfies(run -> assertThat(run.error())
                .contains("db_restoring_1 could not be dropped yet").endsWith("db itself was not touched."));
        assertThat(dropped).containsExactly("p/db_restoring_1");
        assertThat(runs.resolve("r9.json")).doesNotExist();
        assertThat(history.readAll()).extracting(JobRun::status).containsExactly(JobStatus.INTERRUPTED);
    }

    static Stream<Arguments> forgedMarkers() {
        return Stream.of(
                Arguments.of("a file in another folder", "victim/precious.txt", "db_1.backup.json", "r10"),
                Arguments.of("a path that is not normalized", "db_1.dump/../victim/precious.txt", "db_1.backup.json", "r11"),
                Arguments.of("another backup's archive", "victim/other.dump", "victim/db_1.backup.json", "r12"),
                Arguments.of("a relative path", "RELATIVE", "db_1.backup.json", "r13"),
                Arguments.of("files but no backup", "victim/precious.txt", null, "r14"),
                Arguments.of("a run id with path characters", "db_1.dump.partial", "db_1.backup.json", "../victim/precious"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedMarkers")
    void aMarkerNamingFilesThatAreNotItsBackupsIsRefusedAndNothingIsDeleted(String what, String path, String sidecar,
            String runId) throws Exception {
        Path victim = Files.createDirectories(dir.resolve("victim"));
        Path precious = Files.writeString(victim.resolve("precious.txt"), "keep");
        Path other = Files.writeString(victim.resolve("other.dump"), "another backup");
        Path password = Files.writeString(victim.resolve("precious.pgpass"), "not ours");
        Path partial = Files.writeString(dir.resolve("db_1.dump.partial"), "half");
        Files.createDirectories(runs);
        JobRun run = JobRun.builder().id(runId).kind(JobRun.KIND_BACKUP).profile("p").database("db").origin("manual")
                .startedAt(Instant.now()).build();
        String named = path.equals("RELATIVE") ? "victim/precious.txt" : dir.resolve(path).toString();
        RunMarker marker = new RunMarker(run, List.of(named, partial.toString()),
                sidecar == null ? null : dir.resolve(sidecar).toString(), null, List.of(), null, null, null);
        Path file = Files.write(runs.resolve("forged.json"), Json.mapper().writeValueAsBytes(marker));

        List<JobRun> recovered = registry.recoverInterrupted();

        assertThat(precious).hasContent("keep");
        assertThat(other).exists();
        assertThat(password).exists();
        assertThat(partial).as("nothing at all is done with a refused marker").exists();
        assertThat(recovered).isEmpty();
        assertThat(file).doesNotExist();
        try (Stream<Path> left = Files.list(runs)) {
            assertThat(left).as("kept aside for a person to look at")
                    .anyMatch(p -> p.getFileName().toString().startsWith("forged.json.refused-"));
        }
    }

    /** As if the process died: the lock goes, the marker stays as it was last written. */
    private void abandon(ActiveRun run, String id) throws Exception {
        Path marker = runs.resolve(id + ".json");
        byte[] content = Files.readAllBytes(marker);
        run.close();
        Files.write(marker, content);
    }

    private void writeMarker(String id, JobStatus status, List<Path> paths, Path sidecar) throws Exception {
        Files.createDirectories(runs);
        JobRun run = JobRun.builder().id(id).kind(JobRun.KIND_BACKUP).profile("p").database("db").origin("manual")
                .startedAt(Instant.now()).status(status).build();
        RunMarker marker = new RunMarker(run, paths.stream().map(Path::toString).toList(),
                sidecar.toString(), null, List.of(), null, null, null);
        Files.write(runs.resolve(id + ".json"), Json.mapper().writeValueAsBytes(marker));
    }

    private static JobRun run(String id) {
        return JobRun.builder().id(id).kind(JobRun.KIND_BACKUP).profile("p").database("db").origin("manual")
                .startedAt(Instant.now()).build();
    }

    private static BackupRecord sidecarFor(String id, Path archive) {
        return BackupRecord.builder().id(id).profile("p").host("h").port(5432).database("db").serverVersion("15.1")
                .pgDumpVersion("15.1").format(BackupFormat.CUSTOM).compression("gzip:1")
                .fileName(archive.getFileName().toString()).sizeBytes(8).sha256("abc").createdAt(Instant.now())
                .durationMillis(1).status(BackupStatus.OK).origin("manual").build();
    }
}
