package io.backupdesk.ui;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.crypto.AgeRecipient;
import io.backupdesk.crypto.StoredKey;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * "Encrypt backups to", as the connection form, the schedule editor and Back up now offer it: stored keys to tick and
 * age1… public keys to paste, what a backup will be encrypted to in words, and what is wrong with the choice.
 * <p>
 * In the schedule editor and Back up now, choosing nothing means the connection's keys, as the jobs decide
 * ({@code EncryptionKeys.forRun}); the connection form has no such fallback: nothing chosen is not encrypted.
 */
public final class EncryptionChoiceViewModel {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");
    private static final String PUBLIC_KEY_PREFIX = "age1";

    private final boolean fallsBackToConnection;
    private final ObservableList<StoredKeyOption> keys = FXCollections.observableArrayList();
    private final StringProperty publicKeys = new SimpleStringProperty("");
    private final ObjectProperty<List<String>> connectionKeys = new SimpleObjectProperty<>(List.of());
    private final BooleanProperty directoryFormat = new SimpleBooleanProperty();
    /** Bumped whenever a key is ticked or unticked, so that the bindings below follow the ticks. */
    private final IntegerProperty ticks = new SimpleIntegerProperty();
    private final StringBinding summary;
    private final StringBinding error;
    private final BooleanBinding valid;
    private final BooleanBinding encrypts;

    /** @param fallsBackToConnection whether choosing nothing means the connection's keys (a run, a schedule) */
    public EncryptionChoiceViewModel(boolean fallsBackToConnection) {
        this.fallsBackToConnection = fallsBackToConnection;
        Observable[] inputs = {keys, ticks, publicKeys, connectionKeys, directoryFormat};
        encrypts = Bindings.createBooleanBinding(() -> !effectiveKeys().isEmpty(), inputs);
        summary = Bindings.createStringBinding(this::describe, inputs);
        error = Bindings.createStringBinding(this::problem, inputs);
        valid = error.isEmpty();
    }

    /**
     * Shows the choice as stored: stored keys' names ticked, public keys in the text field, a name that is no longer
     * in the key store ticked and marked missing.
     *
     * @param stored    the key store's keys as now
     * @param encryptTo the connection's or schedule's own entries; empty for none
     */
    public void load(List<StoredKey> stored, List<String> encryptTo) {
        Set<String> storedNames = stored.stream().map(StoredKey::name).collect(Collectors.toSet());
        List<String> names = new ArrayList<>();
        List<String> pasted = new ArrayList<>();
        for (String entry : encryptTo) {
            // as the jobs read it: a stored key's name wins over the same text read as a public key
            if (storedNames.contains(entry) || !isPublicKeyText(entry)) {
                names.add(entry);
            } else {
                pasted.add(entry);
            }
        }
        showKeys(stored, names);
        publicKeys.set(String.join(" ", pasted));
    }

    /** Shows the key store as it is now (it may have changed since {@link #load}), keeping what is ticked. */
    public void refreshKeys(List<StoredKey> stored) {
        showKeys(stored, chosenNames());
    }

    private void showKeys(List<StoredKey> stored, List<String> chosen) {
        List<StoredKeyOption> options = new ArrayList<>(stored.stream().map(StoredKeyOption::of).toList());
        Set<String> storedNames = stored.stream().map(StoredKey::name).collect(Collectors.toSet());
        chosen.stream().filter(name -> !storedNames.contains(name)).map(StoredKeyOption::missing).forEach(options::add);
        for (StoredKeyOption option : options) {
            option.chosenProperty().set(chosen.contains(option.name()));
            option.chosenProperty().addListener((o, was, now) -> ticks.set(ticks.get() + 1));
        }
        keys.setAll(options);
    }

    /** What this choice stores: the ticked keys' names, then the pasted public keys; empty for none. */
    public List<String> encryptTo() {
        Set<String> entries = new LinkedHashSet<>(chosenNames());
        entries.addAll(pastedKeys());
        return List.copyOf(entries);
    }

    private List<String> chosenNames() {
        return keys.stream().filter(k -> k.chosenProperty().get()).map(StoredKeyOption::name).toList();
    }

