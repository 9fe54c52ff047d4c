package io.backupdesk.ui.connections;

import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.SslMode;
import io.backupdesk.ui.Confirm;
import io.backupdesk.ui.CopyChoiceView;
import io.backupdesk.ui.EncryptionChoiceView;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Styles;
import io.backupdesk.ui.Views;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.Arrays;

/** Connections: the profile list beside the form; validation messages under their fields; the test's findings. */
public final class ConnectionsView {
    @FXML private BorderPane root;
    @FXML private Button newButton;
    @FXML private ListView<ConnectionProfile> list;
    @FXML private VBox formBox;
    @FXML private Label emptyHint;
    @FXML private TextField uri;
    @FXML private Button applyUri;
    @FXML private Label uriError;
    @FXML private TextField name;
    @FXML private Label nameError;
    @FXML private TextField host;
    @FXML private Label hostError;
    @FXML private TextField port;
    @FXML private Label portError;
    @FXML private CheckBox wholeServer;
    @FXML private Label databaseLabel;
    @FXML private TextField database;
    @FXML private Label databaseError;
    @FXML private TextField user;
    @FXML private Label userError;
    @FXML private ComboBox<SslMode> sslMode;
    @FXML private PasswordField password;
    @FXML private CheckBox savePassword;
    @FXML private Label passwordStored;
    @FXML private Label scopeLabel;
    @FXML private VBox scopeBox;
    @FXML private TextField include;
    @FXML private TextField exclude;
    @FXML private Label patternsError;
    @FXML private Button find;
    @FXML private Label foundSummary;
    @FXML private ListView<FoundDatabase> found;
    @FXML private VBox encryptionBox;
    @FXML private VBox copiesBox;
    @FXML private ComboBox<ConnectionFormViewModel.PresetChoice> preset;
    @FXML private Button save;
    @FXML private Button test;
    @FXML private Button delete;
    @FXML private Label message;
    @FXML private VBox outcome;

    private final ConnectionsViewModel model;

    public ConnectionsView(ConnectionsViewModel model) {
        this.model = model;
        Views.load(this);
        bindList();
        bindForm();
        bindActions();
    }

    public Node node() {
        return root;
    }

