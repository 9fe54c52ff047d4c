package io.backupdesk.ui.settings;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.backupdesk.core.DaemonThreads;
import io.backupdesk.offsite.HostKeyOffer;
import io.backupdesk.ui.FxTaskRunner;
import io.backupdesk.ui.Views;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.util.concurrent.Executors;

/**
 * The Destinations section alone, over a destinations job whose SFTP server offers a made-up host key: the first
 * connection's question can be seen and its screenshot taken while the SSH client is not built into the app. For
 * screenshots ({@code docs/screenshots/destinations.sh}), never for tests.
 *
 * <p>Usage: {@code HostKeyPreview light|dark}
 */
public final class HostKeyPreview {
    private HostKeyPreview() { }

    public static void main(String[] args) {
        // launched through a class of its own: a main class that is an Application needs JavaFX on the module path
        Application.launch(Preview.class, args);
    }

    /** The window. */
    public static final class Preview extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            boolean dark = getParameters().getRaw().contains("dark");
            Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                    : new PrimerLight().getUserAgentStylesheet());
            FolderDestinations destinations = new FolderDestinations(Files.createTempDirectory("host-key-preview"));
            destinations.offered = new HostKeyOffer("vault.example.internal", 22, "ssh-ed25519",
                    "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s", "vault.example.internal ssh-ed25519 AAAAC3Nz");
            DestinationsViewModel model = new DestinationsViewModel(destinations,
                    new FxTaskRunner(Executors.newSingleThreadExecutor(DaemonThreads.named("preview-job"))));
            ScrollPane page = new ScrollPane(new DestinationsView(model).node());
            page.setFitToWidth(true);
            page.getStyleClass().add("page");
            page.setStyle("-fx-padding: 20 24;");
            Views.withTokens(page);
            stage.setTitle("Backup Desk");
            stage.setScene(new Scene(page, 1280, 800));
            stage.show();
            model.load();
        }
    }
}
