package io.backupdesk.ui.backups;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.DumpScope;
import io.backupdesk.ui.CopyChoiceView;
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
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.Map;

/** The "back up now" dialog: binds the form to its ViewModel; Start hands the backup over and closes. */
public final class BackupDialogView {
    /** The form and its list of schemas and tables; on a small screen the form scrolls. */
    private static final WindowSizes.Request SIZE = new WindowSizes.Request(620, 700, 460, 320);
    private static final Map<DumpScope, String> CONTENT = Map.of(DumpScope.ALL, "backup.content.all",
            DumpScope.SCHEMA_ONLY, "backup.content.schemaOnly", DumpScope.DATA_ONLY, "backup.content.dataOnly");

    @FXML private VBox root;
    @FXML private ComboBox<ConnectionProfile> profile;
    @FXML private ComboBox<BackupFormat> format;
    @FXML private ComboBox<String> compression;
    @FXML private Spinner<Integer> jobs;
    @FXML private ComboBox<DumpScope> content;
    @FXML private TextField label;
    @FXML private Label labelError;
    @FXML private CheckBox globals;
    @FXML private VBox encryptionBox;
    @FXML private VBox copiesBox;
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
        format.getItems().setAll(BackupFormat.values());
        format.setConverter(Views.showing(BackupFormat::cliName));
        format.valueProperty().bindBidirectional(model.formatProperty());
        compression.getItems().setAll(List.of(BackupDialogViewModel.DEFAULT_LEVEL, "0", "1", "3", "6", "9"));
        compression.setConverter(Views.showing(level -> level.isEmpty() ? Messages.get("backup.compression.default") : level));
        compression.valueProperty().bindBidirectional(model.compressionProperty());
        jobs.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 16, model.jobsProperty().get()));
        jobs.valueProperty().addListener((o, was, now) -> model.jobsProperty().set(now));
        jobs.disableProperty().bind(model.jobsApply().not());
        content.getItems().setAll(DumpScope.values());
        content.setConverter(Views.showing(scopeValue -> Messages.get(CONTENT.get(scopeValue))));
        content.valueProperty().bindBidirectional(model.contentProperty());
        label.textProperty().bindBidirectional(model.labelProperty());
        Views.bindError(labelError, model.labelError());
        globals.selectedProperty().bindBidirectional(model.globalsProperty());
        encryptionBox.getChildren().setAll(new EncryptionChoiceView(model.encryption(),
                Messages.get("encryption.help.run")).node());
        copiesBox.getChildren().setAll(new CopyChoiceView(model.copies(), Messages.get("copy.help.run")).node());
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
}
