package io.backupdesk.app;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.Progress;
import io.backupdesk.core.Schedule;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.engine.Engine;
import io.backupdesk.schedule.BackupScheduler;
import io.backupdesk.schedule.RunRequest;
import io.backupdesk.testing.Cli;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One job per database, across the front ends, through the one jobs layer: while Back up now runs on the desktop, a
 * backup on the command line (its own engine, as another process has), a restore started there and the scheduler's
 * run of the same database are refused or skipped, saying what runs; afterwards each works again.
 */
@ExtendWith(PostgresServerExtension.class)
class OneJobPerDatabaseIT {
    @Test
    void aDatabaseWithABackupOnTheDesktopRefusesTheOtherFrontsJobsUntilItEnds(TestServer server, @TempDir Path dir)
            throws Exception {
        String db = server.createDatabase();
        server.execute(db, "create table items as select generate_series(1, 100) as id");
        Path config = dir.resolve("config");
        Engine desk = new Engine(new AppPaths(config, config), null, warning -> { });
        ConnectionProfile profile = server.profile("shop", db);
        desk.profiles().save(profile);
        desk.credentials().store(profile, server.password());
        String earlier = desk.jobs().backup().backUp(new io.backupdesk.jobs.BackupJob.Request(profile,
                BackupOptions.defaults(), "manual", Optional.empty(), false, false), Progress.NONE,
                new Cancellation()).record().id();

        // Back up now on the desktop, held at its first step: it has the database until it is let go
        Holding holding = new Holding();
        EngineBackupOperations backUpNow = new EngineBackupOperations(desk);
        CompletableFuture<String> onTheDesk = CompletableFuture.supplyAsync(() -> backUpNow.backup(profile,
                backUpNow.defaults(), Optional.empty(), holding, new Cancellation()).id());
        assertThat(holding.started.await(60, TimeUnit.SECONDS)).isTrue();
        try {
            Cli.Run backup = cli(config, "backup", "shop");
            assertThat(backup.code()).as(backup.err()).isEqualTo(1);
            assertThat(backup.err()).contains("A backup of " + db + " on localhost:" + server.port() + " is running now.");

            Cli.Run restore = cli(config, "restore", earlier, "--target", "shop", "--mode", "in-place", "--yes");
            assertThat(restore.code()).as(restore.err()).isEqualTo(1);
            assertThat(restore.err()).contains("A backup of " + db).contains("is running now.");

            Engine scheduling = new Engine(new AppPaths(config, config), null, warning -> { });
            Schedule nightly = new Schedule("nightly", "shop", "30 2 * * *", "UTC", true, null, null, null, false,
                    Instant.now());
            scheduling.schedules().save(nightly);
            try (BackupScheduler scheduler = scheduling.newScheduler(problem -> { })) {
                scheduler.start();
                assertThat(scheduler.runNow(RunRequest.of(nightly))).as("skipped, not queued").isFalse();
            }
            JobRun skipped = desk.history().readAll().stream().filter(r -> "schedule:nightly".equals(r.origin()))
                    .reduce((a, b) -> b).orElseThrow();
            assertThat(skipped.status()).isEqualTo(JobStatus.SKIPPED);
            assertThat(skipped.error()).isEqualTo("A backup of " + db + " on localhost:" + server.port()
                    + " was still running.");
        } finally {
            holding.letGo.countDown();
        }
        String made = onTheDesk.get(120, TimeUnit.SECONDS);
        assertThat(desk.catalog().require(made).record().tables()).singleElement()
                .satisfies(t -> assertThat(t.rows()).isEqualTo(100));

        Cli.Run after = cli(config, "backup", "shop");
        assertThat(after.code()).as("free again once the desktop's backup ended: " + after.err()).isZero();
    }

    @Test
    void aRestoreHoldsTheDatabaseItRestoresIntoAgainstABackupOnTheCommandLine(TestServer server, @TempDir Path dir)
            throws Exception {
        String db = server.createDatabase();
        Path config = dir.resolve("config");
        Engine desk = new Engine(new AppPaths(config, config), null, warning -> { });
        ConnectionProfile profile = server.profile("shop", db);
        desk.profiles().save(profile);
        desk.credentials().store(profile, server.password());
        var entry = desk.jobs().backup().backUp(new io.backupdesk.jobs.BackupJob.Request(profile,
                BackupOptions.defaults(), "manual", Optional.empty(), false, false), Progress.NONE, new Cancellation());
        var plan = new io.backupdesk.restore.RestorePlan(entry, profile, db, io.backupdesk.restore.RestoreMode.IN_PLACE,
                0, false, false, false, null, null, true, true, java.util.Set.of());

        Holding holding = new Holding();
        EngineRestoreOperations wizard = new EngineRestoreOperations(desk);
        CompletableFuture<Boolean> restoring = CompletableFuture.supplyAsync(() -> wizard.restore(plan, io.backupdesk.jobs.SecretKeys.STORED, holding,
                line -> { }, new Cancellation()).succeeded());
        assertThat(holding.started.await(60, TimeUnit.SECONDS)).isTrue();
        try {
            Cli.Run backup = cli(config, "backup", "shop");
            assertThat(backup.code()).as(backup.err()).isEqualTo(1);
            assertThat(backup.err()).contains("A restore of " + db + " on localhost:" + server.port() + " is running now.");
            BackupDeskException busy = org.assertj.core.api.Assertions.catchThrowableOfType(() -> desk.jobs().backup()
                    .backUp(new io.backupdesk.jobs.BackupJob.Request(profile, BackupOptions.defaults(), "manual",
                            Optional.empty(), false, false), Progress.NONE, new Cancellation()), BackupDeskException.class);
            assertThat(busy.kind()).isEqualTo(ErrorKind.BUSY);
        } finally {
            holding.letGo.countDown();
        }
        assertThat(restoring.get(180, TimeUnit.SECONDS)).isTrue();
    }

    /** Holds the job at its first step, with the database claimed, until it is let go. */
    private static final class Holding implements Progress {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch letGo = new CountDownLatch(1);

        @Override
        public void report(io.backupdesk.core.ProgressUpdate update) {
            if (started.getCount() > 0) {
                started.countDown();
                try {
                    letGo.await(120, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static Cli.Run cli(Path config, String... args) {
        return new Cli(config).run(args);
    }
}
