package io.backupdesk.ui.restorewizard;

import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Styles;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The exact pg_restore (or psql) command on the confirmation step, read-only and copyable, as Back up now shows pg_dump's. */
final class CommandBox {
    private final VBox node;

    CommandBox(ObservableStringValue command) {
        Label title = new Label(Messages.get("restore.confirm.command"));
        title.getStyleClass().add(Styles.SECTION_TITLE);
        Button copy = new Button(Messages.get("restore.confirm.command.copy"));
        copy.setId("copy-command");
        copy.getStyleClass().add(Styles.Theme.FLAT);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> command.get().isEmpty(),
                command));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(command.get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, title, gap, copy);
        head.setAlignment(Pos.CENTER_LEFT);
        TextArea text = new TextArea();
        text.setId("restore-command");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(7);
        text.getStyleClass().add(Styles.MONOSPACE);
        text.textProperty().bind(command);
        VBox.setVgrow(text, Priority.ALWAYS);
        Label help = new Label(Messages.get("restore.confirm.command.help"));
        help.setWrapText(true);
        help.getStyleClass().add(Styles.MUTED);
        node = new VBox(6, head, text, help);
        VBox.setVgrow(node, Priority.ALWAYS);
    }

    Node node() {
        return node;
    }
}
