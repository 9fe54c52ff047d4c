package io.backupdesk.ui;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;

/**
 * "Copy to" for a form: where the backups will be copied, in words, above the destinations to tick, with the
 * warning and the problem of the choice under them like any field's. Built in code, as one piece the connection
 * form, the schedule editor and Back up now each place where their layout keeps it.
 */
public final class CopyChoiceView {
    /** The list grows to this many destinations; more scroll. */
    private static final int ROWS_SHOWN = 3;
    private static final double ROW_HEIGHT = 26;

    private final VBox root = new VBox(4);

    /** @param help what choosing nothing means on this screen, under the field */
    public CopyChoiceView(CopyChoiceViewModel model, String help) {
        Label summary = new Label();
        summary.setId("copy-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summary());
        summary.getStyleClass().add(Styles.Theme.TEXT_BOLD);

        ListView<DestinationOption> destinations = new ListView<>(model.destinations());
        destinations.setId("copy-destinations");
        destinations.setFixedCellSize(ROW_HEIGHT);
        destinations.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> Math.min(ROWS_SHOWN,
                Math.max(1, model.destinations().size())) * ROW_HEIGHT + 2, model.destinations()));
        destinations.minHeightProperty().bind(destinations.prefHeightProperty());
        // the ticks are the cells' check boxes, which the keyboard cannot reach: space ticks the selected one
        destinations.setOnKeyPressed(e -> {
            DestinationOption selected = destinations.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.SPACE && selected != null) {
                selected.chosenProperty().set(!selected.chosenProperty().get());
                e.consume();
            }
        });
        destinations.setCellFactory(CheckBoxListCell.forListView(DestinationOption::chosenProperty,
                Views.showing(DestinationOption::label)));
        destinations.getStyleClass().add(Styles.Theme.DENSE);
        Label none = new Label(Messages.get("copy.destinations.none"));
        none.setWrapText(true);
        none.getStyleClass().add(Styles.MUTED);

        Label warning = new Label();
        warning.setId("copy-warning");
        warning.setWrapText(true);
        warning.getStyleClass().add(Styles.TONE_WARNING);
        Views.bindError(warning, model.warning());

        Label error = new Label();
        error.setId("copy-error");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.FIELD_ERROR);
        Views.bindError(error, model.error());

        Label helpText = new Label(help);
        helpText.setWrapText(true);
        helpText.getStyleClass().add(Styles.MUTED);

        // the list takes no room while there is nothing in it to tick: a line says so instead
        destinations.visibleProperty().bind(Bindings.isNotEmpty(model.destinations()));
        destinations.managedProperty().bind(destinations.visibleProperty());
        none.visibleProperty().bind(destinations.visibleProperty().not());
        none.managedProperty().bind(none.visibleProperty());
        root.getChildren().setAll(summary, destinations, none, warning, error, helpText);
        root.setId("copy-choice");
    }

    public Node node() {
        return root;
    }
}
