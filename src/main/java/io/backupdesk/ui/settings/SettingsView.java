package io.backupdesk.ui.settings;

import io.backupdesk.alert.MailSecurity;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.ui.CompressionChoices;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Styles;
import io.backupdesk.ui.Views;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

import java.io.File;
import java.nio.file.Files;

import java.nio.file.Path;
import java.util.function.Consumer;

/** The settings form, bound field by field to its ViewModel. */
public final class SettingsView {
    @FXML private BorderPane root;
    @FXML private TextField backupRoot;
    @FXML private ComboBox<BackupFormat> format;
    @FXML private ComboBox<String> compression;
    @FXML private Button browseBackupRoot;
    @FXML private Label compressionError;
    @FXML private TextField maxSize;
    @FXML private Label maxSizeError;
    @FXML private CheckBox verify;
    @FXML private TextField rpo;
    @FXML private Label rpoError;
    @FXML private ComboBox<String> theme;
    @FXML private CheckBox startAtLogin;
    @FXML private CheckBox notifyOnSuccess;
    @FXML private Spinner<Integer> concurrentJobs;
    @FXML private TextField toolsDir;
    @FXML private Label folderError;
    @FXML private Label logsDir;
    @FXML private Button openLogs;
    @FXML private Button save;
    @FXML private Label message;
    @FXML private TextField webhookUrl;
    @FXML private Button testWebhook;
    @FXML private Label webhookError;
    @FXML private Label webhookOutcome;
    @FXML private TextField mailHost;
    @FXML private TextField mailPort;
    @FXML private ComboBox<MailSecurity> mailSecurity;
    @FXML private Label mailHostError;
    @FXML private Label mailPortError;
    @FXML private TextField mailUser;
    @FXML private PasswordField mailPassword;
    @FXML private Label mailPasswordStored;
    @FXML private TextField mailFrom;
    @FXML private Label mailFromError;
    @FXML private TextField mailTo;
    @FXML private Label mailToError;
    @FXML private Button testMail;
    @FXML private Label mailOutcome;
    @FXML private VBox presetsSection;
    @FXML private VBox keysSection;
    @FXML private VBox destinationsSection;

