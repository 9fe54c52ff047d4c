package io.backupdesk.stats;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.Schedule;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.engine.Engine;
import io.backupdesk.store.JobHistory;
import io.backupdesk.store.Json;
import io.backupdesk.testing.Cli;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The average duration after real backups of which retention deleted some: it is over every successful run of the last
 * 30 days, as the job history has them, whether or not retention kept their backups, and a failed run does not count.
 */
@ExtendWith(PostgresServerExtension.class)
class AverageDurationIT {
    @Test
    void theAverageIsOverTheRunsOfThirtyDaysNotOverTheBackupsRetentionKept(TestServer server, @TempDir Path dir)
            throws Exception {
        String db = server.createDatabase();
        server.execute(db, "create table items as select generate_series(1, 20000) as id, md5(random()::text) as note");
        Cli cli = new Cli(dir.resolve("config"), dir.resolve("backups"));
        cli.addProfile(server, "shop", db);
        assertThat(cli.run("schedule", "add", "shop", "--cron", "30 2 * * *", "--keep-last", "1").code()).isZero();
        Engine engine = new Engine(new AppPaths(dir.resolve("config"), dir.resolve("config")), dir.resolve("backups"),
                w -> { });
        Schedule schedule = engine.schedules().list().get(0);
        List<String> problems = new ArrayList<>();
        // three scheduled runs, each followed by the schedule's retention: keep the newest one
        for (int i = 0; i < 3; i++) {
            JobRun run = engine.jobs().backup().scheduled(schedule, schedule.origin(), new Cancellation(), problems::add);
            assertThat(run.status()).as(run.error()).isEqualTo(JobStatus.OK);
        }
        cli.addProfile(server, "gone", db + "_missing");
        assertThat(cli.run("backup", "gone").code()).as("a failed run").isEqualTo(1);

        JsonNode stats = Json.mapper().readTree(cli.run("stats", "--json").out());
        List<JobRun> runs = new JobHistory(dir.resolve("config"), w -> { }).readAll().stream()
                .filter(r -> JobRun.KIND_BACKUP.equals(r.kind())).toList();

        assertThat(problems).isEmpty();
        assertThat(stats.get("backups").asInt()).as("retention kept one of the three").isEqualTo(1);
        assertThat(runs).filteredOn(r -> r.status() == JobStatus.OK).hasSize(3);
        assertThat(runs).filteredOn(r -> r.status() == JobStatus.FAILED).hasSize(1);
        double ofTheRuns = runs.stream().filter(r -> r.status() == JobStatus.OK)
                .mapToLong(r -> Duration.between(r.startedAt(), r.finishedAt()).toMillis()).average().orElseThrow();
        assertThat(stats.get("averageDurationMillis").asDouble()).as("issue 19: over the kept backup only")
                .isCloseTo(ofTheRuns, within(1.0));
        assertThat(stats.get("averageDurationRuns").asInt()).isEqualTo(3);
        assertThat(cli.run("stats").out()).contains("(3 successful runs in 30 days)");
    }
}
