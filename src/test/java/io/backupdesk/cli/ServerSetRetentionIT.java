package io.backupdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.Progress;
import io.backupdesk.jobs.BackupJob;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.Schedule;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.engine.Engine;
import io.backupdesk.store.Json;
import io.backupdesk.testing.Cli;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A server connection's sets under retention and under crafted manifests, on the real server. */
@ExtendWith(PostgresServerExtension.class)
class ServerSetRetentionIT {
    @Test
    void scheduledSetsAreDeletedWholeByTheirScheduleAndAManualSetIsKept(TestServer server, @TempDir Path dir)
            throws Exception {
        String prefix = SetFixtures.prefix();
        SetFixtures.threeDatabasesWithRoles(server, prefix);
        Cli cli = new Cli(dir.resolve("config"), dir.resolve("backups"));
        SetFixtures.addServerProfile(cli, server, server.user(), server.password(), "srv",
                "--include-database", prefix + "_*");
        Cli.Run scheduled = cli.run("schedule", "add", "srv", "--cron", "0 3 * * *", "--keep-last", "1");
        JsonNode manual = Json.mapper().readTree(cli.run("backup", "srv", "--json").out());
        Engine engine = new Engine(new AppPaths(dir.resolve("config"), dir.resolve("config")), dir.resolve("backups"),
                w -> { });
        Schedule schedule = engine.schedules().list().get(0);
        List<String> problems = new ArrayList<>();

        JobRun first = engine.jobs().backup().scheduled(schedule, schedule.origin(), new Cancellation(), problems::add);
        List<Path> firstFiles = filesOf(engine, first.backupId());
        JobRun second = engine.jobs().backup().scheduled(schedule, schedule.origin(), new Cancellation(), problems::add);
        Cli.Run dryRun = cli.run("cleanup", "srv", "--dry-run");
        JsonNode listed = Json.mapper().readTree(cli.run("list", "--json").out());

        assertThat(scheduled.code()).as(scheduled.err()).isZero();
        assertThat(problems).isEmpty();
        assertThat(first.kind()).isEqualTo(JobRun.KIND_SET);
        assertThat(firstFiles).hasSize(3 * 2 + 2).allSatisfy(f -> assertThat(f).doesNotExist());
        assertThat(sets(listed)).containsExactlyInAnyOrder(second.backupId(), manual.get("id").asText());
        assertThat(backupIds(listed)).as("the members of the sets kept, and no others").hasSize(6)
                .containsAll(memberIds(engine, second.backupId()));
        assertThat(dryRun.out()).contains("KEEP     " + manual.get("id").asText())
                .contains("kept: the newest verified backup");
    }

