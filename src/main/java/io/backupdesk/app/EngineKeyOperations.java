package io.backupdesk.app;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.crypto.AgeKeyStore;
import io.backupdesk.crypto.AgeRecipient;
import io.backupdesk.crypto.Passphrase;
import io.backupdesk.crypto.RecipientsFile;
import io.backupdesk.crypto.RecoverySheet;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.engine.Engine;
import io.backupdesk.ui.settings.KeyOperations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The Keys section's operations on the engine's key store; the files the user saves go where the user chose. */
final class EngineKeyOperations implements KeyOperations {
    private final Engine engine;
    private final Clock clock;

    EngineKeyOperations(Engine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    public List<Listed> list() {
        AgeKeyStore keys = engine.keys();
        return keys.list().stream().map(key -> new Listed(key, keys.secretFile(key.name()))).toList();
    }

    @Override
    public StoredKey generate(String name, Passphrase protection) {
        return engine.keys().generate(name, protection);
    }

    @Override
    public StoredKey importFile(String name, Path file, Passphrase passphrase) {
        return engine.keys().importFile(name, file, passphrase);
    }

    @Override
    public StoredKey importPublicKey(String name, String publicKey) {
        return engine.keys().importRecipients(name, List.of(AgeRecipient.parse(publicKey)));
    }

    @Override
    public void remove(String name) {
        engine.keys().remove(name);
    }

    @Override
    public void exportPublicKey(String name, Path target) {
        List<AgeRecipient> recipients = engine.keys().recipients(name);
        write(target, RecipientsFile.format(recipients, List.of("Backup Desk key \"" + name + "\": its public key.",
                "Encrypt to it with: age -R " + target.getFileName() + " FILE > FILE.age")));
    }

    @Override
    public void saveRecoverySheet(String name, Path target) {
        AgeKeyStore keys = engine.keys();
        write(target, RecoverySheet.of(keys.show(name), keys.secretFile(name), clock.instant()));
    }

    private static void write(Path target, String text) {
        try {
            Files.writeString(target, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "Could not write " + target + ": " + e.getMessage(),
                    "Choose a folder you can write to, on a disk with room.", List.of(), e);
        }
    }
}
