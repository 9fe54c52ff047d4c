package io.backupdesk.ui.settings;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.crypto.CryptoException;
import io.backupdesk.crypto.Passphrase;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Question;
import io.backupdesk.ui.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Keys section of the settings: the age keys backups are encrypted to, and what is done with them: generate,
 * import, copy or export a public key, save a recovery sheet, remove. It never holds a secret key; a passphrase typed
 * in a form is wiped once it was used.
 */
public final class KeysViewModel {
    private final KeyOperations keys;
    private final TaskRunner runner;
    private final ObservableList<KeyRowViewModel> rows = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty failed = new SimpleBooleanProperty(false);
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);

    public KeysViewModel(KeyOperations keys, TaskRunner runner) {
        this.keys = keys;
        this.runner = runner;
    }

    /** Reads the keys again; a key whose files are damaged is listed with its problem. */
    public void load() {
        runner.runInBackground((progress, cancel) -> keys.list(), listed -> {
            rows.setAll(listed.stream().map(l -> new KeyRowViewModel(l.key(), l.secretFile())).toList());
            loaded.set(true);
        }, this::fail);
    }

    /** A new Generate form, which checks its name against the keys listed now. */
    public NewKeyFormViewModel newKeyForm() {
        return new NewKeyFormViewModel(names());
    }

    public ImportKeyFormViewModel importForm() {
        return new ImportKeyFormViewModel(names());
    }

    public void generate(NewKeyFormViewModel form) {
        String name = form.nameProperty().get();
        char[] typed = form.passphraseChars();
        form.clearPassphrase();
        form.started();
        runner.runInBackground((progress, cancel) -> {
            try (Passphrase protection = typed.length == 0 ? null : Passphrase.of(typed)) {
                return keys.generate(name, protection);
            } finally {
                Arrays.fill(typed, '\0');
            }
        }, made -> {
            form.finished();
            said(Messages.get(made.passphraseProtected() ? "settings.keys.generated.protected" : "settings.keys.generated",
                    made.name()));
            load();
        }, failure -> form.failed(text(failure)));
    }

    /**
     * Imports what the form names. A protected key file is tried without a passphrase first: the form then asks for
     * it and is sent again.
     */
    public void importKey(ImportKeyFormViewModel form) {
        String name = form.checkedName();
        boolean fromFile = form.sourceProperty().get() == ImportKeyFormViewModel.Source.FILE;
        Path file = fromFile ? Path.of(form.fileProperty().get().strip()) : null;
        String publicKey = form.publicKeyProperty().get();
        char[] typed = form.passphraseChars();
        form.started();
        runner.runInBackground((progress, cancel) -> {
            if (!fromFile) {
                return keys.importPublicKey(name, publicKey);
            }
            try (Passphrase passphrase = typed.length == 0 ? null : Passphrase.of(typed)) {
                return keys.importFile(name, file, passphrase);
            } finally {
                Arrays.fill(typed, '\0');
            }
        }, kept -> {
            form.finished();
            said(Messages.get(kept.hasSecretKey() ? "settings.keys.imported.secret" : "settings.keys.imported.public",
                    kept.name()));
            load();
        }, failure -> {
            if (failure instanceof CryptoException e && e.failure() == CryptoException.Failure.PASSPHRASE_REQUIRED) {
                form.askForPassphrase(Messages.get("settings.keys.import.passphraseNeeded"));
            } else {
                form.failed(text(failure));
            }
        });
    }

    /** The text Copy public key puts on the clipboard, and the note that it did. */
    public String copyPublicKey(KeyRowViewModel row) {
        said(Messages.get("settings.keys.copied", row.name()));
        return row.publicKeys();
    }

    /** What the file chooser proposes: the name {@code age -R} users expect beside a key. */
    public String publicKeyFileName(KeyRowViewModel row) {
        return row.name() + ".pub";
    }

    public void exportPublicKey(KeyRowViewModel row, Path target) {
        runner.runInBackground((progress, cancel) -> {
            keys.exportPublicKey(row.name(), target);
            return target;
        }, written -> said(Messages.get("settings.keys.exported", row.name(), written)), this::fail);
    }

    public String recoverySheetFileName(KeyRowViewModel row) {
        return "recovery-sheet-" + row.name() + ".txt";
    }

    public void saveRecoverySheet(KeyRowViewModel row, Path target) {
        runner.runInBackground((progress, cancel) -> {
            keys.saveRecoverySheet(row.name(), target);
            return target;
        }, written -> said(Messages.get("settings.keys.sheetSaved", row.name(), written)), this::fail);
    }

    /**
     * What is asked before a key is removed. Removing a secret key can make backups unrecoverable, so the question
     * says so and names the file; a public key alone only stops new backups from being encrypted to it.
     */
    public Question removeQuestion(KeyRowViewModel row) {
        String text = row.hasSecretKey() ? Messages.get("settings.keys.remove.secret", row.name(), row.secretFile())
                : Messages.get("settings.keys.remove.public", row.name());
        return new Question(Messages.get("settings.keys.remove.title"), text,
                Messages.get("settings.keys.remove.action", row.name()));
    }

    public void remove(KeyRowViewModel row) {
        runner.runInBackground((progress, cancel) -> {
            keys.remove(row.name());
            return row.name();
        }, name -> {
            said(Messages.get("settings.keys.removed", name));
            load();
        }, this::fail);
    }

    private Set<String> names() {
        return rows.stream().map(KeyRowViewModel::name).collect(Collectors.toUnmodifiableSet());
    }

    private void said(String text) {
        failed.set(false);
        message.set(text);
    }

    private void fail(Throwable failure) {
        failed.set(true);
        message.set(text(failure));
    }

    private static String text(Throwable failure) {
        return failure instanceof BackupDeskException e && !e.hint().isBlank() ? e.getMessage() + " " + e.hint()
                : String.valueOf(failure.getMessage());
    }

    public ObservableList<KeyRowViewModel> rows() {
        return rows;
    }

    /** What the last action did, or why it failed ({@link #failedProperty()}). */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed;
    }

    /** Whether the keys were read once, so that an empty list means "no keys" rather than "not read yet". */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }
}
