package io.backupdesk.ui.restorewizard;

import atlantafx.base.theme.PrimerLight;
import io.backupdesk.ui.UiJobs;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The set restore wizard headless on Monocle: the roles' preview is on screen before anything is restored. */
@ExtendWith(ApplicationExtension.class)
class SetRestoreWizardUiTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    final UiJobs jobs = new UiJobs();
    private final SetRestoreFakes operations = new SetRestoreFakes();

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        SetRestoreWizardViewModel model = new SetRestoreWizardViewModel(
                SetRestoreFakes.set(Files.createTempDirectory(dir, "set")), operations, jobs.runner());
        stage.setScene(new Scene(new SetRestoreWizardView(model).node(), 920, 700));
        stage.show();
        model.load();
    }

    private static String lines(FxRobot robot, String section) {
        return robot.lookup("#" + section).queryAs(VBox.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).reduce("", (a, b) -> a + "\n" + b);
    }

    @Test
    void theRolesPreviewIsShownBeforeTheSetIsRestoredAndTheReportPerDatabaseAfter(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#next").queryAs(Button.class).isDisabled());
        assertThat(robot.lookup("#set-databases .check-box").queryAllAs(CheckBox.class))
                .extracting(CheckBox::getText).containsExactly("app_eu", "postgres");
        assertThat(robot.lookup("#restore").queryAs(Button.class).isVisible()).isFalse();

        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#roles-create").tryQuery().isPresent());

        assertThat(lines(robot, "roles-create")).contains("Roles to create: 2", "app_owner (LOGIN): " + SetRestoreFakes.NO_PASSWORD, "app_reader");
        assertThat(lines(robot, "roles-existing")).contains("left exactly as they are: 1", "postgres");
        assertThat(lines(robot, "roles-memberships")).contains("app_reader in app_owner: add");
        assertThat(lines(robot, "roles-settings")).contains("app_owner: work_mem = 8MB in every database: set");
        assertThat(operations.restored).as("nothing is restored while the preview shows").isEmpty();

        robot.clickOn("#restore");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#report-roles").tryQuery().isPresent());
        assertThat(operations.restored).hasSize(1);
        assertThat(lines(robot, "report-postgres")).contains("postgres: failed", "already exists");
        assertThat(lines(robot, "report-app_eu")).contains("app_eu: restored");
    }
}
