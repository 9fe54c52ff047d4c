package io.backupdesk.app;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.DumpFlags;
import io.backupdesk.core.Preset;
import io.backupdesk.core.Schedule;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.engine.Engine;
import io.backupdesk.pg.ClientTool;
import io.backupdesk.schedule.BackupScheduler;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import io.backupdesk.ui.SyncTaskRunner;
import io.backupdesk.ui.connections.ConnectionFormViewModel;
import io.backupdesk.ui.connections.ConnectionsViewModel;
import io.backupdesk.ui.schedules.ScheduleEditorViewModel;
import io.backupdesk.ui.schedules.ScheduleOptionsViewModel;
import io.backupdesk.ui.schedules.SchedulesViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Schedules and Connections screens' view models on a real engine and the test server: a schedule made in the
 * editor without choosing a preset dumps, on the real pg_dump, as its connection's preset says (a table whose rows the
 * preset leaves out has none in the backup), the command the editor shows is the engine's for that run, and when the
 * connection is given another preset on the Connections screen the schedule's next run follows it.
 */
@ExtendWith(PostgresServerExtension.class)
class SchedulePresetsOnTheEngineIT {
    private static final DumpFlags NO_CUSTOMER_ROWS = new DumpFlags(List.of(), false, false, false,
            List.of("shop.customers"), null, null, null, false, false, null, false, false, false, false);

    @TempDir
    Path dir;
    private TestServer server;
    private Engine engine;
    private BackupScheduler scheduler;

    @BeforeEach
    void shop(TestServer server) {
        this.server = server;
        String db = server.createDatabase();
        server.execute(db, "create schema shop; create table shop.orders as select g as id from generate_series(1, 500) g;"
                + " create table shop.customers as select g as id from generate_series(1, 30) g");
        engine = new Engine(new AppPaths(dir.resolve("config"), dir.resolve("config")), dir.resolve("backups"), w -> { });
        engine.jobs().presets().save(new Preset("no-customers", null, BackupOptions.builder().dump(NO_CUSTOMER_ROWS)
                .build()));
        engine.jobs().presets().save(new Preset("everything", null, BackupOptions.ofFormat(BackupFormat.TAR)));
        ConnectionProfile shop = server.profile("shop", db).withPreset("no-customers");
        engine.profiles().save(shop);
        engine.credentials().store(shop, server.password());
        scheduler = engine.newScheduler(problem -> { });
        scheduler.start();
    }

    @AfterEach
    void stop() {
        scheduler.close();
    }

    @Test
    void aScheduleMadeOnTheScreenDumpsAsItsConnectionsPresetAndFollowsTheConnectionsNextPreset() throws Exception {
        SchedulesViewModel schedules = new SchedulesViewModel(new EngineScheduleOperations(engine, scheduler),
                new SyncTaskRunner());
        schedules.add();
        ScheduleEditorViewModel editor = schedules.editor();
        ScheduleOptionsViewModel how = editor.how();

        assertThat(editor.nameProperty().get()).isEqualTo("shop");
        assertThat(how.describe(how.choiceProperty().get())).isEqualTo("As the connection: preset no-customers");
        assertThat(how.commandProperty().get()).contains("--exclude-table-data").contains("shop.customers");
        editor.nameProperty().set("nightly");
        assertThat(schedules.canSave().get()).as(editor.optionsError().get()).isTrue();
        schedules.save();
        Schedule saved = engine.jobs().schedules().require("nightly");
        assertThat(saved.optionsFrom()).isEqualTo(Schedule.OptionsFrom.CONNECTION);
        // the file name holds the moment the command was asked for
        assertThat(withoutTime(how.commandProperty().get())).as("the command shown is the engine's for the run")
                .isEqualTo(withoutTime(engine.jobs().backup().commandLine(saved)));

        BackupCatalog.Entry first = runNow(schedules, 1);

        ConnectionsViewModel connections = new ConnectionsViewModel(new EngineProfileOperations(engine),
                new SyncTaskRunner());
        connections.load();
        connections.select(engine.profiles().require("shop"));
        ConnectionFormViewModel form = connections.form();
        form.presetProperty().set(form.presetChoices().stream().filter(c -> "everything".equals(c.name()))
                .findFirst().orElseThrow());
        connections.save();
        assertThat(engine.profiles().require("shop").preset()).isEqualTo("everything");
        BackupCatalog.Entry second = runNow(schedules, 2);

        assertThat(first.record().origin()).isEqualTo(saved.origin());
        assertThat(first.record().format()).isEqualTo(BackupFormat.CUSTOM);
        assertThat(toc(first)).anyMatch(l -> l.contains(" TABLE shop customers "))
                .noneMatch(l -> l.contains(" TABLE DATA shop customers "))
                .anyMatch(l -> l.contains(" TABLE DATA shop orders "));
        assertThat(rows(first)).containsExactly("shop.orders=500");
        assertThat(second.record().format()).as("the connection's new preset").isEqualTo(BackupFormat.TAR);
        assertThat(toc(second)).anyMatch(l -> l.contains(" TABLE DATA shop customers "));
        assertThat(rows(second)).containsExactlyInAnyOrder("shop.orders=500", "shop.customers=30");
        assertThat(schedules.rows()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("nightly");
            assertThat(row.options()).isEqualTo("As connection: everything");
        });
    }

    /** Runs the schedule with Run now, as the screen does, and waits for its backup. */
    private BackupCatalog.Entry runNow(SchedulesViewModel schedules, int backups) throws Exception {
        schedules.refresh();
        schedules.select(schedules.rows().get(0));
        schedules.runNow();
        long end = System.nanoTime() + 120_000_000_000L;
        while (engine.catalog().scan().size() < backups
                || scheduler.states().stream().anyMatch(BackupScheduler.State::running)) {
            assertThat(System.nanoTime()).as("the run within two minutes").isLessThan(end);
            Thread.sleep(200);
        }
        return engine.catalog().scan().stream().max(Comparator.comparing(e -> e.record().createdAt())).orElseThrow();
    }

    private List<String> toc(BackupCatalog.Entry backup) throws IOException {
        return PgTools.run(server, null, PgTools.tool(ClientTool.PG_RESTORE).toString(), "--list",
                        backup.archive().toString())
                .lines().filter(l -> !l.startsWith(";")).map(l -> l.replaceAll("^\\d+; ", "")).toList();
    }

    private static List<String> rows(BackupCatalog.Entry backup) {
        return backup.record().tables().stream().filter(t -> t.rows() != null)
                .map(t -> t.qualifiedName() + "=" + t.rows()).toList();
    }

    private static String withoutTime(String command) {
        return command.replaceAll("_\\d{8}-\\d{6}", "_TIME");
    }
}
