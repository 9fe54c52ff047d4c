package io.backupdesk.ui.restorewizard;

import io.backupdesk.ui.Styles;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * Headed sections of lines, each heading coloured by how it stands: the roles' preview and a set's checks and report,
 * in both restore wizards.
 */
final class PreviewSections {
    private PreviewSections() { }

    /** Adds the sections to the box, one part each, under the id the section names. */
    static void addTo(VBox box, List<SetRestoreTexts.Section> sections) {
        for (SetRestoreTexts.Section section : sections) {
            Label title = new Label(section.title());
            title.getStyleClass().add(Styles.SECTION_TITLE);
            title.setWrapText(true);
            String tone = switch (section.tone()) {
                case GOOD -> Styles.TONE_GOOD;
                case WARN -> Styles.TONE_WARNING;
                case BAD -> Styles.TONE_BAD;
                case PLAIN -> null;
            };
            if (tone != null) {
                title.getStyleClass().add(tone);
            }
            VBox part = new VBox(2, title);
            part.setId(section.id());
            section.lines().forEach(line -> {
                Label text = new Label(line);
                text.setWrapText(true);
                part.getChildren().add(text);
            });
            box.getChildren().add(part);
        }
    }
}
