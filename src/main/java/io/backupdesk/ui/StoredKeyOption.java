package io.backupdesk.ui;

import io.backupdesk.crypto.AgeRecipient;
import io.backupdesk.crypto.StoredKey;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * One stored key in an "encrypt to" choice, ticked or not. A key named by a connection or schedule but no longer in
 * the key store is shown too, ticked and marked missing, so that it is unticked on purpose rather than dropped unseen.
 */
public final class StoredKeyOption {
    private final String name;
    private final String detail;
    private final boolean missing;
    private final boolean usable;
    private final BooleanProperty chosen = new SimpleBooleanProperty();

    private StoredKeyOption(String name, String detail, boolean missing, boolean usable) {
        this.name = name;
        this.detail = detail;
        this.missing = missing;
        this.usable = usable;
    }

    static StoredKeyOption of(StoredKey key) {
        String detail = !key.isUsable() ? key.problem()
                : String.join(", ", key.recipients().stream().map(AgeRecipient::publicKey).map(Formats::publicKey).toList());
        return new StoredKeyOption(key.name(), detail, false, key.isUsable());
    }

    static StoredKeyOption missing(String name) {
        return new StoredKeyOption(name, Messages.get("encryption.key.missing"), true, false);
    }

    public String name() {
        return name;
    }

    /** Its public key, shortened; or what is wrong with it. */
    public String detail() {
        return detail;
    }

    /** "ops-key (age1qyqszqgp…k3jz)", as lists and summaries show it. */
    public String label() {
        return name + " (" + detail + ")";
    }

    public boolean isMissing() {
        return missing;
    }

    /** Whether a backup can be encrypted to it: in the key store, with files that hold a public key. */
    public boolean isUsable() {
        return usable;
    }

    public BooleanProperty chosenProperty() {
        return chosen;
    }
}
