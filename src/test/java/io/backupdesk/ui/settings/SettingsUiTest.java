package io.backupdesk.ui.settings;

import atlantafx.base.theme.PrimerLight;
import io.backupdesk.store.SettingsStore;
import io.backupdesk.ui.UiJobs;
import io.backupdesk.testing.WebhookReceiver;
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

/**
 * The settings screen headless on Monocle: a wrong RPO is named and blocks Save, a right one is saved; start at
 * login goes through the login entry; a test webhook goes to a real server and the screen says so.
 */
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
        stage.setScene(new Scene((Parent) new SettingsView(model,
                new PresetsViewModel(new FolderPresets(dir), jobs.runner()), new KeysViewModel(new FolderKeys(dir), jobs.runner()),
                new DestinationsViewModel(new FolderDestinations(dir), jobs.runner()), folder -> { }).node(), 1000, 760));
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

        scrollTo(robot, "#startAtLogin");
        robot.clickOn("#startAtLogin");
        clickSave(robot);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> store.load().backgroundOrDefaults().startsAtLogin());
        assertThat(settings.loginEntries).containsExactly(true);
    }

    /** Save stays in its bar below the form. */
    private static void clickSave(FxRobot robot) {
        robot.clickOn("#save");
    }

    /** Scrolls the form so that the node is in view, as a user would before clicking it. */
    private static void scrollTo(FxRobot robot, String query) {
        robot.interact(() -> {
            javafx.scene.Node node = robot.lookup(query).query();
            ScrollPane pane = robot.lookup(".scroll-pane").queryAs(ScrollPane.class);
            double contentHeight = pane.getContent().getBoundsInLocal().getHeight();
            double viewport = pane.getViewportBounds().getHeight();
            double y = pane.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
            pane.setVvalue(Math.max(0, Math.min(1, (y - 40) / Math.max(1, contentHeight - viewport))));
        });
    }

    @Test
    void aTestWebhookIsSentFromTheScreenAndItsOutcomeShown(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#logsDir").queryAs(Label.class).getText().isEmpty());
        try (WebhookReceiver hook = WebhookReceiver.at("/hooks/")) {
            // below the Keys section, out of view at this window's height
            scrollTo(robot, "#webhookUrl");
            robot.clickOn("#webhookUrl").write("ftp://127.0.0.1/hooks/x");
            assertThat(robot.lookup("#webhookError").queryAs(Label.class).isVisible()).isTrue();
            assertThat(robot.lookup("#testWebhook").queryAs(Button.class).isDisabled()).isTrue();

            String url = hook.url("T1/secret");
            robot.doubleClickOn("#webhookUrl").eraseText(30).write(url);
            robot.clickOn("#testWebhook");

            Label outcome = robot.lookup("#webhookOutcome").queryAs(Label.class);
            // the text and its tone are set one after the other on the FX thread
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> outcome.getText().startsWith("Sent to")
                    && outcome.getStyleClass().contains("tone-good"));
            assertThat(outcome.getText()).isEqualTo("Sent to http://127.0.0.1:" + hook.port() + "/…");
            assertThat(outcome.getStyleClass()).contains("tone-good");
            assertThat(hook.bodies()).singleElement().asString().contains("Test alert from Backup Desk");
        }
    }
}
