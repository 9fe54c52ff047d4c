package io.backupdesk.ui.settings;

import io.backupdesk.crypto.AgeKeyStore;
import io.backupdesk.crypto.CryptoException;
import io.backupdesk.ui.Messages;

import java.util.Locale;
import java.util.Set;

/** The check of a new key's name as it is typed, with the key store's own rule. */
final class KeyNames {
    private KeyNames() { }

    /** Empty when the name may be used (or nothing is typed yet); else what is wrong with it. */
    static String problem(String name, Set<String> taken) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        try {
            AgeKeyStore.checkName(name);
        } catch (CryptoException e) {
            return Messages.get("settings.keys.error.name");
        }
        // the store refuses names that differ in case only: they would be one file on some systems
        boolean used = taken.stream().anyMatch(existing -> existing.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)));
        return used ? Messages.get("settings.keys.error.taken", name) : "";
    }
}
