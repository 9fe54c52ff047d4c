package io.backupdesk.ui.settings;

import atlantafx.base.theme.PrimerLight;
import io.backupdesk.store.SettingsStore;
import io.backupdesk.ui.UiJobs;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings screen headless on Monocle: a wrong RPO is named and blocks Save; a right one is saved; start at login. */
@ExtendWith(ApplicationExtension.class)
class SettingsUiTest {
    @RegisterExtension
    final UiJobs jobs = new UiJobs();
    private SettingsStore store;
    private FolderSettings settings;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Path dir = Files.createTempDirectory("settings-ui");
        settings = new FolderSettings(dir);
        store = settings.store;
        SettingsViewModel model = new SettingsViewModel(settings, jobs.runner(), theme -> { });
        stage.setScene(new Scene((Parent) new SettingsView(model, folder -> { }).node(), 1000, 760));
        stage.show();
        model.load();
    }


    @Test
    void aWrongRpoIsNamedAndARightOneIsSaved(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#logsDir").queryAs(Label.class).getText().isEmpty());

        robot.doubleClickOn("#rpo").eraseText(4).write("0");
        assertThat(robot.lookup("#rpoError").queryAs(Label.class).getText()).startsWith("A whole number of hours");
        assertThat(robot.lookup("#save").queryAs(Button.class).isDisabled()).isTrue();

        robot.doubleClickOn("#rpo").eraseText(4).write("12");
        clickSave(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Integer.valueOf(12).equals(store.load().rpoHours()));
    }

    @Test
    void startAtLoginIsTickedAndSavedThroughTheLoginEntry(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#logsDir").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#startAtLogin").queryAs(CheckBox.class).isSelected()).isFalse();

        robot.clickOn("#startAtLogin");
        clickSave(robot);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> store.load().backgroundOrDefaults().startsAtLogin());
        assertThat(settings.loginEntries).containsExactly(true);
    }

    /** Save is at the foot of the page, below the fold of this window, where a user scrolls to it. */
    private static void clickSave(FxRobot robot) {
        robot.interact(() -> robot.lookup("#root").queryAs(ScrollPane.class).setVvalue(1));
        robot.clickOn("#save");
    }
}