    private void bindList() {
        list.setItems(model.profiles());
        list.setCellFactory(l -> new ListCell<>() {
            {
                // as wide as the list, never wider: long addresses are cut with an ellipsis, not scrolled
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(ConnectionProfile p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null) {
                    setGraphic(null);
                    return;
                }
                Label title = new Label(p.name());
                title.getStyleClass().add(Styles.PROFILE_NAME);
                Label where = new Label(ConnectionsViewModel.where(p));
                where.getStyleClass().add(Styles.MUTED);
                if (!p.wholeServer()) {
                    setGraphic(new VBox(2, title, where));
                    return;
                }
                Label kind = new Label(Messages.get("connections.list.server"));
                kind.getStyleClass().add(Styles.SERVER_KIND);
                Label scope = new Label(ConnectionsViewModel.scope(p));
                scope.getStyleClass().add(Styles.MUTED);
                setGraphic(new VBox(2, new HBox(6, title, kind), where, scope));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now != model.selectedProperty().get()) {
                model.select(now);
            }
        });
        model.selectedProperty().addListener((o, was, now) -> {
            if (now == null) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().select(now);
            }
        });
        emptyHint.visibleProperty().bind(Bindings.isEmpty(model.profiles()));
        emptyHint.managedProperty().bind(emptyHint.visibleProperty());
    }

    private void bindForm() {
        ConnectionFormViewModel form = model.form();
        formBox.disableProperty().bind(model.formOpenProperty().not());
        uri.textProperty().bindBidirectional(form.uriProperty());
        name.textProperty().bindBidirectional(form.nameProperty());
        host.textProperty().bindBidirectional(form.hostProperty());
        port.textProperty().bindBidirectional(form.portProperty());
        database.textProperty().bindBidirectional(form.databaseProperty());
        user.textProperty().bindBidirectional(form.userProperty());
        password.textProperty().bindBidirectional(form.passwordProperty());
        savePassword.selectedProperty().bindBidirectional(form.savePasswordProperty());
        sslMode.getItems().setAll(Arrays.asList(SslMode.values()));
        sslMode.setConverter(Views.showing(SslMode::libpqName));
        sslMode.valueProperty().bindBidirectional(form.sslModeProperty());
        Views.bindError(uriError, form.uriErrorProperty());
        Views.bindError(nameError, form.nameError());
        Views.bindError(hostError, form.hostError());
        Views.bindError(portError, form.portError());
        Views.bindError(databaseError, form.databaseError());
        Views.bindError(userError, form.userError());
        bindServer(form);
        encryptionBox.getChildren().setAll(new EncryptionChoiceView(form.encryption(),
                Messages.get("connections.form.encryption.help")).node());
        copiesBox.getChildren().setAll(new CopyChoiceView(form.copies(), Messages.get("copy.help.connection")).node());
        preset.setItems(form.presetChoices());
        preset.setConverter(Views.showing(ConnectionsView::presetText));
        preset.valueProperty().bindBidirectional(form.presetProperty());
        passwordStored.visibleProperty().bind(model.passwordStoredProperty());
        passwordStored.managedProperty().bind(passwordStored.visibleProperty());
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        model.outcomeProperty().addListener((o, was, now) -> showOutcome(now));
        showOutcome(null);
    }

    /** The server toggle: the database becomes the login one, and the patterns and the databases found show. */
    private void bindServer(ConnectionFormViewModel form) {
        wholeServer.selectedProperty().bindBidirectional(form.wholeServerProperty());
        databaseLabel.textProperty().bind(Bindings.when(form.wholeServerProperty())
                .then(Messages.get("connections.form.loginDatabase")).otherwise(Messages.get("connections.form.database")));
        include.textProperty().bindBidirectional(form.includeProperty());
        exclude.textProperty().bindBidirectional(form.excludeProperty());
        Views.bindError(patternsError, form.patternsError());
        for (Node node : new Node[] {scopeLabel, scopeBox}) {
            node.visibleProperty().bind(form.wholeServerProperty());
            node.managedProperty().bind(node.visibleProperty());
        }
        find.disableProperty().bind(model.canFind().not());
        find.setOnAction(e -> model.findDatabases());
        foundSummary.textProperty().bind(model.foundSummaryProperty());
        found.setItems(model.found());
        found.visibleProperty().bind(Bindings.isNotEmpty(model.found()));
        found.managedProperty().bind(found.visibleProperty());
        found.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(FoundDatabase database, boolean empty) {
                super.updateItem(database, empty);
                getStyleClass().remove(Styles.FOUND_EXCLUDED);
                if (empty || database == null) {
                    setText(null);
                    return;
                }
                setText(database.excluded() ? Messages.get("connections.found.excluded", database.name())
                        : database.name());
                if (database.excluded()) {
                    getStyleClass().add(Styles.FOUND_EXCLUDED);
                }
            }
        });
    }

    private void bindActions() {
        newButton.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            model.newProfile();
            name.requestFocus();
        });
        applyUri.setOnAction(e -> model.applyUri());
        uri.setOnAction(e -> model.applyUri());
        save.disableProperty().bind(model.canSave().not());
        save.setOnAction(e -> model.save());
        test.disableProperty().bind(model.canTest().not());
        test.setOnAction(e -> model.test());
        delete.disableProperty().bind(model.selectedProperty().isNull());
        delete.setOnAction(e -> Confirm.before(root, model.deleteQuestion(), model::delete));
    }

    /** "The settings' defaults", "lean: no owners", "lean (not found)". */
    private static String presetText(ConnectionFormViewModel.PresetChoice choice) {
        if (choice.name() == null) {
            return Messages.get("connections.form.preset.defaults");
        }
        if (choice.missing()) {
            return Messages.get("connections.form.preset.missing", choice.name());
        }
        return choice.description() == null ? choice.name()
                : Messages.get("connections.form.preset.described", choice.name(), choice.description());
    }

    private void showOutcome(TestOutcome result) {
        outcome.getStyleClass().removeAll(Styles.TEST_PASSED, Styles.TEST_FAILED);
        outcome.setVisible(result != null);
        outcome.setManaged(result != null);
        if (result == null) {
            outcome.getChildren().clear();
            return;
        }
        outcome.getStyleClass().add(result.ok() ? Styles.TEST_PASSED : Styles.TEST_FAILED);
        Label headline = new Label(result.headline());
        headline.getStyleClass().add(Styles.OUTCOME_HEADLINE);
        headline.setWrapText(true);
        outcome.getChildren().setAll(headline);
        result.lines().forEach(line -> {
            Label label = new Label(line);
            label.setWrapText(true);
            outcome.getChildren().add(label);
        });
        if (!result.hint().isBlank()) {
            Label hint = new Label(result.hint());
            hint.setWrapText(true);
            hint.getStyleClass().add(Styles.MUTED);
            outcome.getChildren().add(hint);
        }
    }
}