    @Test
    void craftedManifestsAreRefusedWithTheirReasonAndNothingIsDeletedByThem(TestServer server, @TempDir Path dir)
            throws Exception {
        String prefix = SetFixtures.prefix();
        SetFixtures.threeDatabasesWithRoles(server, prefix);
        Cli cli = new Cli(dir.resolve("config"), dir.resolve("backups"));
        SetFixtures.addServerProfile(cli, server, server.user(), server.password(), "srv",
                "--include-database", prefix + "_*");
        cli.run("schedule", "add", "srv", "--cron", "0 3 * * *", "--keep-last", "1");
        String origin = "schedule:" + Json.mapper().readTree(cli.run("schedule", "list", "--json").out()).get(0)
                .get("id").asText();
        JsonNode made = Json.mapper().readTree(cli.run("backup", "srv", "--json").out());
        Path manifest = Path.of(made.get("manifest").asText());
        Path folder = manifest.getParent();
        // older than the real set and of the schedule with keep-last 1: a cleanup would delete them if it took them
        ObjectNode escaping = (ObjectNode) Json.mapper().readTree(manifest.toFile());
        escaping.put("id", "aaaaaaaaaaa1").put("globalsFile", "../../outside.globals.sql").put("origin", origin)
                .put("createdAt", "2020-01-01T00:00:00Z");
        ObjectNode stealing = (ObjectNode) Json.mapper().readTree(manifest.toFile());
        stealing.put("id", "aaaaaaaaaaa2").putNull("globalsFile").put("origin", origin)
                .put("createdAt", "2020-01-01T00:00:00Z");
        Files.write(folder.resolve("srv_20200101-000000.set.json"), Json.mapper().writeValueAsBytes(escaping));
        Files.write(folder.resolve("srv_20200101-000001.set.json"), Json.mapper().writeValueAsBytes(stealing));
        Files.writeString(folder.resolve("srv_20200101-000002.set.json"), "{ junk");
        Files.writeString(dir.resolve("backups/outside.globals.sql"), "keep me");

        Cli.Run listed = cli.run("list");
        JsonNode json = Json.mapper().readTree(cli.run("list", "--json").out());
        Cli.Run cleanup = cli.run("cleanup", "srv");
        Cli.Run verify = cli.run("verify", "aaaaaaaaaaa2");

        assertThat(listed.out()).contains("Unreadable set manifests")
                .contains("'../../outside.globals.sql' is not a plain file name")
                .contains("whose own metadata does not name this set but the set " + made.get("id").asText())
                .contains("it is not valid JSON");
        assertThat(StreamSupport.stream(json.spliterator(), false)
                .filter(n -> "set".equals(n.get("kind").asText()) && "unreadable".equals(n.get("status").asText())))
                .hasSize(3);
        assertThat(sets(json)).containsExactly(made.get("id").asText());
        assertThat(cleanup.code()).as(cleanup.err()).isZero();
        assertThat(verify.code()).isEqualTo(2);
        assertThat(verify.err()).contains("was refused");
        assertThat(dir.resolve("backups/outside.globals.sql")).hasContent("keep me");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.filter(f -> f.toString().endsWith(".set.json"))).hasSize(4);
        }
        assertThat(backupIds(json)).hasSize(3);
    }

    @Test
    void aCancelledSetStopsItsDumpsAndLeavesNoFileOfIt(TestServer server, @TempDir Path dir) {
        String prefix = SetFixtures.prefix();
        SetFixtures.threeDatabasesWithRoles(server, prefix);
        Cli cli = new Cli(dir.resolve("config"), dir.resolve("backups"));
        SetFixtures.addServerProfile(cli, server, server.user(), server.password(), "srv",
                "--include-database", prefix + "_*");
        Engine engine = new Engine(new AppPaths(dir.resolve("config"), dir.resolve("config")), dir.resolve("backups"),
                w -> { });
        Cancellation cancel = new Cancellation();
        // cancelled once the first database is written, while the next is being dumped
        Progress cancelAfterOne = u -> {
            if (u.currentItem().contains("(1 of 3 databases done)")) {
                cancel.cancel();
            }
        };

        Throwable thrown = catchThrowable(() -> engine.jobs().backup().backUpSet(new BackupJob.Request(
                engine.profiles().require("srv"), BackupOptions.defaults(), "manual", Optional.empty(), false, false),
                cancelAfterOne, cancel));

        assertThat(thrown).isInstanceOf(BackupDeskException.class)
                .extracting(t -> ((BackupDeskException) t).kind()).isEqualTo(ErrorKind.CANCELLED);
        try (Stream<Path> files = Files.walk(dir.resolve("backups"))) {
            assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(f -> !f.startsWith("."))).as("no archive, sidecar, roles file or manifest").isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(engine.history().readAll()).filteredOn(r -> JobRun.KIND_SET.equals(r.kind()))
                .extracting(JobRun::status).containsExactly(io.backupdesk.core.JobStatus.CANCELLED);
    }

    private static List<String> sets(JsonNode listed) {
        return StreamSupport.stream(listed.spliterator(), false)
                .filter(n -> "set".equals(n.get("kind").asText()) && !"unreadable".equals(n.get("status").asText()))
                .map(n -> n.get("id").asText()).toList();
    }

    private static List<String> backupIds(JsonNode listed) {
        return StreamSupport.stream(listed.spliterator(), false).filter(n -> "backup".equals(n.get("kind").asText()))
                .map(n -> n.get("id").asText()).toList();
    }

    private static List<String> memberIds(Engine engine, String setId) {
        return engine.backupSets().require(setId).members().stream().map(e -> e.record().id()).toList();
    }

    /** Every file of the set: each member's archive and sidecar, the roles file and the manifest. */
    private static List<Path> filesOf(Engine engine, String setId) {
        var set = engine.backupSets().require(setId);
        List<Path> files = new ArrayList<>();
        set.members().forEach(m -> {
            files.add(m.archive());
            files.add(m.sidecar());
        });
        files.add(set.roles().orElseThrow());
        files.add(set.manifest());
        return files;
    }
}
