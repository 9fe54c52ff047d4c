package io.backupdesk.crypto;

import java.util.List;

/**
 * A key of the key store as listing and showing it needs: no secret, no passphrase.
 *
 * @param recipients           the public keys to encrypt to (one for a generated key; an imported recipients file may
 *                             hold several); empty only when {@link #problem()} says why
 * @param hasSecretKey         whether the secret key is in the store (a key imported as public keys only, or whose
 *                             secret was moved off this computer, encrypts but cannot decrypt)
 * @param passphraseProtected  whether the secret key file is protected by a passphrase
 * @param problem              empty when the key can be used; else the sentence that says what is wrong with its files
 */
public record StoredKey(String name, List<AgeRecipient> recipients, boolean hasSecretKey, boolean passphraseProtected,
                        String problem) {
    public StoredKey {
        recipients = List.copyOf(recipients);
        problem = problem == null ? "" : problem;
    }

    public boolean isUsable() {
        return problem.isEmpty();
    }
}
