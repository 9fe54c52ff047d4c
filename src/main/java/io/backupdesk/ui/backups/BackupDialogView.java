package io.backupdesk.ui.backups;

import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.ui.Confirm;
import io.backupdesk.ui.CopyChoiceView;
import io.backupdesk.ui.DumpOptionsFormView;
import io.backupdesk.ui.EncryptionChoiceView;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Styles;
import io.backupdesk.ui.Views;
import io.backupdesk.ui.WindowSizes;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Optional;

/** The "back up now" dialog: binds the form to its ViewModel; Start hands the backup over and closes. */
public final class BackupDialogView {
    /** The form and its list of schemas and tables; on a small screen the form scrolls. */
    private static final WindowSizes.Request SIZE = new WindowSizes.Request(680, 760, 480, 320);
    private static final double LABEL_WIDTH = 120;

    @FXML private VBox root;
    @FXML private ComboBox<ConnectionProfile> profile;
    @FXML private ComboBox<String> preset;
    @FXML private Button saveAsPreset;
    @FXML private Label presetMessage;
    @FXML private VBox basicsBox;
    @FXML private TextField label;
    @FXML private Label labelError;
    @FXML private VBox encryptionBox;
    @FXML private VBox copiesBox;
    @FXML private VBox optionsBox;
    @FXML private TextArea command;
    @FXML private Label commandProblem;
    @FXML private Button copyCommand;
    @FXML private Button loadTables;
    @FXML private Label tablesMessage;
    @FXML private ListView<ScopeItem> scope;
    @FXML private Label scopeSummary;

    private final BackupDialogViewModel model;

    public BackupDialogView(BackupDialogViewModel model) {
        this.model = model;
        Views.load(this);
        bind();
    }

    /** Shows the dialog over the window; the backup, when started, runs on after it closes. */
    public void show(Window owner) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get("backup.title"));
        ButtonType start = new ButtonType(Messages.get("backup.start"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, start);
        dialog.getDialogPane().setContent(scrolling(root));
        dialog.getDialogPane().getStylesheets().addAll(root.getStylesheets());
        Button startButton = (Button) dialog.getDialogPane().lookupButton(start);
        startButton.setId("start-backup");
        startButton.disableProperty().bind(model.canStart().not());
        startButton.addEventFilter(ActionEvent.ACTION, e -> {
            if (!model.start()) {
                e.consume();
            }
        });
        WindowSizes.size(dialog, SIZE);
        // the dialog gives the focus to its first button, Cancel, where Enter would cancel: the form takes it, so
        // Enter starts the backup (Start is the default button)
        dialog.setOnShown(e -> profile.requestFocus());
        dialog.show();
    }

    /** The form in a scroll pane that fills the dialog: it scrolls down when the window is lower than the form. */
    private static ScrollPane scrolling(VBox form) {
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setId("backup-form");
        scroll.getStyleClass().add(Styles.Theme.EDGE_TO_EDGE);
        return scroll;
    }

    private void bind() {
        profile.setItems(model.profiles());
        profile.setConverter(Views.showing(p -> p.name() + "  (" + p.describe() + ")"));
        profile.valueProperty().bindBidirectional(model.profileProperty());
        preset.setItems(model.presets());
        showPresetNames();
        // "the connection's" names the connection's preset, so it is written again when the connection changes
        model.profileProperty().addListener((o, was, now) -> showPresetNames());
        preset.valueProperty().bindBidirectional(model.presetProperty());
        saveAsPreset.setOnAction(e -> askPresetName());
        presetMessage.textProperty().bind(model.presetMessageProperty());
        presetMessage.visibleProperty().bind(presetMessage.textProperty().isNotEmpty());
        presetMessage.managedProperty().bind(presetMessage.visibleProperty());
        DumpOptionsFormView form = new DumpOptionsFormView(model.form(), LABEL_WIDTH);
        basicsBox.getChildren().setAll(form.basics());
        optionsBox.getChildren().setAll(form.options());
        label.textProperty().bindBidirectional(model.labelProperty());
        Views.bindError(labelError, model.labelError());
        encryptionBox.getChildren().setAll(new EncryptionChoiceView(model.encryption(),
                Messages.get("encryption.help.run")).node());
        copiesBox.getChildren().setAll(new CopyChoiceView(model.copies(), Messages.get("copy.help.run")).node());
        command.textProperty().bind(model.commandProperty());
        Views.bindError(commandProblem, model.commandProblemProperty());
        copyCommand.disableProperty().bind(model.commandProperty().isEmpty());
        copyCommand.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.commandProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        loadTables.disableProperty().bind(model.loadingTablesProperty().or(model.profileProperty().isNull()));
        loadTables.setOnAction(e -> model.loadTables());
        tablesMessage.textProperty().bind(model.tablesMessageProperty());
        scope.setItems(model.scope());
        scope.setCellFactory(CheckBoxListCell.forListView(ScopeItem::chosenProperty));
        scopeSummary.setText(model.scopeSummary());
        model.scope().addListener((ListChangeListener<ScopeItem>) c -> {
            model.scope().forEach(i -> i.chosenProperty().addListener((o, was, now) -> scopeSummary.setText(model.scopeSummary())));
            scopeSummary.setText(model.scopeSummary());
        });
    }

    private void showPresetNames() {
        preset.setConverter(Views.showing(name -> name.isEmpty() ? model.connectionsPresetText() : name));
    }

    /** Asks the new preset's name and description; a name kept already is replaced only when confirmed. */
    private void askPresetName() {
        Dialog<ButtonType> ask = new Dialog<>();
        ask.initOwner(root.getScene().getWindow());
        ask.setTitle(Messages.get("backup.preset.saveAs.title"));
        ButtonType save = new ButtonType(Messages.get("backup.preset.saveAs.save"), ButtonBar.ButtonData.OK_DONE);
        ask.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, save);
        TextField name = new TextField();
        name.setId("preset-name");
        TextField description = new TextField();
        description.setId("preset-description");
        description.setPromptText(Messages.get("presets.description.prompt"));
        GridPane fields = new GridPane();
        fields.setHgap(12);
        fields.setVgap(8);
        fields.addRow(0, new Label(Messages.get("presets.name")), name);
        fields.addRow(1, new Label(Messages.get("presets.description")), description);
        Label help = new Label(Messages.get("backup.preset.saveAs.help"));
        help.setWrapText(true);
        help.getStyleClass().add(Styles.MUTED);
        ask.getDialogPane().setContent(new VBox(10, fields, help));
        ask.getDialogPane().getStylesheets().addAll(root.getStylesheets());
        ask.getDialogPane().lookupButton(save).disableProperty().bind(name.textProperty().isEmpty());
        WindowSizes.size(ask, new WindowSizes.Request(480, 220, 360, 200));
        Optional<ButtonType> answer = ask.showAndWait();
        if (answer.filter(b -> b == save).isEmpty()) {
            return;
        }
        if (model.presetExists(name.getText()) && !Confirm.ask(root.getScene().getWindow(),
                Messages.get("backup.preset.saveAs.title"), Messages.get("backup.preset.replace", name.getText().strip()),
                Messages.get("backup.preset.replace.action"))) {
            return;
        }
        model.saveAsPreset(name.getText(), description.getText());
    }
}
