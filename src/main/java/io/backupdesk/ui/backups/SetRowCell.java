package io.backupdesk.ui.backups;

import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Styles;
import javafx.scene.control.Button;
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
    private final Consumer<BackupRowViewModel> toggle;
    private final Predicate<BackupRowViewModel> open;

    SetRowCell(Consumer<BackupRowViewModel> toggle, Predicate<BackupRowViewModel> open) {
        this.toggle = toggle;
        this.open = open;
    }

    /** What the column shows and sorts by. */
    static String name(BackupRowViewModel row) {
        if (row.isSet()) {
            return Messages.get("backups.set.row", row.profile(), row.database());
        }
        return row.isMember() ? row.database() : row.profile() + "/" + row.database();
    }

    @Override
    protected void updateItem(BackupRowViewModel row, boolean empty) {
        super.updateItem(row, empty);
        getStyleClass().remove(Styles.SET_MEMBER_CELL);
        if (empty || row == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        setText(name(row));
        if (row.isMember()) {
            getStyleClass().add(Styles.SET_MEMBER_CELL);
        }
        if (!row.isSet()) {
            setGraphic(null);
            return;
        }
        boolean opened = open.test(row);
        Button chevron = new Button(null, new FontIcon(opened ? Feather.CHEVRON_DOWN : Feather.CHEVRON_RIGHT));
        chevron.getStyleClass().addAll(Styles.Theme.FLAT, Styles.Theme.SMALL, Styles.SET_TOGGLE);
        chevron.setTooltip(new Tooltip(Messages.get(opened ? "backups.set.close" : "backups.set.open")));
        chevron.setFocusTraversable(false);
        chevron.setOnAction(e -> {
            toggle.accept(row);
            // the rows under it come and go; the chevron is drawn again by the list
            getTableView().refresh();
        });
        setGraphic(chevron);
    }

    /** Rows that say what they are to the stylesheet, and a set's row that opens or closes on a double click. */
    static TableRow<BackupRowViewModel> row(Consumer<BackupRowViewModel> toggle) {
        TableRow<BackupRowViewModel> row = new TableRow<>() {
            @Override
            protected void updateItem(BackupRowViewModel item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll(Styles.SET_ROW, Styles.SET_MEMBER_ROW);
                if (!empty && item != null && item.isSet()) {
                    getStyleClass().add(Styles.SET_ROW);
                } else if (!empty && item != null && item.isMember()) {
                    getStyleClass().add(Styles.SET_MEMBER_ROW);
                }
            }
        };
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
