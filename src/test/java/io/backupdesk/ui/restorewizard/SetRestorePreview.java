package io.backupdesk.ui.restorewizard;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupLayout;
import io.backupdesk.backup.BackupSets;
import io.backupdesk.core.DaemonThreads;
import io.backupdesk.ui.FxTaskRunner;
import io.backupdesk.ui.WindowSizes;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.concurrent.Executors;

/**
 * The set restore wizard alone, over the newest set of a demo catalog and a set restore whose answers are given by
 * hand ({@link SetRestoreFakes}: two roles to create, one there, a membership and a setting; one database that
 * fails): its pages can be seen and their screenshots taken without two servers. For screenshots
 * ({@code docs/screenshots/sets.sh}), never for tests.
 *
 * <p>Usage: {@code SetRestorePreview light|dark <backup root>}
 */
public final class SetRestorePreview {
    private SetRestorePreview() { }

    public static void main(String[] args) {
        // launched through a class of its own: a main class that is an Application needs JavaFX on the module path
        Application.launch(Window.class, args);
    }

    /** The window. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            boolean dark = getParameters().getRaw().get(0).equals("dark");
            Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                    : new PrimerLight().getUserAgentStylesheet());
            BackupLayout layout = new BackupLayout(Path.of(getParameters().getRaw().get(1)));
            BackupSets.SetEntry newest = new BackupSets(layout, new BackupCatalog(layout, w -> { }), w -> { })
                    .read().sets().get(0);
            SetRestoreFakes operations = new SetRestoreFakes();
            operations.restoreMillis = 6_000;
            SetRestoreWizardViewModel model = new SetRestoreWizardViewModel(newest, operations,
                    new FxTaskRunner(Executors.newSingleThreadExecutor(DaemonThreads.named("preview-job"))));
            stage.setTitle("Restore a whole-server set");
            stage.setScene(new Scene(new SetRestoreWizardView(model).node()));
            // sized as the app sizes its windows, which a window manager otherwise shrinks (decision 0019)
            WindowSizes.size(stage, new WindowSizes.Request(920, 700, 680, 460));
            stage.setX(0);
            stage.setY(0);
            stage.show();
            model.load();
        }
    }
}
