package io.backupdesk.ui.restorewizard;

import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.restore.RestoreMode;
import io.backupdesk.restore.roles.RolesMode;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Styles;
import io.backupdesk.ui.Views;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;
import java.util.Locale;

/**
 * The restore wizard's window for a whole-server set: the steps across the top, the current step's page, and Back,
 * Preview, Restore, Cancel and Done below, each enabled by the ViewModel's bindings.
 */
public final class SetRestoreWizardView {
    /** The roles' preview and the databases' checks want the room. */
    @FXML private BorderPane root;
    @FXML private HBox steps;
    @FXML private StackPane page;
    @FXML private Label problem;
    @FXML private Button back;
    @FXML private Button next;
    @FXML private Button restore;
    @FXML private Button cancel;
    @FXML private Button done;

    private final SetRestoreWizardViewModel model;
    private Stage stage;

    public SetRestoreWizardView(SetRestoreWizardViewModel model) {
        this.model = model;
        Views.load(this);
        // the steps and outcomes look as in the wizard of one backup
        root.getStylesheets().add(RestoreWizardView.class.getResource("RestoreWizardView.css").toExternalForm());
        WizardFrame.stepLabels(steps, "restore.set.step", SetRestoreWizardViewModel.Step.values());
        bind();
    }

    public Parent node() {
        return root;
    }

    /** Opens the wizard in a window of its own over the owner. */
    public void show(Window owner) {
        stage = WizardFrame.window(owner, root, Messages.get("restore.set.title"));
        stage.setOnHidden(e -> model.closed());
        stage.show();
    }

    private void bind() {
        model.stepProperty().addListener((o, was, now) -> show(now));
        model.previewProperty().addListener(o -> {
            if (model.stepProperty().get() == SetRestoreWizardViewModel.Step.PREVIEW) {
                show(SetRestoreWizardViewModel.Step.PREVIEW);
            }
        });
        show(model.stepProperty().get());
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        next.defaultButtonProperty().bind(next.visibleProperty());
        done.defaultButtonProperty().bind(done.visibleProperty());
        back.disableProperty().bind(model.canBack().not());
        back.setOnAction(e -> model.back());
        next.disableProperty().bind(model.canNext().not());
        next.setOnAction(e -> model.next());
        restore.disableProperty().bind(model.canRestore().not());
        restore.setOnAction(e -> model.restore());
        cancel.setOnAction(e -> {
            if (model.stepProperty().get() == SetRestoreWizardViewModel.Step.RUN) {
                model.cancel();
            } else if (stage != null) {
                stage.close();
            }
        });
        done.setOnAction(e -> {
            if (stage != null) {
                stage.close();
            }
        });
    }

    private void show(SetRestoreWizardViewModel.Step step) {
        page.getChildren().setAll(switch (step) {
            case CHOOSE -> choose();
            case PREVIEW -> sections(model.previewProperty().get() == null ? null
                    : Messages.get("restore.set.preview.intro"), model.previewSections(), "preview");
            case RUN -> running();
            case REPORT -> sections(model.reportProperty().get().summary(), model.reportSections(), "report");
        });
        for (Node label : steps.getChildren()) {
            label.getStyleClass().remove(Styles.CURRENT_STEP);
            if (label.getId().equals("step-" + step.name().toLowerCase(Locale.ROOT))) {
                label.getStyleClass().add(Styles.CURRENT_STEP);
            }
        }
        boolean preview = step == SetRestoreWizardViewModel.Step.PREVIEW;
        boolean report = step == SetRestoreWizardViewModel.Step.REPORT;
        visible(next, step == SetRestoreWizardViewModel.Step.CHOOSE);
        visible(back, preview);
        visible(restore, preview);
        visible(done, report);
        visible(cancel, !report);
    }