    /** The pasted texts, each once. */
    private List<String> pastedTexts() {
        return SEPARATORS.splitAsStream(publicKeys.get().trim()).filter(t -> !t.isEmpty()).distinct().toList();
    }

    /** The pasted texts that are public keys, as the key store writes them (lower case). */
    private List<String> pastedKeys() {
        return pastedTexts().stream().map(EncryptionChoiceViewModel::parse).flatMap(Optional::stream).toList();
    }

    private static Optional<String> parse(String text) {
        try {
            return Optional.of(AgeRecipient.parse(text).publicKey());
        } catch (BackupDeskException e) {
            return Optional.empty();
        }
    }

    /** The keys a backup gets: those chosen here, else (for a run or schedule) the connection's. */
    private List<String> effectiveKeys() {
        List<String> own = encryptTo();
        return own.isEmpty() && fallsBackToConnection ? connectionKeys.get() : own;
    }

    private String describe() {
        List<String> own = encryptTo();
        if (own.isEmpty() && fallsBackToConnection && !connectionKeys.get().isEmpty()) {
            return Messages.get("encryption.summary.connection", labels(connectionKeys.get()));
        }
        return own.isEmpty() ? Messages.get("encryption.summary.none")
                : Messages.get("encryption.summary.keys", labels(own));
    }

    private static boolean isPublicKeyText(String entry) {
        return entry.regionMatches(true, 0, PUBLIC_KEY_PREFIX, 0, PUBLIC_KEY_PREFIX.length());
    }

    /** Stored keys by their label, public keys shortened. */
    private String labels(List<String> entries) {
        Map<String, StoredKeyOption> byName = keys.stream().collect(Collectors.toMap(StoredKeyOption::name,
                Function.identity(), (a, b) -> a));
        return entries.stream().map(e -> byName.containsKey(e) ? byName.get(e).label()
                : isPublicKeyText(e) ? Formats.publicKey(e) : e).collect(Collectors.joining(", "));
    }

    private String problem() {
        for (String text : pastedTexts()) {
            try {
                AgeRecipient.parse(text);
            } catch (BackupDeskException e) {
                return e.getMessage();
            }
        }
        Optional<StoredKeyOption> missing = keys.stream().filter(k -> k.isMissing() && k.chosenProperty().get()).findFirst();
        if (missing.isPresent()) {
            return Messages.get("encryption.error.missing", missing.get().name());
        }
        Optional<StoredKeyOption> unusable = keys.stream().filter(k -> !k.isUsable() && k.chosenProperty().get())
                .findFirst();
        if (unusable.isPresent()) {
            return Messages.get("encryption.error.unusable", unusable.get().name(), unusable.get().detail());
        }
        if (directoryFormat.get() && !effectiveKeys().isEmpty()) {
            return Messages.get(encryptTo().isEmpty() ? "encryption.error.directory.connection"
                    : "encryption.error.directory");
        }
        return "";
    }

    /** The stored keys to tick, and any the choice names that are gone from the key store. */
    public ObservableList<StoredKeyOption> keys() {
        return keys;
    }

    /** age1… public keys, pasted, separated by blanks or commas. */
    public StringProperty publicKeysProperty() {
        return publicKeys;
    }

    /** The keys of the connection a run or schedule falls back to; set by the screen as the connection changes. */
    public ObjectProperty<List<String>> connectionKeysProperty() {
        return connectionKeys;
    }

    /** Whether the backup is in the directory format, which this version cannot encrypt. */
    public BooleanProperty directoryFormatProperty() {
        return directoryFormat;
    }

    public boolean fallsBackToConnection() {
        return fallsBackToConnection;
    }

    /** "Encrypted to ops-key (age1…)", "Not encrypted": what the backups will be, in words. */
    public StringBinding summary() {
        return summary;
    }

    /** Whether the backups will be encrypted, to the keys chosen here or the connection's. */
    public BooleanBinding encrypts() {
        return encrypts;
    }

    /** What is wrong with the choice; empty when nothing is. */
    public StringBinding error() {
        return error;
    }

    public BooleanBinding valid() {
        return valid;
    }
}
