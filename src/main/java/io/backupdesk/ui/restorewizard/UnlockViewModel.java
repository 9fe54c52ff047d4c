package io.backupdesk.ui.restorewizard;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.crypto.CryptoException;
import io.backupdesk.crypto.Passphrase;
import io.backupdesk.jobs.SecretKeys;
import io.backupdesk.ui.KeyNames;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether the wizard can open the encrypted backup it is to restore, and what it asks for when it cannot. It is
 * checked as soon as the backup is chosen, by reading the file's header only, so that a missing key is said before the
 * pre-flight and before anything on the server changes. A passphrase typed here is kept, wipeable, for the pre-flight
 * and the restore (each decrypts the backup) and wiped when the restore ends or the wizard closes.
 */
public final class UnlockViewModel {
    /** How far the wizard is from opening the backup. */
    public enum State { NOT_ENCRYPTED, CHECKING, OPEN, NEEDS_PASSPHRASE, REFUSED }

    /** @param rejected a passphrase or key file was given and did not open the backup */
    private record Verdict(State state, String message, boolean rejected) {
        Verdict(State state, String message) {
            this(state, message, false);
        }
    }

    private record Look(KeyNames names, Verdict verdict) { }

    private final KeyChecks restores;
    private final TaskRunner runner;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.NOT_ENCRYPTED);
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty keyFileOffered = new SimpleBooleanProperty();
    private final BooleanProperty rejected = new SimpleBooleanProperty();
    private final ObjectProperty<Path> keyFile = new SimpleObjectProperty<>();
    private final BooleanBinding opened;
    private BackupCatalog.Entry backup;
    /** The secret that opened the backup; null when a stored key needs none. Touched on the UI thread only. */
    private Passphrase passphrase;
    /** Counts the backups checked, so that the answer about one chosen before is dropped. */
    private long checks;

    UnlockViewModel(KeyChecks restores, TaskRunner runner) {
        this.restores = restores;
        this.runner = runner;
        opened = Bindings.createBooleanBinding(() -> state.get() == State.NOT_ENCRYPTED || state.get() == State.OPEN, state);
    }

    /** Looks at a newly chosen backup: not encrypted, opened by a stored key, or what it needs. */
    void check(BackupCatalog.Entry entry) {
        close();
        keyFile.set(null);
        backup = entry;
        long check = ++checks;
        if (entry == null || !entry.record().encrypted()) {
            state.set(State.NOT_ENCRYPTED);
            description.set("");
            message.set("");
            keyFileOffered.set(false);
            return;
        }
        BackupRecord record = entry.record();
        keyFileOffered.set(!record.recipients().isEmpty());
        description.set(describe(record, KeyNames.NONE));
        checking();
        runner.runInBackground((progress, cancel) -> new Look(keyNames(), record.recipients().isEmpty()
                ? new Verdict(State.NEEDS_PASSPHRASE, Messages.get("restore.encrypted.askPassphrase"))
                : attempt(entry, SecretKeys.STORED)), look -> {
                    if (check == checks) {
                        description.set(describe(record, look.names()));
                        show(look.verdict());
                    }
                }, failure -> refused(check, failure));
    }

    /**
     * Tries the passphrase typed: of the backup, of a protected stored key, or of the key file chosen. The characters
     * are wiped here, whatever the outcome.
     */
    public void unlock(char[] typed) {
        Passphrase given;
        try {
            given = Passphrase.of(typed);
        } catch (CryptoException e) {
            message.set(sentence(e));
            return;
        } finally {
            Arrays.fill(typed, '\0');
        }
        tryWith(new SecretKeys(Optional.ofNullable(keyFile.get()), given), given);
    }

    /** Opens the backup with a secret key file ({@code age -d -i}) instead of the keys stored here. */
    public void useKeyFile(Path file) {
        close();
        keyFile.set(file);
        tryWith(new SecretKeys(Optional.of(file), null), null);
    }

    private void tryWith(SecretKeys secrets, Passphrase given) {
        BackupCatalog.Entry entry = backup;
        long check = checks;
        checking();
        runner.runInBackground((progress, cancel) -> attempt(entry, secrets), verdict -> {
            if (check != checks || verdict.state() != State.OPEN) {
                closeQuietly(given);
            } else {
                close();
                passphrase = given;
            }
            if (check == checks) {
                show(verdict);
            }
        }, failure -> {
            closeQuietly(given);
            refused(check, failure);
        });
    }

    /** Runs on a worker thread: reads the header with these secrets and says what came of it. */
    private Verdict attempt(BackupCatalog.Entry entry, SecretKeys secrets) {
        BackupRecord record = entry.record();
        try {
            restores.requireOpenable(entry, secrets);
            return new Verdict(State.OPEN, secrets.identityFile()
                    .map(f -> Messages.get("restore.encrypted.opensWithFile", f.getFileName()))
                    .orElse(Messages.get(secrets.passphrase() != null && record.recipients().isEmpty()
                            ? "restore.encrypted.opensWithPassphrase" : "restore.encrypted.opensWithStored")));
        } catch (CryptoException e) {
            return switch (e.failure()) {
                case PASSPHRASE_REQUIRED -> new Verdict(State.NEEDS_PASSPHRASE, Messages.get(record.recipients().isEmpty()
                        ? "restore.encrypted.askPassphrase" : "restore.encrypted.askKeyPassphrase"));
                case WRONG_PASSPHRASE -> new Verdict(State.NEEDS_PASSPHRASE, Messages.get("restore.encrypted.wrongPassphrase"),
                        true);
                case WRONG_KEY -> record.recipients().isEmpty()
                        ? new Verdict(State.NEEDS_PASSPHRASE, Messages.get("restore.encrypted.askPassphrase"))
                        : new Verdict(State.REFUSED, secrets.identityFile().isPresent() ? sentence(e)
                        : Messages.get("restore.encrypted.noKey", String.join(", ", record.recipients()),
                        record.recipients().size()));
                default -> new Verdict(record.recipients().isEmpty() ? State.NEEDS_PASSPHRASE : State.REFUSED, sentence(e));
            };
        }
    }

    /** The stored keys' names; a key store that cannot be read only costs the names. */
    private KeyNames keyNames() {
        try {
            return new KeyNames(restores.storedKeys());
        } catch (RuntimeException e) {
            return KeyNames.NONE;
        }
    }

    private void checking() {
        rejected.set(false);
        state.set(State.CHECKING);
        message.set(Messages.get("restore.encrypted.checking"));
    }

    private void show(Verdict verdict) {
        rejected.set(verdict.rejected());
        message.set(verdict.message());
        state.set(verdict.state());
    }

    private void refused(long check, Throwable failure) {
        if (check == checks) {
            show(new Verdict(State.REFUSED, failure instanceof BackupDeskException e ? sentence(e)
                    : Objects.requireNonNullElse(failure.getMessage(), failure.toString())));
        }
    }

    private static String sentence(BackupDeskException e) {
        return e.hint().isBlank() ? e.getMessage() : e.getMessage() + " " + e.hint();
    }

    /** "Encrypted to age1… (key 'office')", or "Encrypted with a passphrase". */
    static String describe(BackupRecord record, KeyNames names) {
        if (record.recipients().isEmpty()) {
            return Messages.get("restore.encrypted.withPassphrase");
        }
        List<String> keys = record.recipients().stream().map(k -> names.nameOf(k).isEmpty() ? k
                : Messages.get("restore.encrypted.named", k, names.nameOf(k))).toList();
        return Messages.get("restore.encrypted.toKeys", String.join(", ", keys));
    }

    /** What opens the backup for the pre-flight and the restore; the caller must not close it. */
    SecretKeys secrets() {
        return new SecretKeys(Optional.ofNullable(keyFile.get()), passphrase);
    }

    /** Wipes the passphrase kept; a later pre-flight or restore would need it typed again. */
    void close() {
        closeQuietly(passphrase);
        passphrase = null;
    }

    private static void closeQuietly(Passphrase given) {
        if (given != null) {
            given.close();
        }
    }

    /** The backup can be read: it is not encrypted, or what is stored or was given opens it. */
    public BooleanBinding opened() {
        return opened;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state;
    }

    /** Empty for an unencrypted backup; else what it was encrypted to. */
    public ReadOnlyStringProperty descriptionProperty() {
        return description;
    }

    /** What opens it, what to give, or why it cannot be restored here. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** A key file can stand in for the stored keys: the backup was encrypted to public keys, not a passphrase. */
    public ReadOnlyBooleanProperty keyFileOfferedProperty() {
        return keyFileOffered;
    }

    /** The passphrase just given did not open the backup: said as a warning, not as the first request. */
    public ReadOnlyBooleanProperty rejectedProperty() {
        return rejected;
    }

    public ReadOnlyObjectProperty<Path> keyFileProperty() {
        return keyFile;
    }
}
