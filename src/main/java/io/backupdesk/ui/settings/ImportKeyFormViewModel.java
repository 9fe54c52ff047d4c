package io.backupdesk.ui.settings;

import io.backupdesk.crypto.AgeKeyStore;
import io.backupdesk.crypto.AgeRecipient;
import io.backupdesk.crypto.CryptoException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.Set;

/**
 * The Import dialog: a name, and either a key file (an identity file, plain or passphrase-protected, or a recipients
 * file) or a pasted {@code age1…} public key. A protected identity file is first tried without a passphrase; the
 * key store says it needs one, and the form then asks for it ({@link #passphraseNeededProperty()}) and stays open.
 */
public final class ImportKeyFormViewModel {
    /** Where the key comes from. */
    public enum Source { FILE, PUBLIC_KEY }

    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(Source.FILE);
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty file = new SimpleStringProperty("");
    private final StringProperty publicKey = new SimpleStringProperty("");
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final BooleanProperty passphraseNeeded = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty done = new SimpleBooleanProperty(false);
    private final StringBinding nameError;
    private final StringBinding publicKeyError;
    private final BooleanBinding canImport;

    ImportKeyFormViewModel(Set<String> taken) {
        nameError = Bindings.createStringBinding(() -> KeyNames.problem(name.get(), taken), name);
        publicKeyError = Bindings.createStringBinding(() -> source.get() == Source.PUBLIC_KEY
                ? publicKeyProblem(publicKey.get()) : "", source, publicKey);
        BooleanBinding sourceGiven = Bindings.createBooleanBinding(() -> source.get() == Source.FILE
                ? !file.get().isBlank() : !publicKey.get().isBlank(), source, file, publicKey);
        canImport = name.isNotEmpty().and(nameError.isEmpty()).and(sourceGiven).and(publicKeyError.isEmpty())
                .and(passphraseNeeded.not().or(passphrase.isNotEmpty())).and(busy.not());
        // another file may not be protected: the question is asked again for it
        file.addListener((o, was, now) -> {
            passphraseNeeded.set(false);
            passphrase.set("");
        });
    }

    /** Takes a file picked in the file chooser; an empty name becomes the file's name, a valid key name. */
    public void fileChosen(Path chosen) {
        source.set(Source.FILE);
        file.set(chosen.toString());
        if (name.get().isBlank()) {
            String base = chosen.getFileName().toString().replaceFirst("\\.(txt|key|pub|age)$", "");
            if (KeyNames.problem(base, Set.of()).isEmpty()) {
                name.set(base);
            }
        }
    }

    private static String publicKeyProblem(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        try {
            AgeRecipient.parse(text);
            return "";
        } catch (CryptoException e) {
            return e.getMessage();
        }
    }

    String checkedName() {
        return AgeKeyStore.checkName(name.get());
    }

    /** The passphrase typed for a protected key file; empty when none is asked for. */
    char[] passphraseChars() {
        return passphraseNeeded.get() ? passphrase.get().toCharArray() : new char[0];
    }

    void askForPassphrase(String message) {
        busy.set(false);
        passphraseNeeded.set(true);
        error.set(message);
    }

    void failed(String message) {
        busy.set(false);
        passphrase.set("");
        error.set(message);
    }

    void started() {
        busy.set(true);
        error.set("");
    }

    void finished() {
        busy.set(false);
        passphrase.set("");
        done.set(true);
    }

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty fileProperty() {
        return file;
    }

    public StringProperty publicKeyProperty() {
        return publicKey;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    /** Whether the chosen file turned out to be protected by a passphrase, which must now be typed. */
    public ReadOnlyBooleanProperty passphraseNeededProperty() {
        return passphraseNeeded;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty doneProperty() {
        return done;
    }

    public StringBinding nameError() {
        return nameError;
    }

    public StringBinding publicKeyError() {
        return publicKeyError;
    }

    public BooleanBinding canImport() {
        return canImport;
    }
}
