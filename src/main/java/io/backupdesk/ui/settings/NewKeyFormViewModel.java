package io.backupdesk.ui.settings;

import io.backupdesk.ui.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Set;

/**
 * The Generate dialog: a name, and an optional passphrase typed twice that protects the secret key file. The dialog
 * stays open while the key is made, shows why it could not be, and closes when {@link #doneProperty()} turns true.
 */
public final class NewKeyFormViewModel {
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty repeated = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty done = new SimpleBooleanProperty(false);
    private final StringBinding nameError;
    private final StringBinding passphraseError;
    private final BooleanBinding canGenerate;

    /** @param taken the names of the keys there are, which a new key may not take in any case */
    NewKeyFormViewModel(Set<String> taken) {
        nameError = Bindings.createStringBinding(() -> KeyNames.problem(name.get(), taken), name);
        passphraseError = Bindings.createStringBinding(() -> passphrase.get().equals(repeated.get()) ? ""
                : Messages.get("settings.keys.error.passphraseMismatch"), passphrase, repeated);
        canGenerate = name.isNotEmpty().and(nameError.isEmpty()).and(passphraseError.isEmpty()).and(busy.not());
    }

    /** The passphrase to protect the key with, empty for none. */
    char[] passphraseChars() {
        return passphrase.get().toCharArray();
    }

    /** Forgets what was typed in the passphrase fields, once it was used. */
    void clearPassphrase() {
        passphrase.set("");
        repeated.set("");
    }

    void failed(String message) {
        busy.set(false);
        error.set(message);
    }

    void started() {
        busy.set(true);
        error.set("");
    }

    void finished() {
        busy.set(false);
        done.set(true);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public StringProperty repeatedProperty() {
        return repeated;
    }

    /** Why the last try failed, e.g. the files could not be written; empty before. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty doneProperty() {
        return done;
    }

    /** Empty while nothing is typed: an empty name is not yet a mistake. */
    public StringBinding nameError() {
        return nameError;
    }

    public StringBinding passphraseError() {
        return passphraseError;
    }

    public BooleanBinding canGenerate() {
        return canGenerate;
    }
}
