package io.backupdesk.ui;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.SslMode;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The app's small dialogs, headless on Monocle: each opens resizable, at its size or more, its text whole. */
@ExtendWith(ApplicationExtension.class)
class DialogsUiTest {
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = WindowChecks.showOwner(stage, 800, 600);
    }

    @Test
    void aConfirmationNamesWhatGoesAndEnterDoesNotDestroyIt(FxRobot robot) {
        AtomicReference<Boolean> answer = new AtomicReference<>();
        Platform.runLater(() -> answer.set(Confirm.ask(owner, "Drop database", "Drop the database sales_before_20261206"
                + " on prod? It cannot be undone.", "Drop sales_before_20261206")));
        WaitForAsyncUtils.waitForFxEvents();

        Stage dialog = WindowChecks.showing("Drop database");
        WindowChecks.assertUsable(dialog);
        assertThat(robot.lookup("#confirm-action").queryAs(Button.class).getText()).isEqualTo("Drop sales_before_20261206");
        assertThat(robot.lookup("#confirm-cancel").queryAs(Button.class).isDefaultButton()).isTrue();

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(answer.get()).as("Enter is Cancel").isFalse();
    }

    @Test
    void theActionButtonSaysYes(FxRobot robot) {
        AtomicReference<Boolean> answer = new AtomicReference<>();
        Platform.runLater(() -> answer.set(Confirm.ask(owner, "Delete schedule", "Delete it?", "Delete")));
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#confirm-action");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(answer.get()).isTrue();
    }

    @Test
    void anErrorWithALongHintShowsItWhole(FxRobot robot) {
        String hint = "Install the PostgreSQL 16 client programs, or choose their folder in Settings. ".repeat(4);
        Platform.runLater(() -> new FxNotifier(() -> owner).error("Backup failed", new BackupDeskException(
                ErrorKind.TOOL_MISSING, "pg_dump 16 or newer is needed for a server of version 16.", hint,
                List.of("pg_dump: error: aborting because of server version mismatch"), null)));
        WaitForAsyncUtils.waitForFxEvents();

        Stage dialog = WindowChecks.showing("Backup failed");
        WindowChecks.assertUsable(dialog);
        Platform.runLater(dialog::close);
    }

    @Test
    void thePasswordPromptOpensUsable(FxRobot robot) {
        AtomicReference<Optional<String>> typed = new AtomicReference<>();
        ConnectionProfile prod = new ConnectionProfile("prod", "db1", 5432, "sales", "dba", SslMode.PREFER, null);
        Platform.runLater(() -> typed.set(new FxNotifier(() -> owner).askPassword(prod)));
        WaitForAsyncUtils.waitForFxEvents();

        WindowChecks.assertUsable(WindowChecks.showing("Password needed"));
        javafx.scene.control.PasswordField field = robot.lookup(".password-field").queryAs(javafx.scene.control.PasswordField.class);
        assertThat(field.isFocused()).as("the password is what is typed first").isTrue();
        robot.clickOn(field).write("secret").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(typed.get()).contains("secret");
    }

    @Test
    void aFolderNoFileManagerOpenedIsNamedAndItsPathCopied(FxRobot robot) throws Exception {
        java.nio.file.Path logs = java.nio.file.Path.of("home", "dba", ".config", "backupdesk", "logs").toAbsolutePath();
        Platform.runLater(() -> NoFileManager.show(owner, logs));
        WaitForAsyncUtils.waitForFxEvents();

        Stage dialog = WindowChecks.showing("No file manager opened the folder");
        WindowChecks.assertUsable(dialog);
        assertThat(robot.lookup("#folder-path").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo(logs.toString());
        robot.clickOn("#copy-folder-path");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()).get())
                .isEqualTo(logs.toString());
        Platform.runLater(dialog::close);
    }
}
