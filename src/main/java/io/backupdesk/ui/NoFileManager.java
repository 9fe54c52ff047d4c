package io.backupdesk.ui;

import javafx.event.ActionEvent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.nio.file.Path;

/**
 * Said when no file manager could open a folder: the folder's path, selectable, and a button that copies it, so the
 * user can paste it into a terminal or another file manager instead of wondering why nothing happened.
 */
public final class NoFileManager {
    private static final WindowSizes.Request SIZE = new WindowSizes.Request(560, 0, 400, 160);

    private NoFileManager() { }

    /** Shows the dialog over the window, without waiting. */
    public static void show(Window owner, Path folder) {
        build(owner, folder).show();
    }

    static Alert build(Window owner, Path folder) {
        ButtonType copy = new ButtonType(Messages.get("folder.copyPath"), ButtonBar.ButtonData.LEFT);
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", copy, ButtonType.CLOSE);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(Messages.get("folder.cannotOpen.title"));
        alert.setHeaderText(Messages.get("folder.cannotOpen.title"));
        Label why = new Label(Messages.get("folder.cannotOpen.text"));
        why.setWrapText(true);
        // a wrapped label in a dialog is otherwise sized for one line and cut with an ellipsis
        why.setMinHeight(Region.USE_PREF_SIZE);
        why.setPrefWidth(SIZE.width() - 60);
        TextField path = new TextField(folder.toString());
        path.setId("folder-path");
        path.setEditable(false);
        path.getStyleClass().add(Styles.MONOSPACE);
        alert.getDialogPane().setContent(new VBox(8, why, path));
        // a dialog's pane has the theme only; the path's monospace is one of the tokens' classes
        Views.withTokens(alert.getDialogPane());
        Button copyButton = (Button) alert.getDialogPane().lookupButton(copy);
        copyButton.setId("copy-folder-path");
        // copying keeps the dialog open: the user may want to read the path too
        copyButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            ClipboardContent content = new ClipboardContent();
            content.putString(folder.toString());
            Clipboard.getSystemClipboard().setContent(content);
            copyButton.setText(Messages.get("folder.copied"));
        });
        WindowSizes.size(alert, SIZE);
        return alert;
    }
}
