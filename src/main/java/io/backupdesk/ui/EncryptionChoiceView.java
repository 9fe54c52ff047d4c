package io.backupdesk.ui;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;

/**
 * "Encrypt backups to" for a form: what the backups will be encrypted to, in words, above the stored keys to tick and
 * a field for pasted public keys, with the choice's problem under them like any field's. Built in code, as one piece
 * the connection form, the schedule editor and Back up now each place where their layout keeps it.
 */
public final class EncryptionChoiceView {
    /** The list grows to this many keys; more scroll. */
    private static final int ROWS_SHOWN = 3;
    private static final double ROW_HEIGHT = 26;

    private final VBox root = new VBox(4);

    /** @param help what choosing nothing means on this screen, under the field */
    public EncryptionChoiceView(EncryptionChoiceViewModel model, String help) {
        Label summary = new Label();
        summary.setId("encryption-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summary());
        summary.getStyleClass().add(Styles.Theme.TEXT_BOLD);

        ListView<StoredKeyOption> keys = new ListView<>(model.keys());
        keys.setId("encryption-keys");
        keys.setFixedCellSize(ROW_HEIGHT);
        // as high as its keys, up to three: no empty rows under one key, no scrolling for a few
        keys.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> Math.min(ROWS_SHOWN,
                Math.max(1, model.keys().size())) * ROW_HEIGHT + 2, model.keys()));
        keys.minHeightProperty().bind(keys.prefHeightProperty());
        // the ticks are the cells' check boxes, which the keyboard cannot reach: space ticks the selected key
        keys.setOnKeyPressed(e -> {
            StoredKeyOption selected = keys.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.SPACE && selected != null) {
                selected.chosenProperty().set(!selected.chosenProperty().get());
                e.consume();
            }
        });
        keys.setCellFactory(CheckBoxListCell.forListView(StoredKeyOption::chosenProperty,
                Views.showing(StoredKeyOption::label)));
        keys.getStyleClass().add(Styles.Theme.DENSE);
        Label noKeys = new Label(Messages.get("encryption.keys.none"));
        noKeys.setWrapText(true);
        noKeys.getStyleClass().add(Styles.MUTED);

        TextField publicKeys = new TextField();
        publicKeys.setId("encryption-public-keys");
        publicKeys.setPromptText(Messages.get("encryption.publicKeys.prompt"));
        publicKeys.textProperty().bindBidirectional(model.publicKeysProperty());
        publicKeys.getStyleClass().add(Styles.MONOSPACE);

        Label error = new Label();
        error.setId("encryption-error");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.FIELD_ERROR);
        Views.bindError(error, model.error());

        Label helpText = new Label(help);
        helpText.setWrapText(true);
        helpText.getStyleClass().add(Styles.MUTED);

        // the list takes no room while there is nothing in it to tick: a line says so instead
        keys.visibleProperty().bind(Bindings.isNotEmpty(model.keys()));
        keys.managedProperty().bind(keys.visibleProperty());
        noKeys.visibleProperty().bind(keys.visibleProperty().not());
        noKeys.managedProperty().bind(noKeys.visibleProperty());
        root.getChildren().setAll(summary, keys, noKeys, publicKeys, error, helpText);
        root.setId("encryption-choice");
    }

    public Node node() {
        return root;
    }
}
