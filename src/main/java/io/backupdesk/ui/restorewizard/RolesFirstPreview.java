package io.backupdesk.ui.restorewizard;

import io.backupdesk.restore.roles.RolesPreview;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Styles;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * On the pre-flight step, when the backup's roles file is restored first: what that creates and leaves, as the set
 * restore's preview shows it, visible before Restore can be pressed. Hidden when the roles are left as they are.
 */
final class RolesFirstPreview {
    private static final double HEIGHT = 190;

    private final TitledPane pane = new TitledPane();
    private final VBox box = new VBox(8);

    RolesFirstPreview(RestoreWizardViewModel model) {
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setPrefHeight(HEIGHT);
        scroll.setMinHeight(HEIGHT * 2 / 3);
        pane.setText(Messages.get("restore.roles.preview"));
        pane.setContent(scroll);
        pane.setId("roles-first-preview");
        pane.setCollapsible(false);
        pane.setMnemonicParsing(false);
        model.confirmation().rolesPreviewProperty().addListener((o, was, now) -> show(now));
        show(model.confirmation().rolesPreviewProperty().get());
    }

    Node node() {
        return pane;
    }

    private void show(RolesPreview preview) {
        pane.setVisible(preview != null);
        pane.setManaged(preview != null);
        box.getChildren().clear();
        if (preview == null) {
            return;
        }
        if (preview.blocked()) {
            Label blocked = new Label(Messages.get("restore.roles.preview.blocked"));
            blocked.setWrapText(true);
            blocked.getStyleClass().add(Styles.TONE_BAD);
            box.getChildren().add(blocked);
        }
        List<SetRestoreTexts.Section> sections = SetRestoreTexts.roles(preview, true);
        PreviewSections.addTo(box, sections);
    }
}
