package io.backupdesk.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * "Copy to" for a form: where the backups will be copied, in words, above the destinations to tick, with the
 * warning and the problem of the choice under them like any field's. Built in code, as one piece the connection
 * form, the schedule editor and Back up now each place where their layout keeps it.
 */
public final class CopyChoiceView {
    private final VBox root = new VBox(4);

    /** @param help what choosing nothing means on this screen, under the field */
    public CopyChoiceView(CopyChoiceViewModel model, String help) {
        Label summary = new Label();
        summary.setId("copy-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summary());
        summary.getStyleClass().add(Styles.Theme.TEXT_BOLD);

        TickList<DestinationOption> destinations = TickList.of(model.destinations(), "copy-destinations",
                DestinationOption::chosenProperty, DestinationOption::label, Messages.get("copy.destinations.none"));

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

        root.getChildren().setAll(summary, destinations.list(), destinations.none(), warning, error, helpText);
        root.setId("copy-choice");
    }

    public Node node() {
        return root;
    }
}
