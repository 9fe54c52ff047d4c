package io.backupdesk.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.engine.Engine;
import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupService;
import io.backupdesk.backup.OriginRetention;
import io.backupdesk.backup.RetentionPlan;
import io.backupdesk.cli.BackupDeskCli;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.Progress;
import io.backupdesk.core.RetentionPolicy;
import io.backupdesk.core.Schedule;
import io.backupdesk.store.Json;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import io.backupdesk.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Schedules run for real: the engine's scheduler with real timers, run-due, retention and the test restore. */
@ExtendWith(PostgresServerExtension.class)
class ScheduledBackupIT {
    private record Run(int code, String out, String err) { }

    private final List<String> warnings = new CopyOnWriteArrayList<>();

    private Engine engine(Path dir) {
        return new Engine(new AppPaths(dir.resolve("config"), dir.resolve("config")), dir.resolve("backups"), warnings::add);
    }

    private static ConnectionProfile profile(Engine engine, TestServer server, String name, String database) {
        ConnectionProfile profile = server.profile(name, database);
        engine.profiles().save(profile);
        engine.credentials().store(profile, server.password());
        return profile;
    }

    private static BackupRecord manualBackup(Engine engine, ConnectionProfile profile) {
        return backupFrom(engine, profile, BackupRecord.ORIGIN_MANUAL);
    }

    /** A backup as a run of the origin would leave it, without the retention that follows a scheduled run. */
    private static BackupRecord backupFrom(Engine engine, ConnectionProfile profile, String origin) {
        return engine.backups().backup(new BackupService.Request(profile, BackupOptions.defaults(), origin,
                Optional.empty()), Progress.NONE, new Cancellation()).record();
    }

    @Test
    void anEveryMinuteScheduleBacksUpOnTimeRecordsItAndPrunesOldBackups(TestServer server, @TempDir Path dir) {
        String db = server.createDatabase();
        server.execute(db, "create table items as select generate_series(1, 300) as id");
        Engine engine = engine(dir);
        ConnectionProfile profile = profile(engine, server, "prod", db);
        String origin = "schedule:every-minute";
        BackupRecord pinned = backupFrom(engine, profile, origin);
        engine.catalog().setPinned(engine.catalog().require(pinned.id()), true);
        BackupRecord older = backupFrom(engine, profile, origin);
        BackupRecord old = backupFrom(engine, profile, origin);
        BackupRecord byHand = manualBackup(engine, profile);
        Schedule schedule = new Schedule("every-minute", "prod", "* * * * *", "UTC", true, null,
                new RetentionPolicy(2, null, null, null, null), Schedule.CatchUp.SKIP, false, Instant.now());
        engine.schedules().save(schedule);
        List<String> problems = new ArrayList<>();
        List<JobRun> finished = new CopyOnWriteArrayList<>();

        try (BackupScheduler scheduler = engine.newScheduler(problems::add)) {
            scheduler.addListener(new BackupScheduler.Listener() {
                @Override
                public void runFinished(RunRequest r, JobRun run) {
                    finished.add(run);
                }
            });
            scheduler.start();
            Instant next = scheduler.nextRun().orElseThrow();
            assertThat(next).isAfter(Instant.now()).isBefore(Instant.now().plusSeconds(61));
            await().atMost(Duration.ofSeconds(100)).until(() -> !finished.isEmpty());
        }

        JobRun run = finished.get(0);
        assertThat(run.status()).isEqualTo(JobStatus.OK);
        assertThat(run.origin()).isEqualTo("schedule:every-minute");
        assertThat(run.startedAt().getEpochSecond() % 60).as("started on the minute").isLessThan(5);
        List<JobRun> history = engine.history().readAll();
        assertThat(history).filteredOn(r -> "schedule:every-minute".equals(r.origin()))
                .extracting(JobRun::status).contains(JobStatus.OK);
        List<String> left = engine.catalog().scan().stream().map(e -> e.record().id()).toList();
        // keep-last 2 over the schedule's own backups: the new one and the one before stay, the pinned one always,
        // the oldest unpinned goes; the backup made by hand is not the schedule's to prune
        assertThat(left).containsExactlyInAnyOrder(run.backupId(), old.id(), pinned.id(), byHand.id());
        assertThat(left).doesNotContain(older.id());
        BackupCatalog.Entry made = engine.catalog().require(run.backupId());
        assertThat(made.record().origin()).isEqualTo("schedule:every-minute");
        assertThat(made.record().tables()).singleElement().satisfies(t -> assertThat(t.rows()).isEqualTo(300));
        assertThat(problems).isEmpty();
    }

    @Test
    void aFailedRunIsRecordedAlertedAndDeletesNothing(TestServer server, @TempDir Path dir) throws Exception {
        String db = server.createDatabase();
        Engine engine = engine(dir);
        ConnectionProfile profile = profile(engine, server, "prod", db);
        BackupRecord first = backupFrom(engine, profile, "schedule:s");
        BackupRecord second = backupFrom(engine, profile, "schedule:s");
        WebhookReceiver hook = WebhookReceiver.at("/hook");
        List<String> posted = hook.bodies();
        engine.settings().save(engine.settings().load().withAlerts(new io.backupdesk.store.Alerts(hook.url(), null)));
        engine.credentials().store(profile, "wrong password");
        Schedule schedule = new Schedule("s", "prod", "0 3 * * *", "UTC", true, null,
                new RetentionPolicy(1, null, null, null, null), null, false, Instant.now());
        engine.schedules().save(schedule);

        List<String> problems = new ArrayList<>();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.scheduledBackup(problems::add)
                .run(RunRequest.of(schedule), new Cancellation())).hasMessageContaining("password");

