package io.backupdesk.ui.settings;

import io.backupdesk.ui.Styles;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.scene.control.Label;

/**
 * The line under a section that says what its last action did, in green, or why it failed, in red; hidden while
 * there is nothing to say.
 */
final class ActionMessage {
    private ActionMessage() { }

    static void bind(Label label, ReadOnlyStringProperty message, ReadOnlyBooleanProperty failed) {
        label.textProperty().bind(message);
        label.visibleProperty().bind(message.isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        Runnable tone = () -> {
            label.getStyleClass().removeAll(Styles.TONE_GOOD, Styles.TONE_BAD);
            label.getStyleClass().add(failed.get() ? Styles.TONE_BAD : Styles.TONE_GOOD);
        };
        failed.addListener((o, was, now) -> tone.run());
        message.addListener((o, was, now) -> tone.run());
    }
}
