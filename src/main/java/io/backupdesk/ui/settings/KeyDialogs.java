package io.backupdesk.ui.settings;

import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Styles;
import io.backupdesk.ui.Views;
import io.backupdesk.ui.WindowSizes;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;

/**
 * The Generate and Import dialogs of the Keys section. Each stays open while its work runs, shows why it failed, and
 * closes when its form says it is done; the work itself is the ViewModel's.
 */
final class KeyDialogs {
    /*
     * High enough for every message the form can show: a dialog sized to its content when it opens does not grow
     * when an error appears under a field, and the error then covered the buttons.
     */
    private static final WindowSizes.Request GENERATE_SIZE = new WindowSizes.Request(560, 400, 420, 340);
    private static final WindowSizes.Request IMPORT_SIZE = new WindowSizes.Request(660, 480, 480, 420);

    private KeyDialogs() { }

    static void generate(Window owner, KeysViewModel model) {
        NewKeyFormViewModel form = model.newKeyForm();
        TextField name = field("key-name", form.nameProperty());
        PasswordField passphrase = new PasswordField();
        passphrase.setId("key-passphrase");
        passphrase.textProperty().bindBidirectional(form.passphraseProperty());
        PasswordField repeated = new PasswordField();
        repeated.setId("key-passphrase-repeated");
        repeated.textProperty().bindBidirectional(form.repeatedProperty());
        GridPane grid = grid();
        grid.addRow(0, new Label(Messages.get("settings.keys.name")), name);
        grid.add(error(form.nameError()), 1, 1);
        grid.addRow(2, new Label(Messages.get("settings.keys.passphrase")), passphrase);
        grid.addRow(3, new Label(Messages.get("settings.keys.passphrase.repeat")), repeated);
        grid.add(error(form.passphraseError()), 1, 4);
        grid.add(muted(Messages.get("settings.keys.passphrase.help")), 1, 5);
        VBox content = form(muted(Messages.get("settings.keys.generate.help")), grid, working(form.busyProperty()),
                error(form.errorProperty()));
        show(owner, Messages.get("settings.keys.generate.title"), Messages.get("settings.keys.generate.action"), "generate-key",
                content, GENERATE_SIZE, form.canGenerate(), form.doneProperty(), () -> model.generate(form), name);
    }

