package io.backupdesk.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.input.KeyCode;

import java.util.function.Function;

/**
 * A short list of options to tick, as the "Encrypt backups to" and "Copy to" choices show theirs: as high as its
 * options up to three rows (more scroll), space ticks the selected one, and while there is nothing to tick a line
 * says so in its place.
 *
 * @param list the list; put both it and {@code none} in the layout, only one of them shows
 * @param none the line shown instead of an empty list
 */
public record TickList<T>(ListView<T> list, Label none) {
    private static final int ROWS_SHOWN = 3;
    private static final double ROW_HEIGHT = 26;

    public static <T> TickList<T> of(ObservableList<T> options, String id, Function<T, BooleanProperty> chosen,
                                     Function<T, String> label, String noneText) {
        ListView<T> list = new ListView<>(options);
        list.setId(id);
        list.setFixedCellSize(ROW_HEIGHT);
        // as high as its options, up to three: no empty rows under one, no scrolling for a few
        list.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> Math.min(ROWS_SHOWN,
                Math.max(1, options.size())) * ROW_HEIGHT + 2, options));
        list.minHeightProperty().bind(list.prefHeightProperty());
        // the ticks are the cells' check boxes, which the keyboard cannot reach: space ticks the selected one
        list.setOnKeyPressed(e -> {
            T selected = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.SPACE && selected != null) {
                chosen.apply(selected).set(!chosen.apply(selected).get());
                e.consume();
            }
        });
        list.setCellFactory(CheckBoxListCell.forListView(chosen::apply, Views.showing(label)));
        list.getStyleClass().add(Styles.Theme.DENSE);
        Label none = new Label(noneText);
        none.setWrapText(true);
        none.getStyleClass().add(Styles.MUTED);
        // the list takes no room while there is nothing in it to tick: the line says so instead
        list.visibleProperty().bind(Bindings.isNotEmpty(options));
        list.managedProperty().bind(list.visibleProperty());
        none.visibleProperty().bind(list.visibleProperty().not());
        none.managedProperty().bind(none.visibleProperty());
        return new TickList<>(list, none);
    }
}
