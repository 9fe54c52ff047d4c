package io.backupdesk.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The desktop app. For now a minimal window that proves the engine starts and reads the catalog; the full MVVM shell
 * arrives with the desktop issue.
 */
public final class BackupDeskApp extends Application {
    private AppContext context;

    @Override
    public void start(Stage stage) {
        List<String> warnings = new CopyOnWriteArrayList<>();
        context = new AppContext(AppPaths.forCurrentUser(null), warnings::add);
        Label title = new Label("Backup Desk for PostgreSQL");
        title.setStyle("-fx-font-size: 22px; -fx-font-weight: bold;");
        Label status = new Label("Reading the catalog…");
        VBox root = new VBox(12, title, status);
        root.setPadding(new Insets(24));
        stage.setTitle("Backup Desk");
        stage.setScene(new Scene(root, 640, 360));
        stage.show();

        Task<String> load = new Task<>() {
            @Override
            protected String call() {
                context.engine().startupHousekeeping();
                int backups = context.engine().catalog().scan().size();
                int profiles = context.engine().profiles().list().size();
                return profiles + " connection profile(s), " + backups + " backup(s) in " + context.engine().catalog().root()
                        + (warnings.isEmpty() ? "" : "\n" + String.join("\n", warnings));
            }
        };
        load.setOnSucceeded(e -> status.setText(load.getValue()));
        load.setOnFailed(e -> status.setText("Could not read the catalog: " + load.getException().getMessage()));
        context.background().submit(load);
    }

    @Override
    public void stop() throws InterruptedException {
        if (context != null) {
            context.close();
        }
        Platform.exit();
    }
}
