package io.backupdesk.ui.schedules;

import atlantafx.base.theme.PrimerLight;
import io.backupdesk.app.AppContext;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.app.MainWindow;
import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupService;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.Progress;
import io.backupdesk.core.Schedule;
import io.backupdesk.testing.FxWait;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedules screen in the desktop app over a real engine and the test server, headless on Monocle: a schedule
 * added through the editor lands in schedules.json and in the list with its next run; the retention preview tells
 * which of the database's real backups a rule would delete and why; "Run now" makes a real backup that becomes the
 * schedule's last result, with the saved rule applied after it.
 */
@ExtendWith({PostgresServerExtension.class, ApplicationExtension.class})
class SchedulesIT {
    private Stage stage;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        this.stage = stage;
    }

    @Test
    void aScheduleAddedInTheEditorIsStoredPreviewsItsRuleAndRunsNow(TestServer server, @TempDir Path dir, FxRobot robot)
            throws Exception {
        String db = server.createDatabase();
        server.execute(db, "create table items as select generate_series(1, 100) as id");
        AppContext context = new AppContext(AppPaths.forCurrentUser(dir.resolve("config")), warning -> { });
        try {
            ConnectionProfile profile = server.profile("it", db);
            context.engine().profiles().save(profile);
            context.engine().credentials().store(profile, server.password());
            robot.interact(() -> {
                stage.setScene(MainWindow.build(context, stage, folder -> { }));
                stage.show();
            });

            robot.clickOn("#nav-schedules");
            FxWait.until(() -> robot.lookup("#empty-action").tryQuery().map(n -> n.isVisible()).orElse(false), 30);
            robot.clickOn("#empty-action");
            FxWait.until(() -> robot.lookup("#save-schedule").tryQuery().isPresent()
                    && !robot.lookup("#save-schedule").queryAs(Button.class).isDisabled(), 30);
            robot.clickOn("#save-schedule");

            TableView<ScheduleRowViewModel> table = robot.lookup("#table").queryAs(TableView.class);
            FxWait.until(() -> table.getItems().size() == 1, 30);
            ScheduleRowViewModel row = table.getItems().get(0);
            assertThat(row.profile()).isEqualTo("it");
            assertThat(row.when()).isEqualTo("Every day at 02:30");
            assertThat(row.nextRun()).matches("\\d{4}-\\d\\d-\\d\\d 02:30");
            assertThat(row.lastResult()).isEqualTo("Never ran");
            String stored = Files.readString(dir.resolve("config/schedules.json"));
            assertThat(stored).contains("\"id\" : \"" + row.id() + "\"", "\"profile\" : \"it\"", "\"cron\" : \"30 2 * * *\"");

            // two backups of the schedule's own, as earlier runs of it would have left them
            BackupRecord older = backup(context, profile, "schedule:" + row.id());
            BackupRecord newer = backup(context, profile, "schedule:" + row.id());
            robot.interact(() -> table.getSelectionModel().select(0));
            robot.clickOn("#editButton");
            FxWait.until(() -> robot.lookup("#save-schedule").tryQuery().isPresent(), 30);
            TableView<PreviewRow> preview = robot.lookup("#preview").queryAs(TableView.class);
            FxWait.until(() -> preview.getItems().size() == 2, 30);
            assertThat(preview.getItems()).extracting(PreviewRow::verdict).containsExactly("Keep", "Keep");
            replace(robot, "#keepLast", "1");
            replace(robot, "#daily", "");
            replace(robot, "#weekly", "");
            replace(robot, "#monthly", "");
            FxWait.until(() -> preview.getItems().stream().anyMatch(PreviewRow::delete), 30);
            assertThat(preview.getItems()).extracting(PreviewRow::verdict, PreviewRow::reason).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("Keep", "the newest good backup (none is verified)"),
                    org.assertj.core.groups.Tuple.tuple("Delete", "not among the backups the policy keeps"));
            assertThat(robot.lookup("#previewSummary").queryAs(Label.class).getText())
                    .startsWith("1 of 2 backups of " + db + " would be deleted");
            robot.clickOn("#save-schedule");
            FxWait.until(() -> robot.lookup("#save-schedule").tryQuery().isEmpty(), 30);
            assertThat(context.engine().schedules().require(row.id()).retention().keepLast()).isEqualTo(1);

            robot.interact(() -> table.getSelectionModel().select(0));
            robot.clickOn("#runNowButton");
            // the earlier backups made a last result "ok" already: wait for the run and the cleanup after it
            FxWait.until(() -> context.engine().catalog().scan().size() == 1, 120);
            FxWait.until(() -> table.getItems().size() == 1 && table.getItems().get(0).lastResult().startsWith("ok, "), 30);

            Schedule schedule = context.engine().schedules().require(row.id());
            List<BackupCatalog.Entry> kept = context.engine().catalog().scan();
            assertThat(kept).as("the rule of one, applied after the run").hasSize(1);
            assertThat(kept.get(0).record().origin()).isEqualTo(schedule.origin());
            assertThat(kept.get(0).record().id()).isNotIn(older.id(), newer.id());
            JobRun last = context.engine().history().readAll().stream()
                    .filter(r -> schedule.origin().equals(r.origin())).reduce((a, b) -> b).orElseThrow();
            assertThat(last.backupId()).isEqualTo(kept.get(0).record().id());

            robot.clickOn("#nav-dashboard");
            FxWait.until(() -> robot.lookup(".card .muted").queryAllAs(Label.class).stream()
                    .anyMatch(l -> l.getText().startsWith("it, ")), 30);
        } finally {
            context.close();
        }
    }

    private static BackupRecord backup(AppContext context, ConnectionProfile profile, String origin) {
        return context.engine().backups().backup(new BackupService.Request(profile, BackupOptions.defaults(),
                origin, Optional.empty()), Progress.NONE, new Cancellation()).record();
    }

    /** Types into a field over what it held. */
    private static void replace(FxRobot robot, String field, String text) {
        robot.doubleClickOn(field).eraseText(4);
        if (!text.isEmpty()) {
            robot.write(text);
        }
    }
}
