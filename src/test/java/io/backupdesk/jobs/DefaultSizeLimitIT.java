package io.backupdesk.jobs;

import io.backupdesk.core.Cancellation;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.Schedule;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.engine.Engine;
import io.backupdesk.store.Alerts;
import io.backupdesk.store.Settings;
import io.backupdesk.testing.Cli;
import io.backupdesk.testing.Fixtures;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import io.backupdesk.testing.WebhookReceiver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The maximum backup size of the settings, on the real server: a backup whose options set no limit takes it, whoever
 * started it (the command line, a schedule), and is stopped and removed past it with the same message as its own
 * limit; a scheduled one alerts like any failure. A limit of the run (--max-size) or of its preset wins.
 */
@ExtendWith(PostgresServerExtension.class)
class DefaultSizeLimitIT {
    @TempDir
    Path dir;

    private Cli cli() {
        return new Cli(dir.resolve("config"), dir.resolve("backups"));
    }

    private Engine engine() {
        return new Engine(new AppPaths(dir.resolve("config"), dir.resolve("config")), dir.resolve("backups"), w -> { });
    }

    @BeforeEach
    void aDatabaseOfSeveralMegabytesAndALimitOfOneInTheSettings(TestServer server) {
        String db = Fixtures.shopWithProfile(server, cli());
        Fixtures.bigTable(server, db, 200_000);
        Engine engine = engine();
        Settings s = engine.settings().load();
        engine.settings().save(new Settings(s.schemaVersion(), s.backupRoot(), s.clientToolsDir(), s.verifyAfterBackup(),
                s.rpoHours(), s.theme(), s.defaultFormat(), s.defaultCompression(), s.background(), s.alerts(), "1MB"));
    }

    @Test
    void aBackupWithoutALimitOfItsOwnTakesTheSettingsAndKeepsNothingPastIt() throws IOException {
        Cli.Run stopped = cli().run("backup", "prod", "--compress", "0");

        assertThat(stopped.code()).isEqualTo(1);
        assertThat(stopped.err()).contains("size limit of 1.0 MB").contains("nothing of it was kept");
        assertThat(filesUnder(dir.resolve("backups"))).isEmpty();
        assertThat(cli().run("history", "--json").out()).contains("TOO_LARGE");
    }

    @Test
    void theRunsOwnLimitAndItsPresetsWinOverTheSettings() {
        Cli.Run ownLimit = cli().run("backup", "prod", "--compress", "0", "--max-size", "1GB");
        assertThat(cli().run("presets", "add", "roomy", "--compress", "0", "--max-size", "1GB").code()).isZero();
        Cli.Run preset = cli().run("backup", "prod", "--preset", "roomy");

        assertThat(ownLimit.code()).as(ownLimit.err()).isZero();
        assertThat(preset.code()).as(preset.err()).isZero();
    }

    @Test
    void aScheduledRunPastTheLimitFailsAndAlertsLikeAnyFailure() throws IOException {
        try (WebhookReceiver hook = WebhookReceiver.at("/hook")) {
            Engine engine = engine();
            engine.settings().save(engine.settings().load().withAlerts(new Alerts(hook.url(), null)));
            assertThat(cli().run("schedule", "add", "prod", "--cron", "30 2 * * *", "--compress", "0").code()).isZero();
            Schedule schedule = engine.schedules().list().get(0);
            List<String> problems = new ArrayList<>();

            assertThatThrownBy(() -> engine.jobs().backup().scheduled(schedule, schedule.origin(), new Cancellation(),
                    problems::add)).hasMessageContaining("size limit of 1.0 MB");

            assertThat(engine.history().readAll()).last().satisfies(run -> {
                assertThat(run.kind()).isEqualTo(JobRun.KIND_BACKUP);
                assertThat(run.status()).isEqualTo(JobStatus.FAILED);
            });
            assertThat(hook.bodies()).singleElement().asString().contains("failed").contains("size limit");
            assertThat(filesUnder(dir.resolve("backups"))).isEmpty();
        }
    }

    private static List<Path> filesUnder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
