package io.backupdesk.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.backupdesk.ui.backups.BackupsView;
import io.backupdesk.ui.backups.BackupsViewModel;
import io.backupdesk.ui.connections.ConnectionsView;
import io.backupdesk.ui.connections.ConnectionsViewModel;
import io.backupdesk.ui.dashboard.DashboardView;
import io.backupdesk.ui.dashboard.DashboardViewModel;
import io.backupdesk.ui.shell.MainView;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** The desktop app: theme, main window, screens; the start-up cleanup runs as the first job. */
public final class BackupDeskApp extends Application {
    private AppContext context;

    @Override
    public void start(Stage stage) {
        List<String> warnings = new CopyOnWriteArrayList<>();
        context = new AppContext(AppPaths.forCurrentUser(null), warnings::add);
        applyTheme(context.engine().settings().load().theme());
        DashboardViewModel dashboard = context.dashboard();
        LinkedHashMap<Navigation.Screen, Supplier<Node>> screens = new LinkedHashMap<>();
        BackupsViewModel backups = context.backups();
        ConnectionsViewModel connections = context.connections();
        screens.put(Navigation.Screen.DASHBOARD, () -> new DashboardView(dashboard).node());
        screens.put(Navigation.Screen.BACKUPS, () -> {
            backups.refresh();
            return new BackupsView(backups, folder -> getHostServices().showDocument(folder.toUri().toString())).node();
        });
        screens.put(Navigation.Screen.CONNECTIONS, () -> new ConnectionsView(connections).node());
        if (context.engine().profiles().list().isEmpty()) {
            // the first start: nothing can be backed up before a connection exists
            context.navigation().go(Navigation.Screen.CONNECTIONS);
        }
        connections.load();
        MainView main = new MainView(context.shell(), screens);
        stage.setTitle("Backup Desk");
        stage.setScene(new Scene(main.node(), 1280, 800));
        stage.show();
        context.runner().run("Cleaning up after interrupted runs", (progress, cancel) ->
                context.engine().startupHousekeeping(), done -> dashboard.refresh(), failed -> dashboard.refresh());
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