    private static void visible(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    /** The first page: the set, then where to, which databases, how, and what becomes of the roles. */
    private Node choose() {
        Label source = new Label(model.setSummary());
        source.setWrapText(true);
        source.getStyleClass().add(Styles.Theme.TEXT_BOLD);
        ComboBox<ConnectionProfile> target = new ComboBox<>(model.targets());
        target.setId("set-target");
        target.setConverter(Views.showing(p -> p.wholeServer() ? Messages.get("restore.set.target.server", p.name(),
                p.host() + ":" + p.port()) : Messages.get("restore.set.target.one", p.name(), p.describe())));
        target.valueProperty().bindBidirectional(model.targetProperty());
        target.setMaxWidth(Double.MAX_VALUE);
        VBox databases = new VBox(4);
        databases.setId("set-databases");
        for (SetRestoreWizardViewModel.DatabaseChoice choice : model.databases()) {
            CheckBox box = new CheckBox(choice.database());
            // a database's name is shown as it is: an underscore is no mnemonic
            box.setMnemonicParsing(false);
            box.selectedProperty().bindBidirectional(choice.chosenProperty());
            databases.getChildren().add(box);
        }
        ToggleGroup modes = new ToggleGroup();
        RadioButton fresh = radio(modes, Messages.get("restore.set.mode.new"), "set-mode-new");
        RadioButton safe = radio(modes, Messages.get("restore.set.mode.safe"), "set-mode-safe");
        (model.modeProperty().get() == RestoreMode.SAFE_REPLACE ? safe : fresh).setSelected(true);
        modes.selectedToggleProperty().addListener((o, was, now) ->
                model.modeProperty().set(now == safe ? RestoreMode.SAFE_REPLACE : RestoreMode.NEW_DATABASE));
        CheckBox terminate = new CheckBox(Messages.get("restore.set.terminate"));
        terminate.setWrapText(true);
        terminate.selectedProperty().bindBidirectional(model.terminateSessionsProperty());
        terminate.visibleProperty().bind(safe.selectedProperty());
        terminate.managedProperty().bind(terminate.visibleProperty());
        ToggleGroup roles = new ToggleGroup();
        RadioButton create = radio(roles, Messages.get("restore.set.roles.mode.create"), "set-roles-create");
        RadioButton skip = radio(roles, Messages.get("restore.set.roles.mode.skip"), "set-roles-skip");
        (model.rolesProperty().get() == RolesMode.SKIP ? skip : create).setSelected(true);
        roles.selectedToggleProperty().addListener((o, was, now) ->
                model.rolesProperty().set(now == skip ? RolesMode.SKIP : RolesMode.CREATE_MISSING));
        // an encrypted set: which keys open it, and a passphrase or a key file where the stored keys do not
        VBox box = new VBox(10, source, new UnlockPane(model.unlock()).node(), section(Messages.get("restore.set.target")), target,
                section(Messages.get("restore.set.databases")), databases,
                section(Messages.get("restore.set.mode")), fresh, safe, terminate,
                section(Messages.get("restore.set.roles")), create, skip, muted(Messages.get("restore.set.roles.help")));
        return scrolled(box);
    }

    private static RadioButton radio(ToggleGroup group, String text, String id) {
        RadioButton button = new RadioButton(text);
        button.setToggleGroup(group);
        button.setWrapText(true);
        button.setId(id);
        return button;
    }

    private Node running() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        Label what = new Label();
        what.textProperty().bind(model.progressProperty());
        what.setWrapText(true);
        VBox box = new VBox(12, section(Messages.get("restore.set.running")), spinner, what,
                muted(Messages.get("restore.set.running.help")));
        return scrolled(box);
    }

    /** Headed sections of lines, coloured by how they stand; a spinner while the preview is read. */
    private Node sections(String intro, List<SetRestoreTexts.Section> sections, String id) {
        VBox box = new VBox(8);
        box.setId(id);
        if (intro == null) {
            ProgressIndicator spinner = new ProgressIndicator();
            spinner.setMaxSize(40, 40);
            box.getChildren().addAll(muted(Messages.get("restore.set.preview.reading")), spinner);
            return scrolled(box);
        }
        Label head = new Label(intro);
        head.setWrapText(true);
        head.getStyleClass().add(Styles.Theme.TEXT_BOLD);
        box.getChildren().add(head);
        PreviewSections.addTo(box, sections);
        return scrolled(box);
    }

    private static ScrollPane scrolled(VBox box) {
        box.setFillWidth(true);
        box.setPadding(new Insets(4, 8, 4, 4));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.SECTION_TITLE);
        label.setWrapText(true);
        return label;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.MUTED);
        label.setWrapText(true);
        return label;
    }
}