        assertThat(engine.catalog().scan()).extracting(e -> e.record().id()).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(engine.history().readAll()).last().satisfies(r -> {
            assertThat(r.status()).isEqualTo(JobStatus.FAILED);
            assertThat(r.origin()).isEqualTo("schedule:s");
        });
        // and a cleanup now, by hand, still keeps both: the latest run failed
        var plan = engine.retention().plan("prod", db, OriginRetention.ofSchedules("prod", List.of(schedule)));
        assertThat(plan.toDelete()).isEmpty();
        assertThat(plan.decisions()).extracting(RetentionPlan.Decision::reason)
                .allMatch(reason -> reason.contains("latest backup run of this database failed"));
        hook.close();
        assertThat(posted).singleElement().satisfies(body -> {
            JsonNode text = Json.mapper().readTree(body).get("text");
            assertThat(text.asText()).contains("Backup of " + db + " on prod failed").contains("password");
        });
    }

    @Test
    void theWeeklyTestRestoreVerifiesTheBackupAndLeavesNoScratchDatabase(TestServer server, @TempDir Path dir)
            throws Exception {
        String db = server.createDatabase();
        server.execute(db, "create table items as select generate_series(1, 1000) as id");
        Engine engine = engine(dir);
        profile(engine, server, "prod", db);
        Schedule schedule = new Schedule("weekly", "prod", "0 3 * * *", "UTC", true, null, null, null, true, Instant.now());
        engine.schedules().save(schedule);
        engine.settings().save(engine.settings().load());
        ScheduledBackup job = engine.scheduledBackup(warnings::add);

        JobRun first = job.run(RunRequest.of(schedule), new Cancellation());
        JobRun second = job.run(RunRequest.of(schedule), new Cancellation());

        BackupCatalog.Entry tested = engine.catalog().require(first.backupId());
        assertThat(tested.status()).isEqualTo(BackupStatus.VERIFIED);
        assertThat(tested.record().verification().message()).contains("weekly test restore");
        List<JobRun> restores = engine.history().readAll().stream()
                .filter(r -> "test-restore:weekly".equals(r.origin())).toList();
        assertThat(restores).as("a week has not passed before the second run").singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(JobStatus.OK));
        assertThat(engine.catalog().require(second.backupId()).record().verification().message())
                .doesNotContain("weekly test restore");
        try (var connection = server.connect("postgres");
             ResultSet rs = connection.createStatement().executeQuery(
                     "select count(*) from pg_database where datname like 'backupdesk_test_%'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("scratch databases left").isZero();
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void runDueRunsWhatCameDueOnceAndNothingWhileTheAppHoldsTheSchedules(TestServer server, @TempDir Path dir)
            throws Exception {
        String db = server.createDatabase();
        Engine engine = engine(dir);
        profile(engine, server, "prod", db);
        engine.schedules().save(new Schedule("daily", "prod", "0 3 * * *", "UTC", true, null,
                new RetentionPolicy(1, null, null, null, null), null, false, Instant.now().minus(Duration.ofDays(3))));
        engine.schedules().save(new Schedule("later", "prod", "0 3 * * *", "UTC", true, null, null, null, false,
                Instant.now()));

        Run blocked;
        try (SchedulerLock app = SchedulerLock.tryAcquire(dir.resolve("config/runs")).orElseThrow()) {
            blocked = cli(dir, "schedule", "run-due");
        }
        Run first = cli(dir, "schedule", "run-due");
        Run second = cli(dir, "schedule", "run-due");
        Run listed = cli(dir, "schedule", "list", "--json");
        Run history = cli(dir, "history", "--json");
        Run cleanup = cli(dir, "cleanup", "prod", "--dry-run", "--json");

        assertThat(blocked.code()).isZero();
        assertThat(blocked.out()).contains("nothing was run");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("daily prod: ok").doesNotContain("later");
        assertThat(second.out()).contains("Nothing is due.");
        JsonNode schedules = Json.mapper().readTree(listed.out());
        assertThat(schedules).hasSize(2);
        JsonNode daily = schedules.get(0).get("id").asText().equals("daily") ? schedules.get(0) : schedules.get(1);
        assertThat(daily.get("description").asText()).isEqualTo("at 03:00");
        assertThat(daily.get("lastRun").get("status").asText()).isEqualTo("ok");
        assertThat(daily.get("nextRun").asText()).endsWith("T03:00:00Z");
        JsonNode runs = Json.mapper().readTree(history.out());
        assertThat(runs.get(0).get("origin").asText()).isEqualTo("schedule:daily");
        assertThat(runs.get(0).get("status").asText()).isEqualTo("ok");
        JsonNode plan = Json.mapper().readTree(cleanup.out());
        assertThat(plan).singleElement().satisfies(p -> {
            assertThat(p.get("decisions")).singleElement().satisfies(d -> {
                assertThat(d.get("delete").asBoolean()).isFalse();
                assertThat(d.get("reason").asText()).contains("newest");
            });
        });
    }

    private static Run cli(Path dir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--config-dir", dir.resolve("config").toString(),
                "--backup-root", dir.resolve("backups").toString()));
        all.addAll(List.of(args));
        int code = BackupDeskCli.execute(all.toArray(String[]::new), new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }
}
