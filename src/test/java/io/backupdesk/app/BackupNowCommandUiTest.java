package io.backupdesk.app;

import atlantafx.base.theme.PrimerLight;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.SslMode;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.engine.Engine;
import io.backupdesk.ui.Notifier;
import io.backupdesk.ui.UiJobs;
import io.backupdesk.ui.WindowChecks;
import io.backupdesk.ui.backups.BackupDialogView;
import io.backupdesk.ui.backups.BackupDialogViewModel;
import javafx.application.Application;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Back up now headless on Monocle, on a real engine: Options is folded until opened, and a switch ticked there is in
 * the command line shown, which the engine builds (pg_dump must be installed, as for the integration tests).
 */
@ExtendWith(ApplicationExtension.class)
class BackupNowCommandUiTest {
    @RegisterExtension
    final UiJobs jobs = new UiJobs();
    @TempDir
    Path dir;
    private Stage owner;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        owner = WindowChecks.showOwner(stage, 1000, 800);
    }

    @Test
    void aSwitchTickedInOptionsIsInTheCommandShown(FxRobot robot) throws Exception {
        Engine engine = new Engine(new AppPaths(dir.resolve("config"), dir.resolve("config")), dir.resolve("backups"),
                w -> { });
        engine.saveProfile(new ConnectionProfile("prod", "db1", 5432, "sales", "dba", SslMode.PREFER, null), null,
                Optional.empty());
        BackupDialogViewModel model = new BackupDialogViewModel(new EngineBackupOperations(engine), jobs.runner(),
                new Notifier() {
                    @Override
                    public void error(String title, Throwable failure) {
                        throw new AssertionError(title, failure);
                    }

                    @Override
                    public void done(String outcome) {
                    }

                    @Override
                    public Optional<String> askPassword(ConnectionProfile profile) {
                        return Optional.empty();
                    }
                });
        robot.interact(() -> {
            model.open("prod");
            new BackupDialogView(model).show(owner);
        });
        TextArea command = robot.lookup("#command").queryAs(TextArea.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> command.getText().startsWith("pg_dump"));
        assertThat(command.getText()).doesNotContain("--no-owner");
        TitledPane options = robot.lookup("#dump-options").queryAs(TitledPane.class);
        assertThat(options.isExpanded()).as("folded, so the dialog stays short").isFalse();
        WindowChecks.assertUsable(WindowChecks.showing("Back up now"));

        robot.interact(() -> options.setExpanded(true));
        robot.interact(() -> robot.lookup("#no-owner").queryAs(CheckBox.class).fire());

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> command.getText().contains("--no-owner"));
        assertThat(command.getText()).startsWith("pg_dump").contains("sales");
        assertThat(robot.lookup("#copyCommand").query().isDisabled()).isFalse();
        robot.interact(() -> WindowChecks.showing("Back up now").close());
    }
}
