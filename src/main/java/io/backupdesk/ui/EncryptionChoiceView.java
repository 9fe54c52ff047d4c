package io.backupdesk.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * "Encrypt backups to" for a form: what the backups will be encrypted to, in words, above the stored keys to tick and
 * a field for pasted public keys, with the choice's problem under them like any field's. Built in code, as one piece
 * the connection form, the schedule editor and Back up now each place where their layout keeps it.
 */
public final class EncryptionChoiceView {
    private final VBox root = new VBox(4);

    /** @param help what choosing nothing means on this screen, under the field */
    public EncryptionChoiceView(EncryptionChoiceViewModel model, String help) {
        Label summary = new Label();
        summary.setId("encryption-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summary());
        summary.getStyleClass().add(Styles.Theme.TEXT_BOLD);

        TickList<StoredKeyOption> keys = TickList.of(model.keys(), "encryption-keys", StoredKeyOption::chosenProperty,
                StoredKeyOption::label, Messages.get("encryption.keys.none"));

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

        root.getChildren().setAll(summary, keys.list(), keys.none(), publicKeys, error, helpText);
        root.setId("encryption-choice");
    }

    public Node node() {
        return root;
    }
}
