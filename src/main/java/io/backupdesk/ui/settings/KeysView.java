package io.backupdesk.ui.settings;

import io.backupdesk.ui.Confirm;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Styles;
import io.backupdesk.ui.Views;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.nio.file.Path;
import java.util.function.BiConsumer;

/** The Keys section of the settings: the warning, Generate and Import, and one row per key with its actions. */
public final class KeysView {
    @FXML private VBox root;
    @FXML private Label warning;
    @FXML private Button generate;
    @FXML private Button importKey;
    @FXML private Label empty;
    @FXML private VBox list;
    @FXML private Label message;

    private final KeysViewModel model;

    public KeysView(KeysViewModel model) {
        this.model = model;
        Views.load(this);
        FontIcon icon = new FontIcon(Feather.ALERT_TRIANGLE);
        icon.getStyleClass().add(Styles.KEYS_WARNING_ICON);
        warning.setGraphic(icon);
        generate.setOnAction(e -> KeyDialogs.generate(root.getScene().getWindow(), model));
        importKey.setOnAction(e -> KeyDialogs.importKey(root.getScene().getWindow(), model));
        empty.visibleProperty().bind(model.loadedProperty().and(Bindings.isEmpty(model.rows())));
        empty.managedProperty().bind(empty.visibleProperty());
        ActionMessage.bind(message, model.messageProperty(), model.failedProperty());
        model.rows().addListener((ListChangeListener<KeyRowViewModel>) c -> render());
        render();
    }

    public Node node() {
        return root;
    }

    private void render() {
        list.getChildren().setAll(model.rows().stream().map(this::row).toList());
    }

    private Node row(KeyRowViewModel key) {
        Label name = new Label(key.name());
        name.getStyleClass().add(Styles.KEY_NAME);
        // a text field, not a label: a public key is selected and copied as often as it is read
        TextField publicKey = new TextField(key.publicKeys().replace('\n', ' '));
        publicKey.setEditable(false);
        publicKey.getStyleClass().add(Styles.MONOSPACE);
        publicKey.setId("public-key-" + key.name());
        Label secret = new Label(key.secretKeyText());
        secret.setWrapText(true);
        secret.getStyleClass().add(key.hasSecretKey() ? Styles.MUTED : Styles.TONE_WARNING);
        VBox row = new VBox(name, publicKey, secret);
        if (!key.problem().isEmpty()) {
            Label problem = new Label(key.problem());
            problem.setWrapText(true);
            problem.getStyleClass().add(Styles.TONE_BAD);
            row.getChildren().add(problem);
        }
        Button copy = button(Messages.get("settings.keys.copy"), e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.copyPublicKey(key));
            Clipboard.getSystemClipboard().setContent(content);
        });
        copy.setDisable(!key.hasPublicKey());
        Button export = button(Messages.get("settings.keys.export"), e -> save(key, Messages.get("settings.keys.export.title", key.name()),
                model.publicKeyFileName(key), Messages.get("settings.keys.export.filter"), "*.pub", model::exportPublicKey));
        export.setDisable(!key.hasPublicKey() || !key.problem().isEmpty());
        Button sheet = button(Messages.get("settings.keys.sheet"), e -> save(key, Messages.get("settings.keys.sheet.title", key.name()),
                model.recoverySheetFileName(key), Messages.get("settings.keys.sheet.filter"), "*.txt", model::saveRecoverySheet));
        sheet.getStyleClass().add(Styles.Theme.ACCENT);
        Button remove = button(Messages.get("settings.keys.remove"), e -> Confirm.before(root, model.removeQuestion(key), () -> model.remove(key)));
        remove.getStyleClass().addAll(Styles.Theme.DANGER, Styles.Theme.OUTLINED);
        FlowPane buttons = new FlowPane(8, 6, sheet, copy, export, remove);
        row.getChildren().add(buttons);
        row.getStyleClass().add(Styles.KEY_ROW);
        return row;
    }

    private static Button button(String text, EventHandler<ActionEvent> action) {
        Button button = new Button(text);
        button.setMinWidth(Button.USE_PREF_SIZE);
        button.setMnemonicParsing(false);
        button.setOnAction(action);
        return button;
    }

    /** Where the file choosers open: the app's working folder, which they showed otherwise, means nothing to a user. */
    static File home() {
        return new File(System.getProperty("user.home"));
    }

    /** Asks where to save a file for the key, proposing a name, and hands the chosen file to the model. */
    private void save(KeyRowViewModel key, String title, String proposed, String filter, String pattern,
                      BiConsumer<KeyRowViewModel, Path> write) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(proposed);
        chooser.setInitialDirectory(home());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filter, pattern));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            write.accept(key, file.toPath());
        }
    }
}
