package io.backupdesk.ui.settings;

import io.backupdesk.ui.DumpOptionsFormView;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Styles;
import io.backupdesk.ui.Views;
import io.backupdesk.ui.WindowSizes;
import javafx.collections.ObservableList;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Adds or edits a preset: its name and what it is for above the form Back up now shows, with pg_dump's switches
 * open, since choosing them is what a preset is for. Save closes the dialog once the preset is stored; a refusal
 * stays under the form.
 */
final class PresetDialog {
    private static final WindowSizes.Request SIZE = new WindowSizes.Request(700, 760, 480, 360);
    private static final double LABEL_WIDTH = 140;
    private static final double FORM_SHOWN_AT_LEAST = 200;

    private PresetDialog() { }

    static void show(Window owner, PresetsViewModel model, PresetFormViewModel form, ObservableList<String> stylesheets) {
        TextField name = new TextField();
        name.setId("preset-name");
        name.textProperty().bindBidirectional(form.nameProperty());
        name.setDisable(form.editing());
        TextField description = new TextField();
        description.setId("preset-description");
        description.setPromptText(Messages.get("presets.description.prompt"));
        description.textProperty().bindBidirectional(form.descriptionProperty());
        Label nameError = new Label();
        nameError.setId("preset-name-error");
        nameError.getStyleClass().add(Styles.FIELD_ERROR);
        Views.bindError(nameError, form.nameError());
        GridPane fields = new GridPane();
        fields.setHgap(12);
        fields.setVgap(8);
        fields.getColumnConstraints().setAll(new ColumnConstraints(LABEL_WIDTH),
                grow());
        fields.addRow(0, new Label(Messages.get("presets.name")), name);
        fields.add(nameError, 1, 1);
        fields.addRow(2, new Label(Messages.get("presets.description")), description);
        DumpOptionsFormView dump = new DumpOptionsFormView(form.form(), LABEL_WIDTH);
        dump.options().setExpanded(true);
        Label help = new Label(Messages.get(form.editing() ? "presets.help.edit" : "presets.help.new"));
        help.setWrapText(true);
        help.getStyleClass().add(Styles.MUTED);
        VBox page = new VBox(12, help, fields, dump.basics(), dump.options());
        page.setPadding(new Insets(16, 20, 8, 20));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setId("preset-form");
        scroll.getStyleClass().add(Styles.Theme.EDGE_TO_EDGE);
        // the form scrolls in whatever height the dialog has; the refusal stays in sight above the buttons
        scroll.setPrefViewportHeight(FORM_SHOWN_AT_LEAST);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label error = new Label();
        error.setId("preset-error");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.FIELD_ERROR);
        Views.bindError(error, form.errorProperty());
        VBox.setMargin(error, new Insets(0, 20, 0, 20));

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(form.editing() ? Messages.get("presets.edit.title", form.nameProperty().get())
                : Messages.get("presets.add.title"));
        ButtonType save = new ButtonType(Messages.get("presets.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, save);
        dialog.getDialogPane().setContent(new VBox(8, scroll, error));
        dialog.getDialogPane().getStylesheets().addAll(stylesheets);
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("save-preset");
        saveButton.disableProperty().bind(form.canSave().not());
        // the dialog closes when the engine has stored the preset, not before: a refusal is shown in it
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            model.save(form, dialog::close);
        });
        WindowSizes.size(dialog, SIZE);
        dialog.show();
    }

    private static ColumnConstraints grow() {
        ColumnConstraints column = new ColumnConstraints();
        column.setHgrow(Priority.ALWAYS);
        return column;
    }
}
