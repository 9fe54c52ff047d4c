package io.backupdesk.ui.restorewizard;

import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;

/**
 * The source step's word on an encrypted backup: what it was encrypted to, whether it can be opened here, and the
 * passphrase field and key file button when it cannot yet. Hidden for a backup that is not encrypted.
 */
final class UnlockPane {
    private final VBox root = new VBox(8);

    UnlockPane(UnlockViewModel unlock) {
        FontIcon lock = new FontIcon(Feather.LOCK);
        lock.getStyleClass().add(Styles.ENCRYPTED_ICON);
        Label description = WizardPages.wrapped("");
        description.setId("encryption");
        description.textProperty().bind(unlock.descriptionProperty());
        description.setMinHeight(Region.USE_PREF_SIZE);

        Label message = WizardPages.wrapped("");
        message.setId("unlock-message");
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(unlock.messageProperty());

        PasswordField passphrase = new PasswordField();
        passphrase.setId("passphrase");
        passphrase.setPromptText(Messages.get("restore.encrypted.passphrase.prompt"));
        HBox.setHgrow(passphrase, Priority.ALWAYS);
        Button open = new Button(Messages.get("restore.encrypted.unlock"));
        open.setId("unlock");
        open.disableProperty().bind(passphrase.textProperty().isEmpty()
                .or(unlock.stateProperty().isEqualTo(UnlockViewModel.State.CHECKING)));
        // the field's text is a String, which cannot be wiped: it is cleared at once, and the model wipes its copy
        Runnable give = () -> {
            char[] typed = passphrase.getText().toCharArray();
            passphrase.clear();
            unlock.unlock(typed);
        };
        open.setOnAction(e -> give.run());
        passphrase.setOnAction(e -> {
            // Enter gives the passphrase; consumed, it does not also reach the wizard's default button
            e.consume();
            if (!open.isDisabled()) {
                give.run();
            }
        });
        passphrase.disableProperty().bind(unlock.stateProperty().isEqualTo(UnlockViewModel.State.CHECKING));
        Label label = new Label(Messages.get("restore.encrypted.passphrase"));
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox ask = new HBox(8, label, passphrase, open);
        ask.setAlignment(Pos.CENTER_LEFT);
        ask.setId("ask-passphrase");

        Button keyFile = new Button(Messages.get("restore.encrypted.keyFile"));
        keyFile.setId("key-file");
        keyFile.getStyleClass().add(Styles.Theme.FLAT);
        keyFile.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Messages.get("restore.encrypted.keyFile.title"));
            File chosen = chooser.showOpenDialog(keyFile.getScene().getWindow());
            if (chosen != null) {
                unlock.useKeyFile(chosen.toPath());
            }
        });

        unlock.stateProperty().addListener((o, was, now) -> {
            // while a passphrase is tried the field stays where it is, so a wrong one is typed again in place
            if (now != UnlockViewModel.State.CHECKING) {
                ask.setVisible(now == UnlockViewModel.State.NEEDS_PASSPHRASE);
                keyFile.setVisible(unlock.keyFileOfferedProperty().get()
                        && (now == UnlockViewModel.State.NEEDS_PASSPHRASE || now == UnlockViewModel.State.REFUSED));
            }
            message.getStyleClass().removeAll(Styles.TONE_BAD, Styles.TONE_WARNING, Styles.TONE_GOOD, Styles.MUTED);
            message.getStyleClass().add(now == UnlockViewModel.State.REFUSED ? Styles.TONE_BAD
                    : now == UnlockViewModel.State.OPEN ? Styles.TONE_GOOD
                    : unlock.rejectedProperty().get() ? Styles.TONE_WARNING : Styles.MUTED);
            if (now == UnlockViewModel.State.NEEDS_PASSPHRASE) {
                passphrase.requestFocus();
            }
        });
        ask.setVisible(false);
        keyFile.setVisible(false);
        ask.managedProperty().bind(ask.visibleProperty());
        keyFile.managedProperty().bind(keyFile.visibleProperty());
        // what to do stands under the description, beside the lock, so the lock marks the whole of it
        VBox text = new VBox(6, description, message, ask, keyFile);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox head = new HBox(8, lock, text);
        head.setAlignment(Pos.TOP_LEFT);
        root.getChildren().setAll(head);
        root.setId("unlock-pane");
        root.visibleProperty().bind(unlock.descriptionProperty().isNotEmpty());
        root.managedProperty().bind(root.visibleProperty());
    }

    Node node() {
        return root;
    }
}
