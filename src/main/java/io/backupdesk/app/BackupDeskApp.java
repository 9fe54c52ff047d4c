package io.backupdesk.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The desktop app: the theme and the main window over the app context, closed on quit. */
public final class BackupDeskApp extends Application {
    private AppContext context;

    @Override
    public void start(Stage stage) {
        List<String> warnings = new CopyOnWriteArrayList<>();
        context = new AppContext(AppPaths.forCurrentUser(null), warnings::add);
        applyTheme(context.engine().settings().load().theme());
        stage.setTitle("Backup Desk");
        stage.setScene(MainWindow.build(context, stage, folder -> getHostServices().showDocument(folder.toUri().toString())));
        stage.show();
    }

    /** "dark" for the dark theme; anything else, the light one (JavaFX 21 cannot read the system's choice). */
    static void applyTheme(String theme) {
        Application.setUserAgentStylesheet("dark".equals(theme)
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    @Override
    public void stop() throws InterruptedException {
        if (context != null) {
            context.close();
        }
        Platform.exit();
    }
}
