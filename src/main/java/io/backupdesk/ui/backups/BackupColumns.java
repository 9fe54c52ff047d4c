package io.backupdesk.ui.backups;

import io.backupdesk.ui.ColumnFit.Need;
import io.backupdesk.ui.FittedColumns;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The widths of the backup list's columns: each as wide as its texts when the table has the room, else the database,
 * the time, the size, the duration and the status are kept whole (the table scrolls sideways before it cuts them), the
 * server and the label give way first, then the format, the origin and the copies; a cut server, label or origin shows
 * its whole text in a tooltip. The columns are found by their ids, so that a column added to the layout needs nothing
 * here: it keeps the width the layout gives it and gives way first.
 */
final class BackupColumns {
    /** A set's chevron beside its (bold) name, or a set's database indented under it. */
    private static final double SET_NAME_EXTRA = 20;
    private static final double SET_MEMBER_EXTRA = 16;

    private BackupColumns() { }

    /** @param origins who made each backup, in words: as the list read it last */
    static void fit(TableView<BackupRowViewModel> table, Supplier<OriginText> origins) {
        FittedColumns<BackupRowViewModel> fitted = new FittedColumns<>(table);
        // a set's name goes on to say how many databases it has: that tail gives way before a useful column does
        fitted.fit(column(table, "databaseColumn"), Need.ESSENTIAL, 100, row -> !row.isSet(), 320,
                BackupRowViewModel::listName,
                row -> row.isSet() ? SET_NAME_EXTRA : row.isMember() ? SET_MEMBER_EXTRA : 0, BackupRowViewModel::isSet);
        fitted.fit(column(table, "createdColumn"), Need.ESSENTIAL, 110, 200, BackupRowViewModel::created);
        fitted.fit(column(table, "sizeColumn"), Need.ESSENTIAL, 60, 120, BackupRowViewModel::size);
        fitted.fit(column(table, "statusColumn"), Need.ESSENTIAL, 70, 160, BackupRowViewModel::status);
        fitted.fit(column(table, "durationColumn"), Need.ESSENTIAL, 60, 120, BackupRowViewModel::duration);
        // a schedule's name or a front end is kept whole; another desk's schedule, a removed one, gives way sooner
        fitted.fit(column(table, "originColumn"), Need.USEFUL, 60, row -> origins.get().isShort(row), 280,
                row -> origins.get().of(row), row -> 0, row -> false);
        fitted.fit(column(table, "formatColumn"), Need.USEFUL, 55, 110, BackupRowViewModel::format);
        fitted.fit(column(table, "copiesColumn"), Need.USEFUL, 60, 160,
                row -> row.copies().isEmpty() ? "" : row.copiesText());
        fitted.fit(column(table, "serverColumn"), Need.SPARE, 60, 260, BackupRowViewModel::server);
        fitted.fit(column(table, "labelColumn"), Need.SPARE, 40, 260, BackupRowViewModel::label);
        for (TableColumn<BackupRowViewModel, ?> column : table.getColumns()) {
            // the rule's minimum, not the layout's: the fit decides how far a column gives way
            column.setMinWidth(Math.min(column.getMinWidth(), 40));
        }
        withTooltip(column(table, "serverColumn"));
        withTooltip(column(table, "labelColumn"));
        withTooltip(column(table, "originColumn"));
        fitted.install();
    }

    /**
     * A column no backup has anything in takes no room: the pin shows once a backup is pinned, the lock once one is
     * encrypted, the copies once one is copied off the desk.
     */
    static void hideWhileEmpty(TableView<BackupRowViewModel> table, ObservableList<BackupRowViewModel> rows) {
        shownWhenAny(column(table, "pinnedColumn"), rows, BackupRowViewModel::pinned);
        shownWhenAny(column(table, "encryptedColumn"), rows, BackupRowViewModel::encrypted);
        shownWhenAny(column(table, "copiesColumn"), rows, row -> !row.copies().isEmpty());
    }

    private static void shownWhenAny(TableColumn<BackupRowViewModel, ?> column, ObservableList<BackupRowViewModel> rows,
                                     Predicate<BackupRowViewModel> has) {
        column.visibleProperty().bind(Bindings.createBooleanBinding(() -> rows.stream().anyMatch(has), rows));
    }

    @SuppressWarnings("unchecked")
    private static <T> TableColumn<BackupRowViewModel, T> column(TableView<BackupRowViewModel> table, String id) {
        return (TableColumn<BackupRowViewModel, T>) table.getColumns().stream().filter(c -> id.equals(c.getId()))
                .findFirst().orElseThrow(() -> new IllegalStateException("the backup list has no column " + id));
    }

    /** A text cell that shows its whole text in a tooltip, for when the column gave way and cut it. */
    private static void withTooltip(TableColumn<BackupRowViewModel, String> column) {
        column.setCellFactory(c -> new TableCell<>() {
            private final Tooltip whole = new Tooltip();

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                boolean shown = !empty && text != null && !text.isEmpty();
                setText(shown ? text : null);
                whole.setText(shown ? text : "");
                setTooltip(shown ? whole : null);
            }
        });
    }
}
