package io.backupdesk.ui.settings;

import io.backupdesk.crypto.AgeKeyStore;
import io.backupdesk.crypto.AgeRecipient;
import io.backupdesk.crypto.Passphrase;
import io.backupdesk.crypto.RecipientsFile;
import io.backupdesk.crypto.RecoverySheet;
import io.backupdesk.crypto.StoredKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The Keys section's operations on a real key store in a folder, as the app's are on the engine's. */
final class FolderKeys implements KeyOperations {
    final AgeKeyStore store;

    FolderKeys(Path dir) {
        this.store = new AgeKeyStore(dir.resolve("keys"));
    }

    @Override
    public List<Listed> list() {
        return store.list().stream().map(k -> new Listed(k, store.secretFile(k.name()))).toList();
    }

    @Override
    public StoredKey generate(String name, Passphrase protection) {
        return store.generate(name, protection);
    }

    @Override
    public StoredKey importFile(String name, Path file, Passphrase passphrase) {
        return store.importFile(name, file, passphrase);
    }

    @Override
    public StoredKey importPublicKey(String name, String publicKey) {
        return store.importRecipients(name, List.of(AgeRecipient.parse(publicKey)));
    }

    @Override
    public void remove(String name) {
        store.remove(name);
    }

    @Override
    public void exportPublicKey(String name, Path target) {
        write(target, RecipientsFile.format(store.recipients(name), List.of()));
    }

    @Override
    public void saveRecoverySheet(String name, Path target) {
        write(target, RecoverySheet.of(store.show(name), store.secretFile(name), Instant.now()));
    }

    private static void write(Path target, String text) {
        try {
            Files.writeString(target, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
