package io.backupdesk.ui.backups;

import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Draws a set's details into the pane: the set as a whole, then each database with its backup's state or why it has
 * none, then the databases the connection left out.
 */
final class SetDetailsPane {
    private SetDetailsPane() { }

    static void render(VBox pane, SetDetails details) {
        Label title = new Label(details.title());
        title.getStyleClass().add(Styles.DETAILS_TITLE);
        title.setWrapText(true);
        Label summary = BackupDetailsPane.wrapped(details.summary());
        summary.getStyleClass().addAll(Styles.Theme.TEXT_BOLD, Styles.status(details.status()));
        summary.setId("set-summary");
        pane.getChildren().setAll(title, summary, BackupDetailsPane.grid(details.fields()),
                BackupDetailsPane.section(Messages.get("backups.set.members")));
        details.members().forEach(member -> pane.getChildren().add(member(member)));
        pane.getChildren().add(BackupDetailsPane.section(Messages.get("backups.set.excluded")));
        Label excluded = BackupDetailsPane.wrapped(details.excluded().isEmpty()
                ? Messages.get("backups.set.noneExcluded") : String.join(", ", details.excluded()));
        excluded.getStyleClass().add(Styles.MUTED);
        excluded.setId("set-excluded");
        pane.getChildren().add(excluded);
    }

    /** A database: its name and state, then its backup's size and id, or why it could not be backed up. */
    private static Node member(SetDetails.MemberLine member) {
        Label name = new Label(member.database());
        name.getStyleClass().add(Styles.FIELD_NAME);
        Label status = new Label(member.status());
        status.getStyleClass().addAll(Styles.Theme.TEXT_BOLD, member.failed() ? Styles.TONE_BAD
                : Styles.status(member.backup()));
        HBox head = new HBox(8, name, status);
        head.setAlignment(Pos.CENTER_LEFT);
        Label text = BackupDetailsPane.wrapped(member.text());
        if (!member.failed()) {
            text.getStyleClass().add(Styles.MUTED);
        }
        VBox line = new VBox(2, head, text);
        line.getStyleClass().add(Styles.SET_MEMBER);
        line.setId("member-" + member.database());
        return line;
    }
}