    static void importKey(Window owner, KeysViewModel model) {
        ImportKeyFormViewModel form = model.importForm();
        TextField name = field("key-name", form.nameProperty());
        ToggleGroup sources = new ToggleGroup();
        RadioButton fromFile = radio(sources, Messages.get("settings.keys.import.fromFile"), "import-from-file");
        RadioButton fromText = radio(sources, Messages.get("settings.keys.import.fromPublicKey"), "import-from-public-key");
        sources.selectToggle(form.sourceProperty().get() == ImportKeyFormViewModel.Source.FILE ? fromFile : fromText);
        sources.selectedToggleProperty().addListener((o, was, now) -> form.sourceProperty().set(
                now == fromText ? ImportKeyFormViewModel.Source.PUBLIC_KEY : ImportKeyFormViewModel.Source.FILE));
        form.sourceProperty().addListener((o, was, now) ->
                sources.selectToggle(now == ImportKeyFormViewModel.Source.FILE ? fromFile : fromText));
        TextField file = field("import-file", form.fileProperty());
        file.disableProperty().bind(fromFile.selectedProperty().not());
        Button browse = new Button(Messages.get("settings.keys.import.browse"));
        browse.setMinWidth(Button.USE_PREF_SIZE);
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Messages.get("settings.keys.import.title"));
            chooser.setInitialDirectory(KeysView.home());
            File chosen = chooser.showOpenDialog(browse.getScene().getWindow());
            if (chosen != null) {
                form.fileChosen(chosen.toPath());
            }
        });
        HBox fileRow = new HBox(8, file, browse);
        HBox.setHgrow(file, Priority.ALWAYS);
        TextField publicKey = field("import-public-key", form.publicKeyProperty());
        publicKey.setPromptText("age1…");
        publicKey.getStyleClass().add(Styles.MONOSPACE);
        publicKey.disableProperty().bind(fromText.selectedProperty().not());
        PasswordField passphrase = new PasswordField();
        passphrase.setId("import-passphrase");
        passphrase.textProperty().bindBidirectional(form.passphraseProperty());
        Label passphraseLabel = new Label(Messages.get("settings.keys.import.passphrase"));
        shownWhen(form.passphraseNeededProperty(), passphrase, passphraseLabel);
        form.passphraseNeededProperty().addListener((o, was, now) -> {
            if (now) {
                passphrase.requestFocus();
            }
        });
        GridPane grid = grid();
        grid.add(fromFile, 0, 0, 2, 1);
        grid.add(fileRow, 1, 1);
        grid.add(muted(Messages.get("settings.keys.import.fromFile.help")), 1, 2);
        grid.add(fromText, 0, 3, 2, 1);
        grid.add(publicKey, 1, 4);
        grid.add(error(form.publicKeyError()), 1, 5);
        grid.addRow(6, passphraseLabel, passphrase);
        grid.addRow(7, new Label(Messages.get("settings.keys.name")), name);
        grid.add(error(form.nameError()), 1, 8);
        VBox content = form(grid, working(form.busyProperty()), error(form.errorProperty()));
        show(owner, Messages.get("settings.keys.import.title"), Messages.get("settings.keys.import.action"), "import-key",
                content, IMPORT_SIZE, form.canImport(), form.doneProperty(), () -> model.importKey(form), file);
    }

    /** The dialog: its action runs the work and keeps it open; it closes when the form is done. */
    private static void show(Window owner, String title, String action, String actionId, Node content,
                             WindowSizes.Request size, BooleanBinding canAct, ReadOnlyBooleanProperty done,
                             Runnable work, Node firstFocus) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        ButtonType act = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, act);
        dialog.getDialogPane().setContent(content);
        Views.withTokens(dialog.getDialogPane());
        Button actButton = (Button) dialog.getDialogPane().lookupButton(act);
        actButton.setId(actionId);
        actButton.disableProperty().bind(canAct.not());
        actButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            work.run();
        });
        done.addListener((o, was, now) -> {
            if (now) {
                dialog.setResult(act);
                dialog.close();
            }
        });
        WindowSizes.size(dialog, size);
        dialog.setOnShown(e -> firstFocus.requestFocus());
        dialog.show();
    }

    /** The dialog's content, kept off the dialog's edges. */
    private static VBox form(Node... parts) {
        VBox content = new VBox(10, parts);
        content.setPadding(new Insets(16, 20, 8, 20));
        return content;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Label.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    private static TextField field(String id, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static RadioButton radio(ToggleGroup group, String text, String id) {
        RadioButton radio = new RadioButton(text);
        radio.setId(id);
        radio.setToggleGroup(group);
        radio.setMnemonicParsing(false);
        return radio;
    }

    private static Label error(ObservableStringValue message) {
        Label label = wrapping(new Label());
        label.getStyleClass().add(Styles.FIELD_ERROR);
        Views.bindError(label, message);
        return label;
    }

    /** Said while the key is made or read: with a passphrase that takes a few seconds, on purpose. */
    private static Label working(ReadOnlyBooleanProperty busy) {
        Label label = muted(Messages.get("settings.keys.working"));
        shownWhen(busy, label);
        return label;
    }

    private static Label muted(String text) {
        Label label = wrapping(new Label(text));
        label.getStyleClass().add(Styles.MUTED);
        return label;
    }

    /** A label that wraps and is as high as its lines: in a dialog sized to its content it was cut to one line. */
    private static Label wrapping(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static void shownWhen(ReadOnlyBooleanProperty condition, Node... nodes) {
        for (Node node : nodes) {
            node.visibleProperty().bind(condition);
            node.managedProperty().bind(condition);
        }
    }
}
