package io.backupdesk.ui;

import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.event.EventHandler;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

/**
 * Every window and dialog of the app is sized here: an initial size that fits the screen it opens on, a minimum below
 * which its form cannot be used, and resizable always.
 *
 * <p>Why one place: JavaFX 21 on Linux (GTK) does not keep a size set before {@code show()} under some window managers
 * (openbox, as in LXDE and Lubuntu): the window maps at the manager's default, e.g. 200×200 (JDK-8316423, fixed in
 * JavaFX 22). A {@link Dialog} is not resizable by default, so GTK then pins its minimum and maximum to that accidental
 * size and the form cannot be reached. So every window is resizable, gives the window manager its minimum as a size
 * hint (which window managers do respect), and has its size applied again once it is shown.
 */
public final class WindowSizes {
    /** Room left around a window that fills the screen, so that its title bar and edges stay in reach. */
    static final double SCREEN_MARGIN = 40;
    /** How long after showing the window manager's late answer is overruled; it came after 0.2-0.6 s here. */
    private static final Duration SETTLING = Duration.seconds(2);

    /**
     * What a window asks for.
     *
     * @param height 0 for "as high as the content is at that width" (alerts and small prompts)
     */
    public record Request(double width, double height, double minWidth, double minHeight) {
        public Request {
            if (width <= 0 || minWidth <= 0 || minHeight <= 0 || height < 0) {
                throw new IllegalArgumentException("sizes must be positive: " + width + "x" + height);
            }
        }
    }

    private WindowSizes() { }

    /** The initial size: what is asked, no larger than the screen's usable area, no smaller than the minimum. */
    public static Dimension2D fit(double width, double height, Dimension2D minimum, Rectangle2D visual) {
        double w = Math.max(Math.min(width, room(visual.getWidth())), minimum.getWidth());
        double h = Math.max(Math.min(height, room(visual.getHeight())), minimum.getHeight());
        return new Dimension2D(w, h);
    }

    /** The minimum, unless the screen is smaller than that: a window larger than its screen cannot be used either. */
    public static Dimension2D minimum(Request request, Rectangle2D visual) {
        return new Dimension2D(Math.min(request.minWidth(), room(visual.getWidth())),
                Math.min(request.minHeight(), room(visual.getHeight())));
    }

    /** Whether a saved window would still show its title bar on this screen layout. */
    public static boolean reachable(Rectangle2D bounds) {
        return !Screen.getScreensForRectangle(bounds.getMinX(), bounds.getMinY(), Math.min(bounds.getWidth(), 200),
                Math.min(bounds.getHeight(), 40)).isEmpty();
    }

    private static double room(double extent) {
        return Math.max(extent - SCREEN_MARGIN, extent * 0.8);
    }

    /** The usable area of the screen the owner is on (the primary one without an owner). */
    public static Rectangle2D visualBounds(Window owner) {
        if (owner != null && owner.getWidth() > 0) {
            return Screen.getScreensForRectangle(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight())
                    .stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        }
        return Screen.getPrimary().getVisualBounds();
    }

    /** Sizes a window of our own before it is shown, centred on its owner's screen. */
    public static void size(Stage stage, Request request) {
        Rectangle2D visual = visualBounds(stage.getOwner());
        Dimension2D min = minimum(request, visual);
        Dimension2D size = fit(request.width(), request.height() > 0 ? request.height() : request.minHeight(), min, visual);
        stage.setResizable(true);
        stage.setMinWidth(min.getWidth());
        stage.setMinHeight(min.getHeight());
        stage.setWidth(size.getWidth());
        stage.setHeight(size.getHeight());
        stage.setX(visual.getMinX() + (visual.getWidth() - size.getWidth()) / 2);
        stage.setY(visual.getMinY() + (visual.getHeight() - size.getHeight()) / 3);
        keepAfterShowing(stage, size);
    }

    /**
     * Puts the main window back where it was closed: the saved bounds, never below the minimum nor beyond the screen.
     */
    public static void place(Stage stage, Rectangle2D saved, Request request) {
        Rectangle2D visual = Screen.getScreensForRectangle(saved).stream().findFirst().orElse(Screen.getPrimary())
                .getVisualBounds();
        Dimension2D min = minimum(request, visual);
        // as it was, up to the whole screen: the user chose that size, no margin is kept for them
        Dimension2D size = new Dimension2D(Math.max(Math.min(saved.getWidth(), visual.getWidth()), min.getWidth()),
                Math.max(Math.min(saved.getHeight(), visual.getHeight()), min.getHeight()));
        stage.setResizable(true);
        stage.setMinWidth(min.getWidth());
        stage.setMinHeight(min.getHeight());
        stage.setX(saved.getMinX());
        stage.setY(saved.getMinY());
        stage.setWidth(size.getWidth());
        stage.setHeight(size.getHeight());
        keepAfterShowing(stage, size);
    }

    /**
     * Sizes a dialog before it is shown. A dialog sizes its window to its pane when it shows, so the pane carries the
     * size; the window carries the minimum for the window manager.
     */
    public static void size(Dialog<?> dialog, Request request) {
        DialogPane pane = dialog.getDialogPane();
        Window window = pane.getScene().getWindow();
        Rectangle2D visual = visualBounds(window instanceof Stage stage ? stage.getOwner() : null);
        Dimension2D min = minimum(request, visual);
        double height = request.height();
        if (height == 0) {
            // as high as its text needs at that width: alerts say what they say, however long
            pane.applyCss();
            height = pane.prefHeight(Math.min(request.width(), room(visual.getWidth())));
        }
        Dimension2D size = fit(request.width(), height, min, visual);
        dialog.setResizable(true);
        pane.setMinSize(min.getWidth(), min.getHeight());
        pane.setPrefWidth(size.getWidth());
        if (request.height() > 0) {
            // otherwise the pane keeps computing its height, so that an alert's unfolded details get their room
            pane.setPrefHeight(size.getHeight());
        }
        if (window instanceof Stage stage) {
            stage.setMinWidth(min.getWidth());
            stage.setMinHeight(min.getHeight());
            keepAfterShowing(stage, size);
        }
    }

    /**
     * The window manager may map the window at its own default size, and GTK then reports that size a few hundred
     * milliseconds after the window is shown (see the class comment). For a moment after showing, a window that
     * shrinks below its size gets it back; no one resizes a window that fast, so a user's resize is never undone.
     */
    private static void keepAfterShowing(Stage stage, Dimension2D size) {
        InvalidationListener restore = o -> {
            if (stage.isMaximized() || stage.isFullScreen()) {
                return;
            }
            if (stage.getWidth() < size.getWidth() - 1) {
                stage.setWidth(size.getWidth());
            }
            if (stage.getHeight() < size.getHeight() - 1) {
                stage.setHeight(size.getHeight());
            }
        };
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, new EventHandler<>() {
            @Override
            public void handle(WindowEvent event) {
                stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                stage.widthProperty().addListener(restore);
                stage.heightProperty().addListener(restore);
                PauseTransition settled = new PauseTransition(SETTLING);
                settled.setOnFinished(e -> {
                    stage.widthProperty().removeListener(restore);
                    stage.heightProperty().removeListener(restore);
                });
                settled.play();
            }
        });
    }
}
