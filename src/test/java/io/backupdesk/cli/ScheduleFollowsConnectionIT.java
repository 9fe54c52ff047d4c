package io.backupdesk.cli;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.Compression;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.Schedule;
import io.backupdesk.core.TableCount;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.engine.Engine;
import io.backupdesk.pg.ClientTool;
import io.backupdesk.schedule.RunRequest;
import io.backupdesk.testing.Cli;
import io.backupdesk.testing.Fixtures;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A schedule added on the command line without a preset dumps, on the real pg_dump, as its connection's preset says
 * when it runs: a table whose rows the preset leaves out has no rows in the backup, and when the connection is given
 * another preset the next run follows it. One given options of its own starts from the connection's preset and keeps
 * them. The backup list names the schedule each backup came from.
 */
@ExtendWith(PostgresServerExtension.class)
class ScheduleFollowsConnectionIT {
    @TempDir
    Path dir;
    private TestServer server;
    private String db;

    @BeforeEach
    void shopWithPresets(TestServer server) {
        this.server = server;
        db = Fixtures.shopWithProfile(server, cli());
        ok(cli().run("presets", "add", "no-customers", "--format", "custom", "--exclude-table-data", "shop.customers"));
        ok(cli().run("presets", "add", "everything", "--format", "tar"));
        readdProfile("--preset", "no-customers");
    }

    @Test
    void aScheduleWithoutAPresetDumpsAsItsConnectionsPresetAndFollowsItWhenItChanges() throws IOException {
        Cli.Run added = ok(cli().run("schedule", "add", "prod", "--cron", "0 3 * * *", "--name", "nightly"));
        assertThat(added.out()).contains("dumps as profile prod does (preset no-customers)");

        BackupCatalog.Entry first = runSchedule("nightly");
        readdProfile("--preset", "everything");
        BackupCatalog.Entry second = runSchedule("nightly");

        assertThat(first.record().format()).isEqualTo(BackupFormat.CUSTOM);
        assertThat(first.record().options().dump().excludeTableData()).containsExactly("shop.customers");
        assertThat(toc(first)).anyMatch(l -> l.contains(" TABLE shop customers "))
                .noneMatch(l -> l.contains(" TABLE DATA shop customers "))
                .anyMatch(l -> l.contains(" TABLE DATA shop orders "));
        assertThat(rows(first)).containsExactly("shop.orders=5000");
        assertThat(second.record().format()).as("the connection's new preset").isEqualTo(BackupFormat.TAR);
        assertThat(toc(second)).anyMatch(l -> l.contains(" TABLE DATA shop customers "));
        assertThat(rows(second)).containsExactlyInAnyOrder("shop.orders=5000", "shop.customers=300");
        Cli.Run list = cli().run("list");
        assertThat(list.out()).containsPattern(first.record().id() + " .* schedule 'nightly' ")
                .containsPattern(second.record().id() + " .* schedule 'nightly' ");
        assertThat(cli().run("schedule", "list").out()).containsPattern("nightly +prod .* profile \\(everything\\) ");
    }

    @Test
    void aScheduleWithOptionsOfItsOwnStartsFromTheConnectionsPresetAndKeepsThem() throws IOException {
        ok(cli().run("schedule", "add", "prod", "--cron", "0 3 * * *", "--name", "own", "--compress", "3"));
        readdProfile("--preset", "everything");

        BackupCatalog.Entry made = runSchedule("own");

        assertThat(made.record().format()).isEqualTo(BackupFormat.CUSTOM);
        assertThat(made.record().options().compression()).isEqualTo(Compression.parse("3"));
        assertThat(toc(made)).noneMatch(l -> l.contains(" TABLE DATA shop customers "));
        assertThat(rows(made)).containsExactly("shop.orders=5000");
    }

    private BackupCatalog.Entry runSchedule(String name) {
        Engine engine = new Engine(new AppPaths(dir.resolve("config"), dir.resolve("config")), dir.resolve("backups"),
                w -> { });
        Schedule schedule = engine.jobs().schedules().require(name);
        List<String> problems = new CopyOnWriteArrayList<>();
        JobRun run = engine.scheduledBackup(problems::add).run(RunRequest.of(schedule), new Cancellation());
        assertThat(run.status()).as(run.error()).isEqualTo(JobStatus.OK);
        assertThat(problems).isEmpty();
        return engine.catalog().require(run.backupId());
    }

    /** The table of contents without its header, whose lines name the file and the time. */
    private List<String> toc(BackupCatalog.Entry backup) throws IOException {
        return PgTools.run(server, null, PgTools.tool(ClientTool.PG_RESTORE).toString(), "--list",
                        backup.archive().toString())
                .lines().filter(l -> !l.startsWith(";")).map(l -> l.replaceAll("^\\d+; ", "")).toList();
    }

    /** The rows the sidecar counted, table by table. */
    private static List<String> rows(BackupCatalog.Entry backup) {
        List<String> counted = new ArrayList<>();
        for (TableCount t : backup.record().tables()) {
            if (t.rows() != null) {
                counted.add(t.qualifiedName() + "=" + t.rows());
            }
        }
        return counted;
    }

    private void readdProfile(String... preset) {
        String url = "postgresql://" + server.user() + "@" + server.host() + ":" + server.port() + "/" + db;
        List<String> args = new ArrayList<>(List.of("profiles", "add", "prod", "--url", url, "--password-stdin"));
        args.addAll(List.of(preset));
        ok(cli().withInput(server.password() + "\n", args.toArray(String[]::new)));
    }

    private static Cli.Run ok(Cli.Run run) {
        assertThat(run.code()).as(run.err()).isZero();
        return run;
    }

    private Cli cli() {
        return new Cli(dir.resolve("config"), dir.resolve("backups"));
    }
}
