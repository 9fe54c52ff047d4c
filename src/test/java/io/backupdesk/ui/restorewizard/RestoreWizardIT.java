package io.backupdesk.ui.restorewizard;

import atlantafx.base.theme.PrimerLight;
import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.testing.EngineRig;
import io.backupdesk.testing.Fixtures;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.FxWait;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import io.backupdesk.ui.UiJobs;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The restore wizard headless on Monocle, restoring for real into the test server. */
@ExtendWith({PostgresServerExtension.class, ApplicationExtension.class})
class RestoreWizardIT {
    @RegisterExtension
    final UiJobs jobs = new UiJobs();
    private Stage stage;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        this.stage = stage;
    }

    @Test
    void aSafeReplaceNeedsTheExactNameAndReportsEqualRowCounts(TestServer server, @TempDir Path dir, FxRobot robot)
            throws Exception {
        Fixtures.BigTableSetup setup = Fixtures.bigTableSetup(server, dir, 20_000);
        BackupCatalog.Entry backup = backup(setup);
        server.execute(setup.database(), "delete from public.big where id > 10000");
        open(setup.rig(), backup, robot);

        next(robot, 4);
        robot.clickOn("#typed-name").write(setup.database().toUpperCase());
        assertThat(button(robot, "#restore").isDisabled()).as("a wrong name keeps Restore disabled").isTrue();
        robot.doubleClickOn("#typed-name").eraseText(60).write(setup.database());
        assertThat(button(robot, "#restore").isDisabled()).isFalse();
        robot.clickOn("#restore");

        FxWait.until(() -> robot.lookup("#outcome").tryQuery().isPresent(), 120);
        assertThat(robot.lookup("#outcome").queryAs(Label.class).getText()).isEqualTo("Complete");
        TableView<?> tables = robot.lookup("#report-tables").queryAs(TableView.class);
        assertThat(tables.getItems()).hasSize(1);
        assertThat(PgTools.rowCounts(server, setup.database())).isEqualTo(Map.of("public.big", 20_000L));
        server.adopt(RestoreITs.asideOf(server, setup.database()));
    }

    @Test
    void aNewDatabaseIsRestoredBesideTheOriginal(TestServer server, @TempDir Path dir, FxRobot robot) throws Exception {
        Fixtures.BigTableSetup setup = Fixtures.bigTableSetup(server, dir, 5_000);
        BackupCatalog.Entry backup = backup(setup);
        open(setup.rig(), backup, robot);

        String fresh = restoreIntoNewDatabase(server, robot);

        assertThat(PgTools.rowCounts(server, fresh)).isEqualTo(Map.of("public.big", 5_000L));
        assertThat(PgTools.rowCounts(server, setup.database())).isEqualTo(Map.of("public.big", 5_000L));
    }

    @Test
    void aDumpFileFromElsewhereIsImportedAndRestoredIntoANewDatabase(TestServer server, @TempDir Path dir, FxRobot robot)
            throws Exception {
        Fixtures.BigTableSetup setup = Fixtures.bigTableSetup(server, dir, 3_000);
        Path file = dir.resolve("from-elsewhere.dump");
        PgTools.run(server, null, PgTools.tool(io.backupdesk.pg.ClientTool.PG_DUMP).toString(), "--format=custom",
                "--file=" + file, setup.database());
        RestoreWizardViewModel wizard = new RestoreWizardViewModel(new RigRestoreOperations(setup.rig()), jobs.runner());
        robot.interact(() -> {
            stage.setScene(new Scene(new RestoreWizardView(wizard, folder -> { }, dir).node(), 900, 680));
            stage.show();
            wizard.openFile(file);
        });
        FxWait.until(() -> !button(robot, "#next").isDisabled(), 30);

        String fresh = restoreIntoNewDatabase(server, robot);

        assertThat(PgTools.rowCounts(server, fresh)).isEqualTo(Map.of("public.big", 3_000L));
        assertThat(setup.rig().catalog.scan()).anyMatch(e -> e.archive().getFileName().toString().startsWith("from-elsewhere"));
    }

    @Test
    void aHeldSessionBlocksUntilTheUserChoosesToEndIt(TestServer server, @TempDir Path dir, FxRobot robot) throws Exception {
        Fixtures.BigTableSetup setup = Fixtures.bigTableSetup(server, dir, 5_000);
        BackupCatalog.Entry backup = backup(setup);
        try (Connection held = server.connect(setup.database())) {
            held.createStatement().execute("select 1");
            open(setup.rig(), backup, robot);

            next(robot, 3);
            FxWait.until(() -> robot.lookup("#end-sessions").queryAs(Button.class).isVisible(), 30);
            assertThat(button(robot, "#next").isDisabled()).as("blocked").isTrue();

            robot.clickOn("#end-sessions");
            FxWait.until(() -> !button(robot, "#next").isDisabled(), 30);
            next(robot, 1);
            robot.clickOn("#typed-name").write(setup.database());
            robot.clickOn("#restore");

            FxWait.until(() -> robot.lookup("#outcome").tryQuery().isPresent(), 120);
            assertThat(robot.lookup("#outcome").queryAs(Label.class).getText()).isEqualTo("Complete");
            assertThat(held.isValid(2)).as("the session was ended before the swap").isFalse();
        }
        server.adopt(RestoreITs.asideOf(server, setup.database()));
    }

    @Test
    void cancellingMidwayLeavesTheOriginalAsItWas(TestServer server, @TempDir Path dir, FxRobot robot) throws Exception {
        Fixtures.BigTableSetup setup = Fixtures.bigTableSetup(server, dir, 1_500_000);
        BackupCatalog.Entry backup = backup(setup);
        server.execute(setup.database(), "delete from public.big where id > 1000000");
        Map<String, Long> before = PgTools.rowCounts(server, setup.database());
        open(setup.rig(), backup, robot);

        next(robot, 4);
        robot.clickOn("#typed-name").write(setup.database());
        robot.clickOn("#restore");
        FxWait.until(() -> RestoreITs.databasesLike(server, setup.database() + "_restoring_") > 0, 60);
        robot.clickOn("#cancel");

        FxWait.until(() -> robot.lookup("#step-report.current").tryQuery().isPresent(), 120);
        FxWait.until(() -> RestoreITs.databasesLike(server, setup.database() + "_") == 0, 60);
        assertThat(PgTools.rowCounts(server, setup.database())).isEqualTo(before);
    }

    /** Walks the wizard from its first step into the proposed new database; returns its name once complete. */
    private static String restoreIntoNewDatabase(TestServer server, FxRobot robot) throws Exception {
        next(robot, 1);
        robot.clickOn("#target-new");
        String fresh = robot.lookup("#target-database").queryAs(javafx.scene.control.TextField.class).getText();
        server.adopt(fresh);
        next(robot, 3);
        robot.clickOn("#typed-name").write(fresh);
        robot.clickOn("#restore");
        FxWait.until(() -> robot.lookup("#outcome").tryQuery().isPresent(), 120);
        assertThat(robot.lookup("#outcome").queryAs(Label.class).getText()).isEqualTo("Complete");
        return fresh;
    }

    private static BackupCatalog.Entry backup(Fixtures.BigTableSetup setup) {
        BackupRecord record = setup.rig().backup(setup.profile(), BackupOptions.defaults());
        return setup.rig().catalog.require(record.id());
    }

    private void open(EngineRig rig, BackupCatalog.Entry backup, FxRobot robot) throws Exception {
        RestoreWizardViewModel wizard = new RestoreWizardViewModel(new RigRestoreOperations(rig), jobs.runner());
        robot.interact(() -> {
            RestoreWizardView view = new RestoreWizardView(wizard, folder -> { }, rig.configDir.resolve("logs"));
            stage.setScene(new Scene(view.node(), 900, 680));
            stage.show();
            wizard.open(backup);
        });
        FxWait.until(() -> !button(robot, "#next").isDisabled(), 30);
    }

    /** Presses Next, each time once the wizard lets it. */
    private static void next(FxRobot robot, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            FxWait.until(() -> button(robot, "#next").isVisible() && !button(robot, "#next").isDisabled(), 60);
            robot.clickOn("#next");
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Button button(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Button.class);
    }
}
