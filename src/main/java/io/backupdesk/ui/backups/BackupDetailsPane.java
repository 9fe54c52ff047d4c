package io.backupdesk.ui.backups;

import io.backupdesk.core.JobRun;
import io.backupdesk.ui.Formats;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/** Draws a backup's details into the pane: its metadata, its verification, its tables with their rows. */
final class BackupDetailsPane {
    private BackupDetailsPane() { }

    static void render(VBox pane, BackupDetails details) {
        if (details == null) {
            Label hint = new Label(Messages.get("backups.details.empty"));
            hint.getStyleClass().add(Styles.MUTED);
            hint.setWrapText(true);
            pane.getChildren().setAll(hint);
            return;
        }
        Label title = new Label(details.title());
        title.getStyleClass().add(Styles.DETAILS_TITLE);
        title.setWrapText(true);
        Label verificationTitle = section(Messages.get("backups.details.verification"));
        Label verification = new Label(details.verification());
        verification.setWrapText(true);
        Label noTables = new Label(Messages.get("backups.details.noTables"));
        noTables.getStyleClass().add(Styles.MUTED);
        pane.getChildren().setAll(title, grid(details.fields()), verificationTitle, verification,
                section(Messages.get("backups.details.tables")), details.tables().isEmpty() ? noTables : grid(details.tables()));
    }

    /** The run that made the backup, and its lines in the app's log. */
    static void renderJob(VBox pane, CatalogOperations.JobLog log) {
        pane.getChildren().clear();
        if (log == null) {
            return;
        }
        pane.getChildren().add(section(Messages.get("backups.job.title")));
        if (log.run() == null) {
            Label none = new Label(log.lines().isEmpty() ? Messages.get("backups.job.unknown") : String.join("\n", log.lines()));
            none.getStyleClass().add(Styles.MUTED);
            none.setWrapText(true);
            pane.getChildren().add(none);
            return;
        }
        JobRun run = log.run();
        pane.getChildren().add(grid(List.of(
                new BackupDetails.Field(Messages.get("backups.job.run"), run.id()),
                new BackupDetails.Field(Messages.get("backups.job.started"), Formats.time(run.startedAt())),
                new BackupDetails.Field(Messages.get("backups.job.origin"), run.origin()))));
        Label lines = new Label(log.lines().isEmpty() ? Messages.get("backups.job.noLines")
                : String.join("\n", log.lines().stream().map(BackupDetailsPane::withoutPrefix).toList()));
        lines.getStyleClass().add(Styles.LOG_LINES);
        lines.setWrapText(true);
        pane.getChildren().add(lines);
    }

    /** Log lines without the date and the logger's name, which say nothing here. */
    private static String withoutPrefix(String line) {
        int dash = line.indexOf(" - ");
        String time = line.length() > 19 ? line.substring(11, 19) : "";
        return dash < 0 ? line : time + "  " + line.substring(dash + 3);
    }

    private static Label wrapped(String text) {
        Label value = new Label(text);
        value.setWrapText(true);
        return value;
    }

    /**
     * A value to compare or paste, such as a 64-digit checksum: one line that scrolls rather than wraps over four,
     * selectable, and a button that copies it whole.
     */
    private static Node code(String text) {
        TextField value = new TextField(text);
        value.setEditable(false);
        value.getStyleClass().add(Styles.CODE_VALUE);
        // an icon: the pane is narrow, and a word would be cut to "..." beside 64 digits
        Button copy = new Button(null, new FontIcon(Feather.COPY));
        copy.setTooltip(new Tooltip(Messages.get("backups.details.copy")));
        copy.getStyleClass().addAll(Styles.Theme.SMALL, Styles.COPY_VALUE);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox row = new HBox(6, value, copy);
        row.setAlignment(Pos.CENTER_LEFT);
        GridPane.setHgrow(row, Priority.ALWAYS);
        HBox.setHgrow(value, Priority.ALWAYS);
        return row;
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.SECTION_TITLE);
        label.setWrapText(true);
        return label;
    }

    private static GridPane grid(List<BackupDetails.Field> fields) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        for (int i = 0; i < fields.size(); i++) {
            Label name = new Label(fields.get(i).name());
            name.getStyleClass().add(Styles.FIELD_NAME);
            grid.addRow(i, name, fields.get(i).code() ? code(fields.get(i).value()) : wrapped(fields.get(i).value()));
        }
        return grid;
    }
}
