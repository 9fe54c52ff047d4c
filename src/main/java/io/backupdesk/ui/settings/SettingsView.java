package io.backupdesk.ui.settings;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Views;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;

import java.nio.file.Path;
import java.util.function.Consumer;

/** The settings form, bound field by field to its ViewModel. */
public final class SettingsView {
    @FXML private ScrollPane root;
    @FXML private TextField backupRoot;
    @FXML private ComboBox<BackupFormat> format;
    @FXML private TextField compression;
    @FXML private Label compressionError;
    @FXML private CheckBox verify;
    @FXML private TextField rpo;
    @FXML private Label rpoError;
    @FXML private ComboBox<String> theme;
    @FXML private CheckBox startAtLogin;
    @FXML private TextField toolsDir;
    @FXML private Label folderError;
    @FXML private Label logsDir;
    @FXML private Button openLogs;
    @FXML private Button save;
    @FXML private Label message;

    /** @param openFolder shows a folder in the system's file manager */
    public SettingsView(SettingsViewModel model, Consumer<Path> openFolder) {
        Views.load(this);
        backupRoot.textProperty().bindBidirectional(model.backupRootProperty());
        backupRoot.promptTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                Messages.get("settings.backupRoot.prompt", model.defaultBackupRootProperty().get()), model.defaultBackupRootProperty()));
        format.getItems().setAll(BackupFormat.values());
        format.setConverter(Views.showing(BackupFormat::cliName));
        format.valueProperty().bindBidirectional(model.formatProperty());
        compression.textProperty().bindBidirectional(model.compressionProperty());
        verify.selectedProperty().bindBidirectional(model.verifyAfterBackupProperty());
        rpo.textProperty().bindBidirectional(model.rpoHoursProperty());
        theme.getItems().setAll("light", "dark");
        theme.setConverter(Views.showing(value -> Messages.get("settings.theme." + value)));
        theme.valueProperty().bindBidirectional(model.themeProperty());
        startAtLogin.selectedProperty().bindBidirectional(model.startAtLoginProperty());
        toolsDir.textProperty().bindBidirectional(model.clientToolsDirProperty());
        Views.bindError(compressionError, model.compressionError());
        Views.bindError(rpoError, model.rpoError());
        Views.bindError(folderError, model.folderError());
        logsDir.textProperty().bind(model.logsDirProperty());
        openLogs.setOnAction(e -> openFolder.accept(Path.of(model.logsDirProperty().get())));
        save.disableProperty().bind(model.canSave().not());
        save.setOnAction(e -> model.save());
        message.textProperty().bind(model.messageProperty());
    }

    public Node node() {
        return root;
    }
}
