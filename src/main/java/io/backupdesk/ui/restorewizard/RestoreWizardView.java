package io.backupdesk.ui.restorewizard;

import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Styles;
import io.backupdesk.ui.Views;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The restore wizard's window: the steps across the top, the current step's page, and Back, Next, Restore, Cancel
 * and Done below, each enabled by the ViewModel's bindings. Pages are built by {@link WizardPages}.
 */
public final class RestoreWizardView {
    /** The pre-flight's findings and the report's table want the room; the steps across the top want the width. */
    @FXML private BorderPane root;
    @FXML private HBox steps;
    @FXML private StackPane page;
    @FXML private Label problem;
    @FXML private Label notice;
    @FXML private Button back;
    @FXML private Button next;
    @FXML private Button restore;
    @FXML private Button cancel;
    @FXML private Button done;

    private final RestoreWizardViewModel model;
    private final Map<WizardStep, Node> pages = new EnumMap<>(WizardStep.class);
    private final WizardPages builder;
    private Stage stage;

    /** @param openFolder shows a folder in the file manager, for "Open log" */
    public RestoreWizardView(RestoreWizardViewModel model, Consumer<Path> openFolder, Path logsDir) {
        this.model = model;
        this.builder = new WizardPages(model, () -> openFolder.accept(logsDir));
        Views.load(this);
        WizardFrame.stepLabels(steps, "restore.step", WizardStep.values());
        bind();
    }

    public Parent node() {
        return root;
    }

    /** Opens the wizard in a window of its own over the owner. */
    public void show(Window owner) {
        stage = WizardFrame.window(owner, root, Messages.get("restore.title"));
        // a passphrase typed for an encrypted backup does not outlive the window
        stage.setOnHidden(e -> model.close());
        stage.show();
        focusOnward();
    }

    /**
     * Enter goes on: the focus starts on Next (or Done), not on the first button of the page, which on the first step
     * is the file chooser's and would take the Enter for itself.
     */
    private void focusOnward() {
        if (next.isVisible()) {
            next.requestFocus();
        } else if (done.isVisible()) {
            done.requestFocus();
        }
    }

    private void bind() {
        model.stepProperty().addListener((o, was, now) -> show(now));
        show(model.stepProperty().get());
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        notice.textProperty().bind(model.reportActions().noticeProperty());
        notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        // one default button at a time: two in one scene leave Enter to whichever registered last, even hidden
        next.defaultButtonProperty().bind(next.visibleProperty());
        done.defaultButtonProperty().bind(done.visibleProperty());
        back.disableProperty().bind(model.canBack().not());
        back.setOnAction(e -> model.back());
        next.disableProperty().bind(model.canNext().not());
        next.setOnAction(e -> model.next());
        // the backup arrives after the window opens, and the checks after the pre-flight step shows, each with Next;
        // until then the focus went elsewhere (the list of checks), where Enter would not go on
        next.disabledProperty().addListener((o, was, now) -> {
            WizardStep at = model.stepProperty().get();
            if (!now && (at == WizardStep.SOURCE || at == WizardStep.PREFLIGHT)) {
                focusOnward();
            }
        });
        restore.disableProperty().bind(model.canRestore().not());
        restore.setOnAction(e -> model.restore());
        cancel.setOnAction(e -> {
            if (model.stepProperty().get() == WizardStep.RUN) {
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

    private void show(WizardStep step) {
        page.getChildren().setAll(pages.computeIfAbsent(step, builder::build));
        builder.entered(step);
        for (Node label : steps.getChildren()) {
            label.getStyleClass().remove(Styles.CURRENT_STEP);
            if (label.getId().equals("step-" + step.name().toLowerCase(Locale.ROOT))) {
                label.getStyleClass().add(Styles.CURRENT_STEP);
            }
        }
        boolean confirm = step == WizardStep.CONFIRM;
        boolean report = step == WizardStep.REPORT;
        next.setVisible(!confirm && !report && step != WizardStep.RUN);
        next.setManaged(next.isVisible());
        restore.setVisible(confirm);
        restore.setManaged(confirm);
        done.setVisible(report);
        done.setManaged(report);
        cancel.setVisible(!report);
        cancel.setManaged(!report);
        focusOnward();
    }
}
