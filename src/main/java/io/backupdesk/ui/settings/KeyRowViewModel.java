package io.backupdesk.ui.settings;

import io.backupdesk.crypto.AgeRecipient;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.ui.Messages;

import java.nio.file.Path;

/** One key of the Keys section as it is shown: no secret, only where the secret key file is. */
public final class KeyRowViewModel {
    private final StoredKey key;
    private final Path secretFile;

    KeyRowViewModel(StoredKey key, Path secretFile) {
        this.key = key;
        this.secretFile = secretFile;
    }

    public String name() {
        return key.name();
    }

    /** The public keys, one a line: what Copy public key puts on the clipboard. */
    public String publicKeys() {
        return String.join("\n", key.recipients().stream().map(AgeRecipient::publicKey).toList());
    }

    public boolean hasPublicKey() {
        return !key.recipients().isEmpty();
    }

    public boolean hasSecretKey() {
        return key.hasSecretKey();
    }

    public boolean passphraseProtected() {
        return key.passphraseProtected();
    }

    /** Empty when the key's files are fine; else what is wrong with them. */
    public String problem() {
        return key.problem();
    }

    public String secretFile() {
        return secretFile.toString();
    }

    /** Where the secret key is, in words: the file here, or that it is elsewhere. */
    public String secretKeyText() {
        if (!key.hasSecretKey()) {
            return Messages.get("settings.keys.secret.elsewhere");
        }
        return key.passphraseProtected() ? Messages.get("settings.keys.secret.protected", secretFile)
                : Messages.get("settings.keys.secret.here", secretFile);
    }
}
