package io.backupdesk.app;

import io.backupdesk.ui.shell.Navigation;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.app.login.LoginItem;
import io.backupdesk.app.instance.SecondLaunches;
import io.backupdesk.app.instance.InstanceLock;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import io.backupdesk.store.WindowState;
import io.backupdesk.store.WindowStateStore;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.NoFileManager;
import io.backupdesk.ui.WindowSizes;
import javafx.beans.InvalidationListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Arrays;
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
        AppWarnings warnings = new AppWarnings();
        context = new AppContext(AppPaths.forCurrentUser(null), warnings);
        applyTheme(context.engine().settings().load().theme());
        WindowStateStore windows = new WindowStateStore(context.engine().paths().configDir(), warnings);
        WindowState last = windows.load();
        restoreScreen(last);
        stage.setTitle(Messages.get("app.title"));
        stage.getIcons().setAll(WindowIcons.all());
        Consumer<Path> reveal = new FolderOpener(FolderOpener.forThisSystem(), task -> context.runner().runInBackground((progress, cancel) -> {
                    task.run();
                    return null;
                }, done -> { }, failed -> LOG.warn("Opening a folder failed: {}", failed.getMessage())),
                Platform::runLater, folder -> NoFileManager.show(stage.isShowing() ? stage : null, folder));
        // the tray first: whether there is one decides what closing the window does, and the Schedules screen says it
        background = new BackgroundMode(context, stage);
        context.setWindowOnly(!background.install());
        stage.setScene(MainWindow.build(context, stage, reveal));
        Rectangle2D saved = new Rectangle2D(last.x(), last.y(), Math.max(1, last.width()), Math.max(1, last.height()));
        if (last.known() && WindowSizes.reachable(saved)) {
            WindowSizes.place(stage, saved, MainWindow.SIZE);
        } else {
            WindowSizes.size(stage, MainWindow.SIZE);
        }
        stage.setMaximized(last.maximized());
        NormalBounds normal = new NormalBounds(stage);
        // Ctrl+Q quits, also when closing the window only hides it to the tray
        stage.getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
                background::quit);
        stage.setOnHidden(e -> {
            Rectangle2D kept = normal.bounds();
            windows.save(new WindowState(WindowState.VERSION, kept.getMinX(), kept.getMinY(), kept.getWidth(),
                    kept.getHeight(), stage.isMaximized(), context.navigation().current().name()));
        });
        warnings.showOn(stage);
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
        Arrays.stream(Navigation.Screen.values()).filter(s -> s.name().equals(last.lastScreen())).findFirst()
                .ifPresent(context.navigation()::go);
    }

    /**
     * The window's place and size while it is not maximized: a maximized window saved as such would come back with
     * the whole screen as its "normal" size, and un-maximizing it would change nothing.
     */
    private static final class NormalBounds {
        private final Stage stage;
        private Rectangle2D bounds;

        NormalBounds(Stage stage) {
            this.stage = stage;
            this.bounds = current();
            InvalidationListener note = o -> {
                if (stage.isShowing() && !stage.isMaximized() && !stage.isIconified()) {
                    bounds = current();
                }
            };
            stage.xProperty().addListener(note);
            stage.yProperty().addListener(note);
            stage.widthProperty().addListener(note);
            stage.heightProperty().addListener(note);
        }

        private Rectangle2D current() {
            return new Rectangle2D(stage.getX(), stage.getY(), Math.max(1, stage.getWidth()), Math.max(1, stage.getHeight()));
        }

        Rectangle2D bounds() {
            return bounds;
        }
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
