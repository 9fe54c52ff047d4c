package io.backupdesk.ui.backups;

import io.backupdesk.core.JobRun;
import io.backupdesk.offsite.CopyState;
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
import java.util.function.Function;

/**
 * Draws a backup's details into the pane: its metadata, its verification, its copies off the desk, its tables with
 * their rows.
 */
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
        pane.getChildren().setAll(title, grid(details.fields()), verificationTitle, verification);
        if (!details.copies().isEmpty()) {
            pane.getChildren().add(section(Messages.get("backups.copies.title")));
            details.copies().forEach(copy -> pane.getChildren().add(copy(copy)));
        }
        pane.getChildren().addAll(section(Messages.get("backups.details.tables")),
                details.tables().isEmpty() ? noTables : grid(details.tables()));
    }

    /** One destination's copy: its name and state, what happened, and the checksum it confirmed, short, to copy. */
    private static Node copy(BackupDetails.CopyLine copy) {
        Label name = new Label(copy.destination());
        name.getStyleClass().add(Styles.FIELD_NAME);
        Label status = new Label(copy.status());
        status.getStyleClass().addAll(Styles.Theme.TEXT_BOLD, tone(copy.state()));
        HBox head = new HBox(8, name, status);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox line = new VBox(2, head, wrapped(copy.text()));
        if (copy.sha256() != null) {
            Label sha = new Label(Formats.checksum(copy.sha256()));
            sha.getStyleClass().add(Styles.MONOSPACE);
            sha.setTooltip(new Tooltip(copy.sha256()));
            Button button = copyButton(copy.sha256());
            Label what = new Label(Messages.get("backups.details.sha256"));
            what.getStyleClass().add(Styles.MUTED);
            HBox checksum = new HBox(6, what, sha, button);
            checksum.setAlignment(Pos.CENTER_LEFT);
            line.getChildren().add(checksum);
        }
        line.getStyleClass().add(Styles.COPY_LINE);
        line.setId("copy-" + copy.destination());
        return line;
    }

    /**
     * The colour of a copy's state: confirmed is good, still waiting a warning, failed or damaged bad; one deleted by
     * its destination's retention went as asked, and is only said.
     */
    static String tone(CopyState.Status state) {
        return switch (state) {
            case OK -> Styles.TONE_GOOD;
            case PENDING -> Styles.TONE_WARNING;
            case FAILED, CORRUPT -> Styles.TONE_BAD;
            case REMOVED -> Styles.MUTED;
        };
    }

    /**
     * The run that made the backup, and its lines in the app's log.
     *
     * @param origins a stored origin in words
     */
    static void renderJob(VBox pane, CatalogOperations.JobLog log, Function<String, String> origins) {
        pane.getChildren().clear();
        if (log == null) {
            return;
        }
        if (log.command() != null) {
            // a command is read, unlike a checksum: wrapped in full, with the button that copies it whole
            Label command = wrapped(log.command());
            command.getStyleClass().add(Styles.MONOSPACE);
            command.setId("made-by-command");
            HBox title = new HBox(6, section(Messages.get("backups.details.command")), copyButton(log.command()));
            title.setAlignment(Pos.CENTER_LEFT);
            pane.getChildren().addAll(title, command);
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
                new BackupDetails.Field(Messages.get("backups.job.origin"), origins.apply(run.origin())))));
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

    static Label wrapped(String text) {
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
        HBox row = new HBox(6, value, copyButton(text));
        row.setAlignment(Pos.CENTER_LEFT);
        GridPane.setHgrow(row, Priority.ALWAYS);
        HBox.setHgrow(value, Priority.ALWAYS);
        return row;
    }

    /** An icon: the pane is narrow, and a word would be cut to "..." beside 64 digits. */
    private static Button copyButton(String text) {
        Button copy = new Button(null, new FontIcon(Feather.COPY));
        copy.setTooltip(new Tooltip(Messages.get("backups.details.copy")));
        copy.getStyleClass().addAll(Styles.Theme.SMALL, Styles.COPY_VALUE);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        });
        return copy;
    }

    static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.SECTION_TITLE);
        label.setWrapText(true);
        return label;
    }

    static GridPane grid(List<BackupDetails.Field> fields) {
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
