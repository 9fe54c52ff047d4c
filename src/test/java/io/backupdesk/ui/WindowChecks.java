package io.backupdesk.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every window and dialog of the app must be once shown: resizable, at least its minimum, its content reachable. */
public final class WindowChecks {
    private WindowChecks() { }

    /** Shows the test's stage in the light theme as the owner window of the dialogs under test; returns it. */
    public static Stage showOwner(Stage stage, double width, double height) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(new javafx.scene.control.Label("owner")),
                width, height));
        stage.show();
        return stage;
    }

    /** The window with this title among those showing. */
    public static Stage showing(String title) {
        List<Window> windows = List.copyOf(Window.getWindows());
        return windows.stream().filter(w -> w instanceof Stage s && title.equals(s.getTitle())).map(Stage.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no window titled " + title + " among "
                        + windows.stream().map(w -> w instanceof Stage s ? s.getTitle() : "?").toList()));
    }

    public static void assertUsable(Stage stage) {
        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.isResizable()).as("resizable: " + stage.getTitle()).isTrue();
        assertThat(stage.getMinWidth()).as("a minimum width: " + stage.getTitle()).isGreaterThanOrEqualTo(300);
        assertThat(stage.getMinHeight()).as("a minimum height: " + stage.getTitle()).isGreaterThanOrEqualTo(120);
        assertThat(stage.getWidth()).as("width of " + stage.getTitle()).isGreaterThanOrEqualTo(stage.getMinWidth() - 1);
        assertThat(stage.getHeight()).as("height of " + stage.getTitle()).isGreaterThanOrEqualTo(stage.getMinHeight() - 1);
        Parent root = stage.getScene().getRoot();
        double width = stage.getScene().getWidth();
        double height = stage.getScene().getHeight();
        assertThat(root.minWidth(-1)).as("the least width of " + stage.getTitle()).isLessThanOrEqualTo(width + 1);
        assertThat(root.minHeight(width)).as("the least height of " + stage.getTitle()).isLessThanOrEqualTo(height + 1);
        if (root instanceof DialogPane pane && pane.getContent() != null) {
            assertFitsOrScrolls(stage.getTitle(), pane.getContent());
        }
    }

    /** Either the whole content shows, or it sits in a scroll pane that reaches the rest. */
    public static void assertFitsOrScrolls(String title, Node content) {
        if (content instanceof ScrollPane) {
            return;
        }
        double width = content.getLayoutBounds().getWidth();
        assertThat(content.prefHeight(width)).as("the content of " + title + " shows whole or scrolls")
                .isLessThanOrEqualTo(content.getLayoutBounds().getHeight() + 1);
    }
}
