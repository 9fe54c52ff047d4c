package io.backupdesk.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.restore.RestoreMode;
import io.backupdesk.ui.Views;
import io.backupdesk.ui.WindowSizes;
import io.backupdesk.ui.restorewizard.RestoreDraft;
import io.backupdesk.ui.restorewizard.RestoreWizardView;
import io.backupdesk.ui.restorewizard.RestoreWizardViewModel;
import io.backupdesk.ui.restorewizard.WizardStep;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The restore wizard on the real engine and server, brought to the step a screenshot shows without clicks whose places
 * move: the options with pg_restore's switches open (rows only, in place, the roles file first), the pre-flight with
 * the roles' preview, or the confirmation with the command. For screenshots ({@code docs/screenshots/restore-options.sh}),
 * never for tests.
 *
 * <p>Usage: {@code RestoreOptionsPreview CONFIG_DIR light|dark options|preflight|confirm BACKUP_ID}
 */
public final class RestoreOptionsPreview {
    private static final WindowSizes.Request FULL = new WindowSizes.Request(1280, 800, 800, 600);

    private RestoreOptionsPreview() { }

    public static void main(String[] args) {
        Application.launch(Preview.class, args);
    }

    /** The window, and the wizard over it. */
    public static final class Preview extends Application {
        private AppContext context;
        private RestoreWizardViewModel model;
        private final Deque<Runnable> steps = new ArrayDeque<>();
        /** Next, once it can be pressed (the engine answers in the background). */
        private final Runnable onward = new Waiting(() -> model.canNext().get(), () -> model.next());

        /** A step that waits until its condition holds: the wizard's pages are built when their step is reached. */
        private record Waiting(java.util.function.BooleanSupplier until, Runnable then) implements Runnable {
            @Override
            public void run() {
                then.run();
            }
        }

        /** Waits until the wizard stands at this step with nothing running, Next ready where the step has one. */
        private Runnable at(WizardStep step) {
            return new Waiting(() -> model.stepProperty().get() == step && (step == WizardStep.CONFIRM
                    || model.canNext().get()), () -> { });
        }

        @Override
        public void start(Stage stage) {
            String theme = getParameters().getRaw().get(1);
            String step = getParameters().getRaw().get(2);
            Application.setUserAgentStylesheet("dark".equals(theme) ? new PrimerDark().getUserAgentStylesheet()
                    : new PrimerLight().getUserAgentStylesheet());
            context = new AppContext(AppPaths.forCurrentUser(Path.of(getParameters().getRaw().get(0))), w -> { });
            BackupCatalog.Entry backup = context.engine().catalog().require(getParameters().getRaw().get(3));
            StackPane empty = new StackPane();
            empty.getStyleClass().add("page");
            Views.withTokens(empty);
            stage.setScene(new Scene(empty));
            stage.setTitle("Backup Desk");
            WindowSizes.size(stage, FULL);
            stage.show();
            model = context.restoreWizard();
            new RestoreWizardView(model, folder -> { }, Path.of("logs")).show(stage);
            model.open(backup);
            RestoreDraft draft = model.draft();
            steps.add(onward);
            steps.add(at(WizardStep.TARGET));
            steps.add(onward);
            steps.add(at(WizardStep.OPTIONS));
            steps.add(() -> {
                draft.modeProperty().set(RestoreMode.IN_PLACE);
                draft.terminateSessionsProperty().set(true);
                draft.rolesFirstProperty().set(true);
                draft.preDataProperty().set(false);
                draft.postDataProperty().set(false);
                draft.roleProperty().set("app_loader");
                Window wizard = Window.getWindows().stream().filter(w -> w != stage).findFirst().orElseThrow();
                ((TitledPane) wizard.getScene().lookup("#restore-switches")).setExpanded(true);
            });
            steps.add(() -> {
                Window wizard = Window.getWindows().stream().filter(w -> w != stage).findFirst().orElseThrow();
                ((ScrollPane) wizard.getScene().lookup("#options-page")).setVvalue(0.75);
            });
            if (!"options".equals(step)) {
                steps.add(() -> draft.roleProperty().set(""));
                steps.add(onward);
                steps.add(at(WizardStep.PREFLIGHT));
            }
            if ("confirm".equals(step)) {
                steps.add(onward);
                steps.add(at(WizardStep.CONFIRM));
                steps.add(() -> model.typedNameProperty().set(draft.databaseProperty().get()));
            }
            next();
        }

        /** One step at a time, once the screen (and the engine, in the background) has done the one before. */
        private void next() {
            Runnable step = steps.poll();
            if (step == null) {
                // the screenshot script waits for this line, then takes the picture
                PauseTransition settle = new PauseTransition(Duration.seconds(3));
                settle.setOnFinished(e -> System.out.println("ready"));
                settle.play();
                return;
            }
            PauseTransition wait = new PauseTransition(Duration.seconds(2));
            wait.setOnFinished(e -> {
                if (step instanceof Waiting waiting && !waiting.until().getAsBoolean()) {
                    steps.addFirst(step);
                } else {
                    step.run();
                }
                next();
            });
            wait.play();
        }

        @Override
        public void stop() throws InterruptedException {
            context.close();
        }
    }
}
