package io.backupdesk.crypto;

import com.exceptionfactory.jagged.FileKey;
import com.exceptionfactory.jagged.RecipientStanza;
import com.exceptionfactory.jagged.RecipientStanzaReader;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Opens a header with any of several X25519 secret keys (Jagged's reader per key does the cryptography), and says
 * why not when none fits: a passphrase file, recipient types we do not read, or simply other keys.
 */
final class X25519IdentitiesStanzaReader implements RecipientStanzaReader {
    private static final String X25519 = "X25519";

    private final List<AgeIdentity> identities;

    X25519IdentitiesStanzaReader(List<AgeIdentity> identities) {
        this.identities = List.copyOf(identities);
    }

    @Override
    public FileKey getFileKey(Iterable<RecipientStanza> recipientStanzas) {
        List<RecipientStanza> stanzas = new ArrayList<>();
        recipientStanzas.forEach(stanzas::add);
        boolean anyScrypt = stanzas.stream().anyMatch(s -> ScryptWrapKey.STANZA_TYPE.equals(s.getType()));
        if (anyScrypt && stanzas.size() > 1) {
            throw StanzaChecks.scryptNotAlone();
        }
        if (anyScrypt) {
            throw new CryptoException(CryptoException.Failure.WRONG_KIND_OF_SECRET,
                    "This file is protected by a passphrase, not encrypted to a key.", "Open it with its passphrase.");
        }
        long keyStanzas = stanzas.stream().filter(s -> X25519.equals(s.getType())).count();
        if (keyStanzas == 0) {
            TreeSet<String> types = new TreeSet<>();
            stanzas.forEach(s -> types.add(s.getType()));
            throw new CryptoException(CryptoException.Failure.REFUSED,
                    "This file was encrypted to recipient types that are not supported here: " + String.join(", ", types) + ".",
                    "Decrypt it with the age tool and the plugin or SSH key it was made for.");
        }
        for (AgeIdentity identity : identities) {
            try {
                return identity.stanzaReader().getFileKey(stanzas);
            } catch (GeneralSecurityException notThisOne) {
                // the next key may fit
            }
        }
        throw new CryptoException(CryptoException.Failure.WRONG_KEY,
                (identities.size() == 1 ? "The key given does not" : "None of the " + identities.size() + " keys given does")
                        + " open this file, which was encrypted to " + keyStanzas + " public key"
                        + (keyStanzas == 1 ? "" : "s") + ".",
                "Use the secret key whose public key this backup was encrypted to.");
    }
}
