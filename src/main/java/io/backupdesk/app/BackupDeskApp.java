package io.backupdesk.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import io.backupdesk.store.WindowState;
import io.backupdesk.store.WindowStateStore;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The desktop app: the theme and the main window over the app context, closed on quit. It owns the config folder's
 * {@link InstanceLock} from the launcher, brings its window forward when a second launch hands over, and releases the
 * lock on quit.
 */
public final class BackupDeskApp extends Application {
    /** Set by the launcher before JavaFX starts: JavaFX creates the app by reflection and cannot be handed it. */
    private static volatile InstanceLock instanceLock;
    private static final Logger LOG = LoggerFactory.getLogger(BackupDeskApp.class);

    /** Started by the login entry: the window stays hidden and the tray icon shows it when asked. */
    private final boolean startHidden = LoginItem.startedHidden(System.getenv(), System.getProperties());
    private AppContext context;
    private BackgroundMode background;

    /** Runs the desktop app until it quits, as the owner of the config folder's lock. */
    static void launch(InstanceLock lock) {
        instanceLock = lock;
        Application.launch(BackupDeskApp.class);
    }

    @Override
    public void start(Stage stage) {
        List<String> warnings = new CopyOnWriteArrayList<>();
        context = new AppContext(AppPaths.forCurrentUser(null), warnings::add);
        applyTheme(context.engine().settings().load().theme());
        WindowStateStore windows = new WindowStateStore(context.engine().paths().configDir(), warnings::add);
        WindowState last = windows.load();
        restoreScreen(last);
        stage.setTitle("Backup Desk");
        stage.getIcons().setAll(WindowIcons.all());
        Consumer<Path> reveal = folder -> getHostServices().showDocument(folder.toUri().toString());
        // the tray first: whether there is one decides what closing the window does, and the Schedules screen says it
        background = new BackgroundMode(context, stage);
        context.setWindowOnly(!background.install());
        stage.setScene(MainWindow.build(context, stage, reveal));
        if (last.known() && onSomeScreen(last)) {
            stage.setX(last.x());
            stage.setY(last.y());
            stage.setWidth(last.width());
            stage.setHeight(last.height());
        } else {
            // the first start: a window manager may otherwise shrink the window to its smallest layout
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            stage.setWidth(Math.min(1280, screen.getWidth() * 0.9));
            stage.setHeight(Math.min(800, screen.getHeight() * 0.9));
            stage.centerOnScreen();
        }
        stage.setMaximized(last.maximized());
        // Ctrl+Q quits, also when closing the window only hides it to the tray
        stage.getScene().getAccelerators().put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.Q,
                javafx.scene.input.KeyCombination.SHORTCUT_DOWN), background::quit);
        stage.setOnHidden(e -> windows.save(new WindowState(WindowState.VERSION, stage.getX(), stage.getY(),
                stage.getWidth(), stage.getHeight(), stage.isMaximized(), context.navigation().current().name())));
        InstanceLock lock = instanceLock;
        if (lock != null) {
            lock.onHandOver(new SecondLaunches(stage, dump -> MainWindow.openDumpFile(context, stage, reveal, dump)));
        }
        if (startHidden && trayShowsTheWindow()) {
            LOG.info("Started by the login entry; the window stays in the tray");
        } else {
            if (startHidden) {
                LOG.info("Started by the login entry, but no tray icon can show the window later; showing it now");
            }
            stage.show();
        }
    }

    boolean startHidden() {
        return startHidden;
    }

    /**
     * Whether a tray icon is up that can show the window later; with no tray a hidden start would leave nothing to
     * click, so the window shows after all.
     */
    boolean trayShowsTheWindow() {
        return background != null && background.hasTray();
    }

    /** The screen shown when the app was closed, unless the first start asks for the connections. */
    private void restoreScreen(WindowState last) {
        if (last.lastScreen() == null || context.engine().profiles().list().isEmpty()) {
            return;
        }
        java.util.Arrays.stream(Navigation.Screen.values()).filter(s -> s.name().equals(last.lastScreen())).findFirst()
                .ifPresent(context.navigation()::go);
    }

    /** A window saved on a monitor that is gone since would open out of sight. */
    private static boolean onSomeScreen(WindowState state) {
        return !javafx.stage.Screen.getScreensForRectangle(state.x(), state.y(), state.width(), state.height()).isEmpty();
    }

    /** "dark" for the dark theme; anything else, the light one (JavaFX 21 cannot read the system's choice). */
    static void applyTheme(String theme) {
        Application.setUserAgentStylesheet("dark".equals(theme)
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    @Override
    public void stop() throws InterruptedException {
        if (background != null) {
            background.close();
        }
        if (context != null) {
            context.close();
        }
        InstanceLock lock = instanceLock;
        if (lock != null) {
            // after the context: its jobs and executors are gone before another app may take the folder
            lock.close();
        }
        Platform.exit();
    }
}
