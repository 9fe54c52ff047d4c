package io.backupdesk.ui.schedules;

import atlantafx.base.theme.PrimerLight;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.SslMode;
import io.backupdesk.crypto.AgeIdentity;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.ui.SyncTaskRunner;
import io.backupdesk.ui.WindowChecks;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedule editor, headless on Monocle: it once opened 107 pixels high with its minimum pinned to its maximum
 * under openbox, its form out of reach. It opens resizable at its size, and the form scrolls in a smaller window.
 */
@ExtendWith(ApplicationExtension.class)
class ScheduleEditorUiTest {
    private final InMemorySchedules operations = new InMemorySchedules();
    private SchedulesViewModel model;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        operations.profiles.add(new ConnectionProfile("prod", "db1", 5432, "sales", "backup", SslMode.PREFER, null,
                List.of("ops-key")));
        operations.keys.add(new StoredKey("ops-key", List.of(AgeIdentity.generate().recipient()), true, false, ""));
        model = new SchedulesViewModel(operations, new SyncTaskRunner());
        stage.setScene(new Scene((Parent) new SchedulesView(model, () -> { }).node(), 1100, 700));
        stage.show();
        model.refresh();
    }

    @Test
    void theEditorOpensResizableWithItsWholeFormWithinReach(FxRobot robot) {
        robot.interact(model::add);
        WaitForAsyncUtils.waitForFxEvents();

        Stage editor = WindowChecks.showing("New schedule");
        WindowChecks.assertUsable(editor);
        assertThat(editor.getHeight()).as("far more than a title bar").isGreaterThan(400);
        assertThat(((DialogPane) editor.getScene().getRoot()).getContent()).isInstanceOf(ScrollPane.class);

        // a resize within the first moments is taken for the window manager's and undone (see WindowSizes)
        WaitForAsyncUtils.sleep(2500, java.util.concurrent.TimeUnit.MILLISECONDS);
        robot.interact(() -> {
            editor.setWidth(editor.getMinWidth());
            editor.setHeight(editor.getMinHeight());
        });
        WaitForAsyncUtils.waitForFxEvents();

        ScrollPane form = (ScrollPane) ((DialogPane) editor.getScene().getRoot()).getContent();
        assertThat(editor.getHeight()).isLessThan(500);
        assertThat(form.getViewportBounds().getHeight()).as("the form scrolls in what is left, rather than squeeze")
                .isLessThan(form.getContent().getLayoutBounds().getHeight());
        assertThat(robot.lookup("#save-schedule").tryQuery()).isPresent();
        robot.interact(editor::close);
    }

    @Test
    void theEditorSaysTheConnectionsKeysApplyAndNamesTheDirectoryFormatItCannotEncrypt(FxRobot robot) {
        robot.interact(model::add);
        WaitForAsyncUtils.waitForFxEvents();

        Label summary = robot.lookup("#encryption-summary").queryAs(Label.class);
        assertThat(summary.getText()).startsWith("Encrypted to the connection's keys: ops-key (age1");
        assertThat(summary.isVisible()).isTrue();
        robot.interact(() -> {
            model.editor().how().choiceProperty().set(ScheduleOptionsViewModel.OWN);
            model.editor().how().formatProperty().set(BackupFormat.DIRECTORY);
        });
        Label error = robot.lookup("#encryption-error").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains("directory format cannot be encrypted");
        assertThat(robot.lookup("#save-schedule").queryAs(Button.class).isDisabled()).isTrue();
        robot.interact(() -> WindowChecks.showing("New schedule").close());
    }
}
