package io.backupdesk.ui.restorewizard;

import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Styles;
import io.backupdesk.ui.WindowSizes;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.Locale;

/** What the restore wizards share around their pages: the row of step names and a window of their own. */
final class WizardFrame {
    /** Wide enough for a pre-flight report's lines, small enough for a laptop's screen. */
    static final WindowSizes.Request SIZE = new WindowSizes.Request(920, 700, 680, 460);

    private WizardFrame() { }

    /** One label a step, named by the bundle's {@code <keyPrefix>.<step>}, with the id the tests find it by. */
    static void stepLabels(Pane steps, String keyPrefix, Enum<?>[] values) {
        for (Enum<?> s : values) {
            String name = s.name().toLowerCase(Locale.ROOT);
            Label label = new Label(Messages.get(keyPrefix + "." + name));
            label.getStyleClass().add(Styles.WIZARD_STEP);
            label.setId("step-" + name);
            steps.getChildren().add(label);
        }
    }

    /** A window over the owner, modal to it, at the wizard's size; shown by the caller. */
    static Stage window(Window owner, Parent root, String title) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(title);
        stage.setScene(new Scene(root));
        WindowSizes.size(stage, SIZE);
        return stage;
    }
}
