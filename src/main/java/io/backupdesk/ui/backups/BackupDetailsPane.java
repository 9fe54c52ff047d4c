package io.backupdesk.ui.backups;

import io.backupdesk.ui.Messages;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.List;

/** Draws a backup's details into the pane: its metadata, its verification, its tables with their rows. */
final class BackupDetailsPane {
    private BackupDetailsPane() { }

    static void render(VBox pane, BackupDetails details) {
        if (details == null) {
            Label hint = new Label(Messages.get("backups.details.empty"));
            hint.getStyleClass().add("muted");
            hint.setWrapText(true);
            pane.getChildren().setAll(hint);
            return;
        }
        Label title = new Label(details.title());
        title.getStyleClass().add("details-title");
        title.setWrapText(true);
        Label verificationTitle = section(Messages.get("backups.details.verification"));
        Label verification = new Label(details.verification());
        verification.setWrapText(true);
        pane.getChildren().setAll(title, grid(details.fields()), verificationTitle, verification,
                section(Messages.get("backups.details.tables")), grid(details.tables()));
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        label.setWrapText(true);
        return label;
    }

    private static GridPane grid(List<BackupDetails.Field> fields) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        for (int i = 0; i < fields.size(); i++) {
            Label name = new Label(fields.get(i).name());
            name.getStyleClass().add("field-name");
            Label value = new Label(fields.get(i).value());
            value.setWrapText(true);
            grid.addRow(i, name, value);
        }
        return grid;
    }
}
