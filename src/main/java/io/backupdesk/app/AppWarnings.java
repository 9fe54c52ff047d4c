package io.backupdesk.app;

import io.backupdesk.ui.Messages;
import io.backupdesk.ui.WindowSizes;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The desktop's end of the stores' warnings channel (a settings value that could not be used, a file set aside): what
 * comes before the window is shown waits for it, what comes later is shown at once. Warnings may come from any
 * thread; they are shown on the FX thread.
 */
final class AppWarnings implements Consumer<String> {
    private static final WindowSizes.Request SIZE = new WindowSizes.Request(560, 0, 400, 180);
    private final List<String> waiting = new ArrayList<>();
    private Stage window;

    @Override
    public synchronized void accept(String warning) {
        if (window == null) {
            waiting.add(warning);
        } else {
            Stage shown = window;
            Platform.runLater(() -> show(shown, List.of(warning)));
        }
    }

    /** Shows what waited once the window is first on screen (started in the tray, that is later), then each new one. */
    void showOn(Stage stage) {
        Runnable release = () -> {
            List<String> now;
            synchronized (this) {
                window = stage;
                now = List.copyOf(waiting);
                waiting.clear();
            }
            if (!now.isEmpty()) {
                show(stage, now);
            }
        };
        if (stage.isShowing()) {
            release.run();
        } else {
            stage.showingProperty().addListener((value, was, showing) -> {
                if (showing && window == null) {
                    release.run();
                }
            });
        }
    }

    private static void show(Stage owner, List<String> warnings) {
        Alert alert = new Alert(Alert.AlertType.WARNING);
        alert.initOwner(owner);
        alert.setTitle(Messages.get("start.warning.title"));
        alert.setHeaderText(Messages.get("start.warning.title"));
        Label text = new Label(String.join("\n\n", warnings));
        text.setWrapText(true);
        alert.getDialogPane().setContent(text);
        WindowSizes.size(alert, SIZE);
        alert.show();
    }
}
