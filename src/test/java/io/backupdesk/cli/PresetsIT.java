package io.backupdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.Schedule;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.engine.Engine;
import io.backupdesk.schedule.RunRequest;
import io.backupdesk.store.Json;
import io.backupdesk.testing.Cli;
import io.backupdesk.testing.Fixtures;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A preset reaches the real pg_dump from each place that names it: a backup, a connection's default and a
 * schedule, which back up as the preset says when they run; and one in use cannot be removed.
 */
@ExtendWith(PostgresServerExtension.class)
class PresetsIT {
    @TempDir
    Path dir;
    private TestServer server;
    private String db;

    @BeforeEach
    void shop(TestServer server) {
        this.server = server;
        db = Fixtures.shopWithProfile(server, cli());
        Cli.Run added = cli().run("presets", "add", "lean", "--description", "no owners, no customers' rows",
                "--format", "plain", "--compress", "1", "--no-owner", "--exclude-table-data", "shop.customers");
        assertThat(added.code()).as(added.err()).isZero();
    }

    @Test
    void aBackupNamingAPresetDumpsAsItSaysAndWhatIsGivenBesideItWins() throws IOException {
        JsonNode lean = backup("--preset", "lean");
        JsonNode leanAsArchive = backup("--preset", "lean", "--format", "custom");

        assertThat(lean.get("format").asText()).isEqualTo("plain");
        String sql = plainSql(lean);
        assertThat(sql).doesNotContain("OWNER TO").contains("COPY shop.orders").doesNotContain("COPY shop.customers");
        assertThat(leanAsArchive.get("format").asText()).isEqualTo("custom");
        assertThat(engine().catalog().require(leanAsArchive.get("id").asText()).record().options().dump().noOwner())
                .isTrue();
        assertThat(cli().run("presets", "list").out()).contains("lean (no owners, no customers' rows): plain, gzip:1,"
                + " --exclude-table-data shop.customers, --no-owner");
    }

    @Test
    void aConnectionsPresetIsWhatItsBackupsStartFromUntilItIsTakenAway() throws IOException {
        readdProfile("--preset", "lean");
        JsonNode withPreset = backup();
        readdProfile();
        JsonNode kept = backup();
        readdProfile("--preset", "");
        JsonNode withoutPreset = backup();

        assertThat(withPreset.get("format").asText()).isEqualTo("plain");
        assertThat(kept.get("format").asText()).as("re-adding keeps the preset").isEqualTo("plain");
        assertThat(withoutPreset.get("format").asText()).isEqualTo("custom");
    }

    @Test
    void aScheduleBacksUpAsItsPresetSaysWhenItRunsAndThePresetCannotBeRemovedMeanwhile() throws IOException {
        Cli.Run refused = cli().run("schedule", "add", "prod", "--cron", "0 3 * * *", "--preset", "lean", "--format", "tar");
        Cli.Run added = cli().run("schedule", "add", "prod", "--cron", "0 3 * * *", "--preset", "lean", "--label", "night");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("dumps as the preset says");
        assertThat(added.code()).as(added.err()).isZero();
        // changed after the schedule was made: the next run follows the change
        assertThat(cli().run("presets", "add", "lean", "--format", "tar", "--no-privileges").code()).isZero();
        Cli.Run inUse = cli().run("presets", "remove", "lean");

        List<String> problems = new CopyOnWriteArrayList<>();
        Engine engine = engine();
        Schedule schedule = engine.schedules().list().get(0);
        JobRun run = engine.scheduledBackup(problems::add).run(RunRequest.of(schedule), new Cancellation());

        assertThat(inUse.code()).isEqualTo(2);
        assertThat(inUse.err()).contains("used by schedule '" + schedule.name() + "'");
        assertThat(run.status()).isEqualTo(JobStatus.OK);
        BackupCatalog.Entry made = engine.catalog().require(run.backupId());
        assertThat(made.record().format()).isEqualTo(BackupFormat.TAR);
        assertThat(made.record().options().dump().noPrivileges()).isTrue();
        assertThat(made.record().label()).isEqualTo("night");
        assertThat(problems).isEmpty();
        assertThat(cli().run("schedule", "remove", schedule.id()).code()).isZero();
        assertThat(cli().run("presets", "remove", "lean").code()).isZero();
        assertThat(cli().run("presets", "list").out()).contains("No presets");
    }

    private void readdProfile(String... preset) {
        String url = "postgresql://" + server.user() + "@" + server.host() + ":" + server.port() + "/" + db;
        String[] args = new String[] {"profiles", "add", "prod", "--url", url, "--password-stdin"};
        String[] all = java.util.stream.Stream.concat(List.of(args).stream(), List.of(preset).stream())
                .toArray(String[]::new);
        Cli.Run run = cli().withInput(server.password() + "\n", all);
        assertThat(run.code()).as(run.err()).isZero();
    }

    private JsonNode backup(String... options) throws IOException {
        String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of("backup", "prod", "--json"),
                List.of(options).stream()).toArray(String[]::new);
        Cli.Run run = cli().run(all);
        assertThat(run.code()).as(run.err()).isZero();
        return Json.mapper().readTree(run.out());
    }

    private static String plainSql(JsonNode backup) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of(backup.get("path").asText())))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Engine engine() {
        return new Engine(new AppPaths(dir.resolve("config"), dir.resolve("config")), dir.resolve("backups"), w -> { });
    }

    private Cli cli() {
        return new Cli(dir.resolve("config"), dir.resolve("backups"));
    }
}
