package io.backupdesk.ui.settings;

import io.backupdesk.core.Preset;
import io.backupdesk.ui.Confirm;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Styles;
import io.backupdesk.ui.Views;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** The Presets section of the settings: Add, what the last action did, and one row per preset with Edit and Remove. */
public final class PresetsView {
    @FXML private VBox root;
    @FXML private Button add;
    @FXML private Label empty;
    @FXML private Label message;
    @FXML private VBox list;

    private final PresetsViewModel model;

    public PresetsView(PresetsViewModel model) {
        this.model = model;
        Views.load(this);
        add.setId("add-preset");
        add.setOnAction(e -> PresetDialog.show(root.getScene().getWindow(), model, model.newForm(), root.getStylesheets()));
        empty.visibleProperty().bind(model.loadedProperty().and(Bindings.isEmpty(model.rows())));
        empty.managedProperty().bind(empty.visibleProperty());
        message.setId("presets-message");
        ActionMessage.bind(message, model.messageProperty(), model.failedProperty());
        model.rows().addListener((ListChangeListener<Preset>) c -> render());
        render();
    }

    public Node node() {
        return root;
    }

    private void render() {
        list.getChildren().setAll(model.rows().stream().map(this::row).toList());
    }

    private Node row(Preset preset) {
        Label name = new Label(preset.name());
        name.getStyleClass().add(Styles.PRESET_NAME);
        Label switches = new Label(PresetsViewModel.summary(preset));
        switches.setWrapText(true);
        switches.getStyleClass().add(Styles.PRESET_SWITCHES);
        VBox row = new VBox(name);
        if (preset.description() != null) {
            Label description = new Label(preset.description());
            description.setWrapText(true);
            description.getStyleClass().add(Styles.MUTED);
            row.getChildren().add(description);
        }
        row.getChildren().add(switches);
        Button edit = button(Messages.get("presets.edit"));
        edit.setId("edit-preset-" + preset.name());
        edit.setOnAction(e -> PresetDialog.show(root.getScene().getWindow(), model, model.editForm(preset),
                root.getStylesheets()));
        Button remove = button(Messages.get("presets.remove"));
        remove.setId("remove-preset-" + preset.name());
        remove.getStyleClass().addAll(Styles.Theme.DANGER, Styles.Theme.OUTLINED);
        remove.setOnAction(e -> Confirm.before(root, model.removeQuestion(preset), () -> model.remove(preset)));
        row.getChildren().add(new FlowPane(8, 6, edit, remove));
        row.getStyleClass().add(Styles.PRESET_ROW);
        row.setId("preset-" + preset.name());
        return row;
    }

    /** Mnemonic parsing off: the buttons' texts stay as written. */
    private static Button button(String text) {
        Button button = new Button(text);
        button.setMinWidth(Button.USE_PREF_SIZE);
        button.setMnemonicParsing(false);
        return button;
    }
}
