package io.backupdesk.ui.backups;

import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Styles;
import javafx.scene.Cursor;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The database column: "profile/database" for a backup; for a set, a chevron that opens it into its databases and
 * "profile · 3 databases"; a set's database indented under it.
 */
final class SetRowCell extends TableCell<BackupRowViewModel, BackupRowViewModel> {
    private final Predicate<BackupRowViewModel> open;
    private final FontIcon chevron = new FontIcon(Feather.CHEVRON_RIGHT);

    SetRowCell(Consumer<BackupRowViewModel> toggle, Predicate<BackupRowViewModel> open) {
        this.open = open;
        // an icon, not a button: the column is narrow at the window's usual size, and a button's padding costs letters
        chevron.getStyleClass().add(Styles.SET_TOGGLE);
        chevron.setCursor(Cursor.HAND);
        chevron.setOnMouseClicked(e -> {
            toggle.accept(getItem());
            // the rows under it come and go, and the chevron turns
            getTableView().refresh();
            e.consume();
        });
    }

    @Override
    protected void updateItem(BackupRowViewModel row, boolean empty) {
        super.updateItem(row, empty);
        getStyleClass().removeAll(Styles.SET_MEMBER_CELL, Styles.SET_NAME_CELL);
        setTooltip(null);
        setGraphic(null);
        if (empty || row == null) {
            setText(null);
            return;
        }
        setText(row.listName());
        if (row.isMember()) {
            getStyleClass().add(Styles.SET_MEMBER_CELL);
        }
        if (row.isSet()) {
            boolean opened = open.test(row);
            chevron.setIconCode(opened ? Feather.CHEVRON_DOWN : Feather.CHEVRON_RIGHT);
            getStyleClass().add(Styles.SET_NAME_CELL);
            setTooltip(new Tooltip(Messages.get(opened ? "backups.set.close" : "backups.set.open", row.listName())));
            setGraphic(chevron);
        }
    }

    /** Rows on which a double click opens or closes a set. */
    static TableRow<BackupRowViewModel> row(Consumer<BackupRowViewModel> toggle) {
        TableRow<BackupRowViewModel> row = new TableRow<>();
        row.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && row.getItem() != null
                    && row.getItem().isSet()) {
                toggle.accept(row.getItem());
                row.getTableView().refresh();
            }
        });
        return row;
    }
}
