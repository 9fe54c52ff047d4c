package io.backupdesk.ui.settings;

import io.backupdesk.core.Destination;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.RetentionFormViewModel;
import io.backupdesk.ui.Styles;
import io.backupdesk.ui.Views;
import io.backupdesk.ui.WindowSizes;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ObservableList;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Add and Edit dialog of a destination, with the fields of its kind, the retention rules and "only encrypted".
 * Save and Save and test run the section's work and keep the dialog open meanwhile; an SFTP server's host key is
 * asked about in it; it closes when the form is done. The form scrolls when the window is lower than it.
 */
final class DestinationDialog {
    /** Each kind's fields and the retention rules; lower, the form scrolls. */
    private static final Map<Destination.Kind, WindowSizes.Request> SIZES = Map.of(
            Destination.Kind.FOLDER, new WindowSizes.Request(660, 640, 480, 360),
            Destination.Kind.SFTP, new WindowSizes.Request(700, 700, 480, 360),
            Destination.Kind.S3, new WindowSizes.Request(700, 760, 480, 360));
    private static final Map<Destination.S3Checksums, String> CHECKSUMS = Map.of(
            Destination.S3Checksums.SHA256, "destinations.s3.checksums.sha256",
            Destination.S3Checksums.MD5, "destinations.s3.checksums.md5");

    /** Above a field, under the line before it, and under a field's own lines; above a new part of the form. */
    private static final double FIELD_GAP = 8;
    private static final double LINE_GAP = 3;
    private static final double SECTION_GAP = 16;
    /** The fields' least height before the window's own: a few fields, never none. */
    private static final double FIELDS_SHOWN_AT_LEAST = 160;

    private final DestinationFormViewModel form;
    private final GridPane grid = new GridPane();
    private int row;

    private DestinationDialog(DestinationFormViewModel form) {
        this.form = form;
        // no gap between rows: an error row that is empty takes no room, and each field brings its own margin
        grid.setHgap(12);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
    }

