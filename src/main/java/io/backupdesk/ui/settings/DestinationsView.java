package io.backupdesk.ui.settings;

import io.backupdesk.core.Destination;
import io.backupdesk.ui.Confirm;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Styles;
import io.backupdesk.ui.Views;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The Destinations section of the settings: Add (one item per kind), the outcome of the last action, the question
 * about an SFTP server's host key when a test meets one, and one row per destination with Test, Edit and Remove.
 */
public final class DestinationsView {
    @FXML private VBox root;
    @FXML private MenuButton add;
    @FXML private MenuItem addFolder;
    @FXML private MenuItem addS3;
    @FXML private MenuItem addSftp;
    @FXML private Label empty;
    @FXML private Label message;
    @FXML private VBox question;
    @FXML private VBox list;

    private final DestinationsViewModel model;

    public DestinationsView(DestinationsViewModel model) {
        this.model = model;
        Views.load(this);
        addFolder.setOnAction(e -> open(model.newForm(Destination.Kind.FOLDER)));
        addS3.setOnAction(e -> open(model.newForm(Destination.Kind.S3)));
        addSftp.setOnAction(e -> open(model.newForm(Destination.Kind.SFTP)));
        empty.visibleProperty().bind(model.loadedProperty().and(Bindings.isEmpty(model.rows())));
        empty.managedProperty().bind(empty.visibleProperty());
        message.setId("destinations-message");
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        model.failedProperty().addListener((o, was, now) -> tone());
        model.warnedProperty().addListener((o, was, now) -> tone());
        model.messageProperty().addListener((o, was, now) -> tone());
        question.getChildren().setAll(HostKeyQuestion.of(model.offerProperty(), model::trustOffered,
                model::refuseOffered));
        model.rows().addListener((ListChangeListener<DestinationRowViewModel>) c -> render());
        render();
    }

    public Node node() {
        return root;
    }

    private void open(DestinationFormViewModel form) {
        DestinationDialog.show(root.getScene().getWindow(), model, form, root.getStylesheets());
    }

    private void tone() {
        message.getStyleClass().removeAll(Styles.TONE_GOOD, Styles.TONE_WARNING, Styles.TONE_BAD);
        message.getStyleClass().add(model.failedProperty().get() ? Styles.TONE_BAD
                : model.warnedProperty().get() ? Styles.TONE_WARNING : Styles.TONE_GOOD);
    }

    private void render() {
        list.getChildren().setAll(model.rows().stream().map(this::row).toList());
    }

    private Node row(DestinationRowViewModel destination) {
        Label name = new Label(destination.name());
        name.getStyleClass().add(Styles.DESTINATION_NAME);
        Label kind = new Label(destination.kindText());
        kind.getStyleClass().add(Styles.DESTINATION_KIND);
        HBox title = new HBox(8, name, kind);
        title.setAlignment(Pos.CENTER_LEFT);
        Label url = new Label(destination.url());
        url.getStyleClass().add(Styles.MONOSPACE);
        url.setWrapText(true);
        Label retention = muted(destination.retentionText());
        VBox row = new VBox(title, url, retention);
        if (destination.onlyEncrypted()) {
            row.getChildren().add(muted(Messages.get("destinations.onlyEncrypted")));
        }
        if (!destination.secretsText().isEmpty()) {
            row.getChildren().add(muted(destination.secretsText()));
        }
        Button test = button(Messages.get("destinations.test"), e -> model.test(destination));
        test.setId("test-" + destination.name());
        test.disableProperty().bind(model.testingProperty().or(model.offerProperty().isNotNull()));
        Button edit = button(Messages.get("destinations.edit"), e -> open(model.editForm(destination)));
        edit.setId("edit-" + destination.name());
        Button remove = button(Messages.get("destinations.remove"), e -> Confirm.before(root,
                model.removeQuestion(destination), () -> model.remove(destination)));
        remove.setId("remove-" + destination.name());
        remove.getStyleClass().addAll(Styles.Theme.DANGER, Styles.Theme.OUTLINED);
        row.getChildren().add(new FlowPane(8, 6, test, edit, remove));
        row.getStyleClass().add(Styles.DESTINATION_ROW);
        row.setId("destination-" + destination.name());
        return row;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(Styles.MUTED);
        return label;
    }

    private static Button button(String text, EventHandler<ActionEvent> action) {
        Button button = new Button(text);
        button.setMinWidth(Button.USE_PREF_SIZE);
        button.setMnemonicParsing(false);
        button.setOnAction(action);
        return button;
    }
}