    /** @param openFolder shows a folder in the system's file manager */
    public SettingsView(SettingsViewModel model, PresetsViewModel presets, KeysViewModel keys,
                        DestinationsViewModel destinations, Consumer<Path> openFolder) {
        Views.load(this);
        presetsSection.getChildren().setAll(new PresetsView(presets).node());
        keysSection.getChildren().setAll(new KeysView(keys).node());
        destinationsSection.getChildren().setAll(new DestinationsView(destinations).node());
        backupRoot.textProperty().bindBidirectional(model.backupRootProperty());
        backupRoot.promptTextProperty().bind(Bindings.createStringBinding(() ->
                Messages.get("settings.backupRoot.prompt", model.defaultBackupRootProperty().get()), model.defaultBackupRootProperty()));
        format.getItems().setAll(BackupFormat.values());
        format.setConverter(Views.showing(BackupFormat::cliName));
        format.valueProperty().bindBidirectional(model.formatProperty());
        compression.setItems(model.compressionChoices());
        compression.setConverter(Views.showing(CompressionChoices::label));
        compression.valueProperty().bindBidirectional(model.compressionProperty());
        browseBackupRoot.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(Messages.get("settings.backupRoot.browse.title"));
            Path typed = Path.of(model.backupRootProperty().get().isBlank()
                    ? model.defaultBackupRootProperty().get() : model.backupRootProperty().get().trim());
            if (typed.isAbsolute() && Files.isDirectory(typed)) {
                chooser.setInitialDirectory(typed.toFile());
            }
            File chosen = chooser.showDialog(root.getScene().getWindow());
            if (chosen != null) {
                model.backupRootChosen(chosen.toPath());
            }
        });
        verify.selectedProperty().bindBidirectional(model.verifyAfterBackupProperty());
        rpo.textProperty().bindBidirectional(model.rpoHoursProperty());
        theme.getItems().setAll("light", "dark");
        theme.setConverter(Views.showing(value -> Messages.get("settings.theme." + value)));
        theme.valueProperty().bindBidirectional(model.themeProperty());
        startAtLogin.selectedProperty().bindBidirectional(model.startAtLoginProperty());
        notifyOnSuccess.selectedProperty().bindBidirectional(model.notifyOnSuccessProperty());
        SpinnerValueFactory.IntegerSpinnerValueFactory jobs =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, SettingsViewModel.MAX_CONCURRENT_JOBS, 1);
        concurrentJobs.setValueFactory(jobs);
        jobs.valueProperty().addListener((o, was, now) -> model.concurrentJobsProperty().set(now));
        model.concurrentJobsProperty().addListener((o, was, now) -> jobs.setValue(now.intValue()));
        toolsDir.textProperty().bindBidirectional(model.clientToolsDirProperty());
        Views.bindError(compressionError, model.compressionError());
        Views.bindError(maxSizeError, model.maxSizeError());
        maxSize.textProperty().bindBidirectional(model.maxSizeProperty());
        Views.bindError(rpoError, model.rpoError());
        Views.bindError(folderError, model.folderError());
        logsDir.textProperty().bind(model.logsDirProperty());
        openLogs.setOnAction(e -> openFolder.accept(Path.of(model.logsDirProperty().get())));
        save.disableProperty().bind(model.canSave().not());
        save.setOnAction(e -> model.save());
        message.textProperty().bind(model.messageProperty());
        bindAlerts(model.alerts());
    }

    private void bindAlerts(AlertsFormViewModel alerts) {
        webhookUrl.textProperty().bindBidirectional(alerts.webhookUrlProperty());
        mailHost.textProperty().bindBidirectional(alerts.hostProperty());
        mailPort.textProperty().bindBidirectional(alerts.portProperty());
        mailPort.promptTextProperty().bind(alerts.defaultPort());
        mailSecurity.getItems().setAll(MailSecurity.values());
        mailSecurity.setConverter(Views.showing(value -> Messages.get("settings.alerts.mail.security." + value.settingName())));
        mailSecurity.valueProperty().bindBidirectional(alerts.securityProperty());
        mailUser.textProperty().bindBidirectional(alerts.userProperty());
        mailPassword.textProperty().bindBidirectional(alerts.passwordProperty());
        mailFrom.textProperty().bindBidirectional(alerts.fromProperty());
        mailTo.textProperty().bindBidirectional(alerts.toProperty());
        mailPasswordStored.visibleProperty().bind(alerts.passwordStoredProperty());
        mailPasswordStored.managedProperty().bind(mailPasswordStored.visibleProperty());
        Views.bindError(webhookError, alerts.webhookError());
        Views.bindError(mailHostError, alerts.hostError());
        Views.bindError(mailPortError, alerts.portError());
        Views.bindError(mailFromError, alerts.fromError());
        Views.bindError(mailToError, alerts.toError());
        testWebhook.disableProperty().bind(alerts.canTestWebhook().not());
        testWebhook.setOnAction(e -> alerts.sendTestWebhook());
        testMail.disableProperty().bind(alerts.canTestMail().not());
        testMail.setOnAction(e -> alerts.sendTestMail());
        showOutcome(webhookOutcome, alerts.sendingWebhookProperty(), alerts.webhookOutcomeProperty());
        showOutcome(mailOutcome, alerts.sendingMailProperty(), alerts.mailOutcomeProperty());
    }

    /** "Sending…" while a test runs, then "Sent to ..." or why not, coloured as good or bad. */
    private static void showOutcome(Label label, ReadOnlyBooleanProperty sending,
                                    ReadOnlyObjectProperty<AlertsFormViewModel.SendOutcome> outcome) {
        label.textProperty().bind(Bindings.createStringBinding(() -> sending.get() ? Messages.get("settings.alerts.sending")
                : outcome.get() == null ? "" : outcome.get().text(), sending, outcome));
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        outcome.addListener((o, was, now) -> {
            label.getStyleClass().removeAll(Styles.TONE_GOOD, Styles.TONE_BAD);
            if (now != null) {
                label.getStyleClass().add(now.sent() ? Styles.TONE_GOOD : Styles.TONE_BAD);
            }
        });
    }

    public Node node() {
        return root;
    }
}
