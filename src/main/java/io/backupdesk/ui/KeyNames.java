package io.backupdesk.ui;

import io.backupdesk.crypto.AgeRecipient;
import io.backupdesk.crypto.StoredKey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of the stored keys behind an encrypted backup's public keys. A backup records only its age1… keys, which
 * nobody recognises at a glance; the name given to the key here ("office") is what the user chose and remembers.
 */
public final class KeyNames {
    public static final KeyNames NONE = new KeyNames(List.of());

    private final Map<String, List<String>> namesByPublicKey = new LinkedHashMap<>();
    private final Map<String, Boolean> secretHere = new LinkedHashMap<>();

    public KeyNames(List<StoredKey> keys) {
        for (StoredKey key : keys) {
            for (AgeRecipient recipient : key.recipients()) {
                namesByPublicKey.computeIfAbsent(recipient.publicKey(), k -> new ArrayList<>()).add(key.name());
                secretHere.merge(recipient.publicKey(), key.hasSecretKey() && key.isUsable(), Boolean::logicalOr);
            }
        }
    }

    /** The stored keys' names for this public key, joined; empty when no stored key has it. */
    public String nameOf(String publicKey) {
        return String.join(", ", namesByPublicKey.getOrDefault(publicKey, List.of()));
    }

    /** Whether a stored key with this public key also holds its secret key here, so that it can decrypt. */
    public boolean canDecrypt(String publicKey) {
        return secretHere.getOrDefault(publicKey, false);
    }
}
