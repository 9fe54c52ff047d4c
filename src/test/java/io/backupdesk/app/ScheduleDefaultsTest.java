package io.backupdesk.app;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.Compression;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Schedule;
import io.backupdesk.core.SslMode;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.engine.Engine;
import io.backupdesk.schedule.BackupScheduler;
import io.backupdesk.store.Settings;
import io.backupdesk.testing.Cli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A schedule added on the command line starts from the same defaults as one made on the Schedules screen: the
 * settings' format and compression, and a format chosen there takes its own compression.
 */
class ScheduleDefaultsTest {
    @TempDir
    Path dir;

    private Path config() {
        return dir.resolve("config");
    }

    private Engine engine() {
        return new Engine(new AppPaths(config(), config()), null, warning -> { });
    }

    @BeforeEach
    void settingsWithOtherDefaults() {
        Engine engine = engine();
        engine.profiles().save(new ConnectionProfile("shop", "db.example.invalid", 5432, "shop", "dba",
                SslMode.PREFER, null));
        Settings s = engine.settings().load();
        engine.settings().save(new Settings(s.schemaVersion(), s.backupRoot(), s.clientToolsDir(),
                s.verifyAfterBackup(), s.rpoHours(), s.theme(), "directory", "gzip:4", s.background(), s.alerts(), s.defaultMaxSize()));
    }

    @Test
    void scheduleAddTakesTheSettingsDefaultsAsTheSchedulesScreenDoes() {
        String out = cli("schedule", "add", "shop", "--cron", "30 2 * * *", "--label", "nightly");
        Engine engine = engine();
        Schedule added = engine.schedules().list().get(0);
        assertThat(added.options().format()).as(out).isEqualTo(BackupFormat.DIRECTORY);
        assertThat(added.options().compression()).isEqualTo(Compression.parse("gzip:4"));
        assertThat(added.options().label()).isEqualTo("nightly");
        try (BackupScheduler scheduler = engine.newScheduler(problem -> { })) {
            BackupOptions onTheScreen = new EngineScheduleOperations(engine, scheduler).defaultOptions();
            assertThat(added.options().format()).isEqualTo(onTheScreen.format());
            assertThat(added.options().compression()).isEqualTo(onTheScreen.compression());
        }
    }

    @Test
    void aFormatChosenOnTheCommandLineTakesItsOwnCompressionNotTheSettingsLevel() {
        cli("schedule", "add", "shop", "--cron", "30 2 * * *", "--format", "tar");
        Schedule added = engine().schedules().list().get(0);
        assertThat(added.options().format()).isEqualTo(BackupFormat.TAR);
        assertThat(added.options().compression()).isEqualTo(BackupOptions.ofFormat(BackupFormat.TAR).compression())
                .isNotEqualTo(Compression.parse("gzip:4"));
    }

    private String cli(String... args) {
        Cli.Run run = new Cli(config()).run(args);
        assertThat(run.code()).as(run.err()).isZero();
        return run.out();
    }
}
