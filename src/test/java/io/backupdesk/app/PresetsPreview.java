package io.backupdesk.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.ui.Notifier;
import io.backupdesk.ui.Views;
import io.backupdesk.ui.WindowSizes;
import io.backupdesk.ui.backups.BackupDialogView;
import io.backupdesk.ui.backups.BackupDialogViewModel;
import io.backupdesk.ui.settings.DestinationsViewModel;
import io.backupdesk.ui.settings.KeysViewModel;
import io.backupdesk.ui.settings.PresetsViewModel;
import io.backupdesk.ui.settings.SettingsView;
import io.backupdesk.ui.settings.SettingsViewModel;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Back up now, or the settings, over a demo configuration, brought to the state a screenshot shows without clicks
 * whose places move with the machine's speed and the window manager: Options open with a role typed and the command
 * in view, or the settings scrolled to Presets. For screenshots ({@code docs/screenshots/presets.sh}), never for tests.
 *
 * <p>Usage: {@code PresetsPreview CONFIG_DIR light|dark backup-now|settings}
 */
public final class PresetsPreview {
    /** The whole screen, sized as the app sizes its windows so that a window manager keeps it (decision 0019). */
    private static final WindowSizes.Request FULL = new WindowSizes.Request(1280, 800, 800, 600);

    private PresetsPreview() { }

    public static void main(String[] args) {
        // launched through a class of its own: a main class that is an Application needs JavaFX on the module path
        Application.launch(Preview.class, args);
    }

    /** The window. */
    public static final class Preview extends Application {
        private AppContext context;

        @Override
        public void start(Stage stage) {
            String theme = getParameters().getRaw().get(1);
            Application.setUserAgentStylesheet("dark".equals(theme) ? new PrimerDark().getUserAgentStylesheet()
                    : new PrimerLight().getUserAgentStylesheet());
            context = new AppContext(AppPaths.forCurrentUser(Path.of(getParameters().getRaw().get(0))), w -> { });
            stage.setTitle("Backup Desk");
            if ("settings".equals(getParameters().getRaw().get(2))) {
                settings(stage);
            } else {
                backUpNow(stage);
            }
        }

        private void settings(Stage stage) {
            SettingsViewModel settings = context.settings();
            PresetsViewModel presets = context.presets();
            KeysViewModel keys = context.keys();
            DestinationsViewModel destinations = context.destinations();
            Node page = new SettingsView(settings, presets, keys, destinations, folder -> { }).node();
            stage.setScene(new Scene((Parent) page));
            WindowSizes.size(stage, FULL);
            stage.show();
            settings.load();
            presets.load();
            keys.load();
            destinations.load();
            later(() -> ((ScrollPane) page.lookup(".scroll-pane")).setVvalue(0.17));
        }

        private void backUpNow(Stage stage) {
            StackPane empty = new StackPane();
            empty.getStyleClass().add("page");
            Views.withTokens(empty);
            stage.setScene(new Scene(empty));
            WindowSizes.size(stage, FULL);
            stage.show();
            BackupDialogViewModel model = context.backupDialog(new Notifier() {
                @Override
                public void error(String title, Throwable failure) {
                    System.err.println(title + ": " + failure.getMessage());
                }

                @Override
                public void done(String outcome) {
                }

                @Override
                public Optional<String> askPassword(ConnectionProfile profile) {
                    return Optional.empty();
                }
            });
            model.open("prod-1");
            new BackupDialogView(model).show(stage);
            later(() -> {
                Window dialog = Window.getWindows().stream().filter(w -> w != stage).findFirst().orElseThrow();
                ((TitledPane) dialog.getScene().lookup("#dump-options")).setExpanded(true);
                model.form().roleProperty().set("backup_reader");
                Platform.runLater(() -> ((ScrollPane) dialog.getScene().lookup("#backup-form")).setVvalue(0.8));
            });
        }

        /** Once the screen has read what it shows. */
        private static void later(Runnable action) {
            PauseTransition wait = new PauseTransition(Duration.seconds(4));
            wait.setOnFinished(e -> action.run());
            wait.play();
        }

        @Override
        public void stop() throws InterruptedException {
            context.close();
        }
    }
}
