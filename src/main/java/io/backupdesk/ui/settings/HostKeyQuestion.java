package io.backupdesk.ui.settings;

import io.backupdesk.offsite.HostKeyOffer;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Styles;
import javafx.beans.value.ObservableObjectValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The question an SFTP server's first connection asks: the host key it offers, its type and SHA256 fingerprint to
 * compare with the one its administrator gives, and Trust this key or Cancel. Shown where the action that met the key
 * was started (the dialog, or the list), and takes no room while nothing is asked.
 */
final class HostKeyQuestion {
    private HostKeyQuestion() { }

    static Node of(ObservableObjectValue<HostKeyOffer> offer, Runnable trust, Runnable refuse) {
        Label text = new Label();
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.getStyleClass().add(Styles.Theme.TEXT_BOLD);
        // a text field, not a label: the fingerprint is selected and compared character by character
        TextField fingerprint = new TextField();
        fingerprint.setId("host-key-fingerprint");
        fingerprint.setEditable(false);
        fingerprint.getStyleClass().add(Styles.MONOSPACE);
        Label compare = new Label(Messages.get("destinations.key.compare"));
        compare.setWrapText(true);
        compare.setMinHeight(Region.USE_PREF_SIZE);
        compare.getStyleClass().add(Styles.MUTED);
        Button yes = new Button(Messages.get("destinations.key.trust"));
        yes.setId("trust-host-key");
        yes.setOnAction(e -> trust.run());
        Button no = new Button(Messages.get("destinations.key.refuse"));
        no.setId("refuse-host-key");
        no.setOnAction(e -> refuse.run());
        VBox box = new VBox(text, fingerprint, compare, new FlowPane(8, 6, yes, no));
        box.getStyleClass().add(Styles.HOST_KEY_QUESTION);
        box.setId("host-key-question");
        Runnable show = () -> {
            HostKeyOffer now = offer.get();
            box.setVisible(now != null);
            box.setManaged(now != null);
            text.setText(now == null ? "" : DestinationsViewModel.offerText(now));
            fingerprint.setText(now == null ? "" : now.fingerprintSha256());
        };
        offer.addListener((o, was, now) -> show.run());
        show.run();
        return box;
    }
}