    static void show(Window owner, DestinationsViewModel model, DestinationFormViewModel form,
                     ObservableList<String> stylesheets) {
        DestinationDialog fields = new DestinationDialog(form);
        TextField name = fields.common();
        switch (form.kind()) {
            case S3 -> fields.s3();
            case SFTP -> fields.sftp();
            case FOLDER -> { }
        }
        fields.retention();
        CheckBox onlyEncrypted = new CheckBox(Messages.get("destinations.onlyEncrypted.choice"));
        onlyEncrypted.setId("destination-only-encrypted");
        onlyEncrypted.setWrapText(true);
        onlyEncrypted.selectedProperty().bindBidirectional(form.requireEncryptionProperty());
        fields.field("", onlyEncrypted);
        GridPane.setMargin(onlyEncrypted, new Insets(SECTION_GAP, 0, 0, 0));
        fields.help(Messages.get("destinations.onlyEncrypted.help"));

        Label working = muted(Messages.get("destinations.working"));
        shownWhen(form.busyProperty(), working);
        Label outcome = wrapping(new Label());
        outcome.setId("destination-outcome");
        outcome.textProperty().bind(form.outcomeProperty());
        shownWhen(form.outcomeProperty().isNotEmpty(), outcome);
        outcome.getStyleClass().add(form.outcomeOkProperty().get() ? Styles.TONE_GOOD : Styles.TONE_BAD);
        form.outcomeOkProperty().addListener((o, was, now) -> {
            outcome.getStyleClass().removeAll(Styles.TONE_GOOD, Styles.TONE_BAD);
            outcome.getStyleClass().add(now ? Styles.TONE_GOOD : Styles.TONE_BAD);
        });
        Label error = error(form.errorProperty());
        error.setId("destination-error");
        Node question = HostKeyQuestion.of(form.offerProperty(), () -> model.trust(form), () -> model.refuse(form));
        VBox page = new VBox(10, muted(Messages.get("destinations.help." + kindKey(form))), fields.grid);
        page.setPadding(new Insets(16, 20, 8, 20));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Styles.Theme.EDGE_TO_EDGE);
        // the fields scroll; what the work says stays in sight above the buttons, however far down one scrolled
        scroll.setPrefViewportHeight(FIELDS_SHOWN_AT_LEAST);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox said = new VBox(8, question, working, outcome, error);
        said.setPadding(new Insets(0, 20, 0, 20));
        VBox content = new VBox(8, scroll, said);

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.titleProperty().bind(form.title());
        ButtonType saveAndTest = new ButtonType(Messages.get("destinations.saveAndTest"), ButtonBar.ButtonData.LEFT);
        ButtonType save = new ButtonType(Messages.get("destinations.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(saveAndTest, ButtonType.CANCEL, save);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getStylesheets().addAll(stylesheets);
        act(dialog, saveAndTest, "save-and-test-destination", form, () -> model.saveAndTest(form));
        act(dialog, save, "save-destination", form, () -> model.save(form));
        form.doneProperty().addListener((o, was, now) -> {
            if (now) {
                dialog.setResult(save);
                dialog.close();
            }
        });
        WindowSizes.size(dialog, SIZES.get(form.kind()));
        dialog.setOnShown(e -> name.requestFocus());
        dialog.show();
    }

    /** A button of the dialog that runs the work and keeps it open, enabled while the form can be saved. */
    private static void act(Dialog<ButtonType> dialog, ButtonType type, String id, DestinationFormViewModel form,
                            Runnable work) {
        Button button = (Button) dialog.getDialogPane().lookupButton(type);
        button.setId(id);
        button.setMnemonicParsing(false);
        ButtonBar.setButtonUniformSize(button, false);
        button.disableProperty().bind(form.canSave().not());
        button.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            work.run();
        });
    }

    /** Name and URL, which every kind has; the name stays once saved. Returns the field that takes the focus. */
    private TextField common() {
        TextField name = text("destination-name", form.nameProperty());
        name.disableProperty().bind(form.existingProperty());
        field(Messages.get("destinations.name"), name);
        errorUnder(form.nameError());
        TextField url = text("destination-url", form.urlProperty());
        url.setPromptText(form.urlPrompt());
        url.getStyleClass().add(Styles.MONOSPACE);
        if (form.kind() == Destination.Kind.FOLDER) {
            field(Messages.get("destinations.url"), withButton(url, Messages.get("destinations.folder.choose"),
                    "choose-folder", window -> {
                        DirectoryChooser chooser = new DirectoryChooser();
                        chooser.setTitle(Messages.get("destinations.folder.choose.title"));
                        chooser.setInitialDirectory(KeysView.home());
                        File chosen = chooser.showDialog(window);
                        if (chosen != null) {
                            form.folderChosen(chosen.toPath());
                        }
                    }));
        } else {
            field(Messages.get("destinations.url"), url);
        }
        errorUnder(form.urlError());
        help(Messages.get("destinations.url.help." + kindKey(form)));
        return name;
    }

    private void s3() {
        TextField endpoint = text("destination-endpoint", form.endpointProperty());
        endpoint.setPromptText(Messages.get("destinations.s3.endpoint.prompt"));
        field(Messages.get("destinations.s3.endpoint"), endpoint);
        errorUnder(form.endpointError());
        TextField region = text("destination-region", form.regionProperty());
        region.setPromptText(Messages.get("destinations.s3.region.prompt"));
        field(Messages.get("destinations.s3.region"), region);
        CheckBox pathStyle = new CheckBox(Messages.get("destinations.s3.pathStyle"));
        pathStyle.setId("destination-path-style");
        pathStyle.setWrapText(true);
        pathStyle.selectedProperty().bindBidirectional(form.pathStyleProperty());
        field("", pathStyle);
        ComboBox<Destination.S3Checksums> checksums = new ComboBox<>();
        checksums.setId("destination-checksums");
        checksums.getItems().setAll(Destination.S3Checksums.values());
        checksums.setConverter(Views.showing(c -> Messages.get(CHECKSUMS.get(c))));
        checksums.valueProperty().bindBidirectional(form.checksumsProperty());
        checksums.setMaxWidth(Double.MAX_VALUE);
        field(Messages.get("destinations.s3.checksums"), checksums);
        help(Messages.get("destinations.s3.checksums.help"));
        TextField keyId = text("destination-access-key-id", form.accessKeyIdProperty());
        keyId.getStyleClass().add(Styles.MONOSPACE);
        field(Messages.get("destinations.s3.accessKeyId"), keyId);
        field(Messages.get("destinations.s3.secret"), secret("destination-secret", form.secretAccessKeyProperty()));
        errorUnder(form.keysError());
        note("destinations.s3.keys.stored", form.secretsStoredProperty());
        note("destinations.s3.keys.help", form.secretsStoredProperty().not());
    }

    private void sftp() {
        TextField identity = text("destination-identity-file", form.identityFileProperty());
        identity.setPromptText(Messages.get("destinations.sftp.identity.prompt"));
        field(Messages.get("destinations.sftp.identity"), withButton(identity, Messages.get("destinations.browse"),
                "browse-identity", window -> chooseFile(window, Messages.get("destinations.sftp.identity.title"),
                        form::identityFileChosen)));
        errorUnder(form.identityFileError());
        field(Messages.get("destinations.sftp.password"), secret("destination-password", form.passwordProperty()));
        note("destinations.sftp.password.stored", form.secretsStoredProperty());
        help(Messages.get("destinations.sftp.password.help"));
        TextField knownHosts = text("destination-known-hosts", form.knownHostsProperty());
        knownHosts.setPromptText(Messages.get("destinations.sftp.knownHosts.prompt"));
        field(Messages.get("destinations.sftp.knownHosts"), withButton(knownHosts, Messages.get("destinations.browse"),
                "browse-known-hosts", window -> chooseFile(window, Messages.get("destinations.sftp.knownHosts.title"),
                        form::knownHostsChosen)));
        errorUnder(form.knownHostsError());
    }

    private void retention() {
        RetentionFormViewModel rules = form.retention();
        Label title = new Label(Messages.get("destinations.retention.title"));
        title.getStyleClass().add(Styles.SECTION_TITLE);
        GridPane.setMargin(title, new Insets(SECTION_GAP, 0, 0, 0));
        grid.add(title, 0, row++, 2, 1);
        Label help = muted(Messages.get("destinations.retention.help"));
        GridPane.setMargin(help, new Insets(LINE_GAP, 0, 0, 0));
        grid.add(help, 0, row++, 2, 1);
        count("schedules.retention.keepLast", rules.keepLastProperty(), "schedules.retention.unit.backups",
                rules.keepLastError());
        count("schedules.retention.daily", rules.dailyProperty(), "schedules.retention.unit.days", rules.dailyError());
        count("schedules.retention.weekly", rules.weeklyProperty(), "schedules.retention.unit.weeks",
                rules.weeklyError());
        count("schedules.retention.monthly", rules.monthlyProperty(), "schedules.retention.unit.months",
                rules.monthlyError());
        count("schedules.retention.maxAge", rules.maxAgeDaysProperty(), "schedules.retention.unit.days",
                rules.maxAgeError());
        Label note = muted("");
        note.textProperty().bind(form.retentionNote());
        shownWhen(form.retentionNote().isNotEmpty(), note);
        under(note);
    }

    private void count(String label, StringProperty value, String unit, ObservableStringValue problem) {
        TextField number = new TextField();
        number.textProperty().bindBidirectional(value);
        number.setPrefColumnCount(4);
        number.setMaxWidth(80);
        HBox line = new HBox(8, number, new Label(Messages.get(unit)));
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        field(Messages.get(label), line);
        errorUnder(problem);
    }

    private void field(String label, Node control) {
        Label name = new Label(label);
        GridPane.setMargin(name, new Insets(FIELD_GAP, 0, 0, 0));
        GridPane.setMargin(control, new Insets(FIELD_GAP, 0, 0, 0));
        grid.addRow(row++, name, control);
    }

    /** A line under the field above, in its column. */
    private void under(Node line) {
        GridPane.setMargin(line, new Insets(LINE_GAP, 0, 0, 0));
        grid.add(line, 1, row++);
    }

    private void help(String text) {
        under(muted(text));
    }

    private void errorUnder(ObservableStringValue problem) {
        under(error(problem));
    }

    /** A line said only while it holds, e.g. that a secret is stored and an empty field keeps it. */
    private void note(String key, ObservableBooleanValue holds) {
        Label note = muted(Messages.get(key));
        shownWhen(holds, note);
        under(note);
    }

    private static TextField text(String id, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static PasswordField secret(String id, StringProperty value) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static HBox withButton(TextInputControl field, String text, String id, Consumer<Window> action) {
        Button button = new Button(text);
        button.setId(id);
        button.setMinWidth(Control.USE_PREF_SIZE);
        button.setOnAction(e -> action.accept(button.getScene().getWindow()));
        HBox box = new HBox(8, field, button);
        HBox.setHgrow(field, Priority.ALWAYS);
        return box;
    }

    private static void chooseFile(Window owner, String title, Consumer<java.nio.file.Path> chosen) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        File ssh = new File(KeysView.home(), ".ssh");
        chooser.setInitialDirectory(ssh.isDirectory() ? ssh : KeysView.home());
        File file = chooser.showOpenDialog(owner);
        if (file != null) {
            chosen.accept(file.toPath());
        }
    }

    private static String kindKey(DestinationFormViewModel form) {
        return form.kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static Label error(ObservableStringValue message) {
        Label label = wrapping(new Label());
        label.getStyleClass().add(Styles.FIELD_ERROR);
        Views.bindError(label, message);
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

    private static void shownWhen(ObservableBooleanValue condition, Node... nodes) {
        for (Node node : nodes) {
            node.visibleProperty().bind(condition);
            node.managedProperty().bind(condition);
        }
    }
}
