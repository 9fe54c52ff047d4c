package io.backupdesk.ui;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ConnectionProfile;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The desktop's notifier: a failure is a dialog with the message, the hint, and the tool's output tail folded under
 * "Details" (never a stack trace); a password is asked in a small dialog and used for one run only.
 */
public final class FxNotifier implements Notifier {
    private static final WindowSizes.Request ERROR_SIZE = new WindowSizes.Request(560, 0, 400, 180);
    private static final WindowSizes.Request PASSWORD_SIZE = new WindowSizes.Request(440, 0, 340, 160);
    private final Supplier<Window> owner;
    private final Consumer<String> statusLine;

    /** A notifier without a status bar: an outcome goes unsaid, as the job's window shows it. */
    public FxNotifier(Supplier<Window> owner) {
        this(owner, outcome -> { });
    }

    /** @param statusLine shows a job's outcome in the main window's status bar */
    public FxNotifier(Supplier<Window> owner, Consumer<String> statusLine) {
        this.owner = owner;
        this.statusLine = statusLine;
    }

    @Override
    public void done(String outcome) {
        statusLine.accept(outcome);
    }

    @Override
    public void error(String title, Throwable failure) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        Label text = new Label(message);
        text.setWrapText(true);
        VBox body = new VBox(8, text);
        if (failure instanceof BackupDeskException e) {
            if (!e.hint().isBlank()) {
                Label hint = new Label(Messages.get("error.hint") + ": " + e.hint());
                hint.setWrapText(true);
                body.getChildren().add(hint);
            }
            if (!e.details().isEmpty()) {
                TextArea details = new TextArea(String.join("\n", e.details()));
                details.setEditable(false);
                details.setWrapText(true);
                details.setPrefRowCount(8);
                alert.getDialogPane().setExpandableContent(new VBox(4, new Label(Messages.get("error.details")), details));
            }
        }
        alert.getDialogPane().setContent(body);
        WindowSizes.size(alert, ERROR_SIZE);
        alert.show();
    }

    @Override
    public Optional<String> askPassword(ConnectionProfile profile) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(Messages.get("password.title"));
        PasswordField field = new PasswordField();
        Label prompt = new Label(Messages.get("password.prompt", profile.describe()));
        prompt.setWrapText(true);
        dialog.getDialogPane().setContent(new VBox(8, prompt, field));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
        dialog.setResultConverter(button -> button == ButtonType.OK ? field.getText() : null);
        WindowSizes.size(dialog, PASSWORD_SIZE);
        // the dialog gives the focus to its default button as it shows; the password is what is typed next
        dialog.setOnShown(e -> field.requestFocus());
        return dialog.showAndWait().filter(p -> !p.isEmpty());
    }
}
