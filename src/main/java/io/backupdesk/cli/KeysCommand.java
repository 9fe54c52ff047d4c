package io.backupdesk.cli;

import io.backupdesk.crypto.AgeKeyStore;
import io.backupdesk.crypto.AgeRecipient;
import io.backupdesk.crypto.Passphrase;
import io.backupdesk.crypto.RecoverySheet;
import io.backupdesk.crypto.StoredKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code backupdesk keys ...}: the age keys backups are encrypted to. A key's public part is all a backup needs; its
 * secret part, in a file the standard {@code age} tool reads, is what a restore needs.
 */
@Command(name = "keys", description = "Manage the age keys that backups are encrypted to.",
        footer = {"", "Without the secret key, backups encrypted to a key cannot be restored by anyone. Keep a copy of",
                "the secret key file off this computer; 'keys show NAME' says where it is.",
                "Any backup can be decrypted without Backup Desk: age -d -i SECRET_KEY_FILE BACKUP.age > BACKUP"})
public final class KeysCommand {
    private static final String ROW = "%-20s  %-8s  %-11s  %s%n";

    @ParentCommand
    BackupDeskCli root;

    @Command(name = "generate", description = "Make a new key pair and print its public key.")
    int generate(@Parameters(paramLabel = "NAME") String name,
                 @Option(names = "--passphrase-stdin", description = "Protect the secret key file with the passphrase on"
                         + " the first line of stdin (age asks for it when it decrypts).") boolean passphraseStdin)
            throws IOException {
        AgeKeyStore keys = root.engine().keys();
        StoredKey made;
        try (Passphrase protection = passphraseStdin ? Passphrase.readFirstLine(root.in()) : null) {
            made = keys.generate(name, protection);
        }
        root.out().println("Key " + made.name() + " made. Its public key (share it, encrypt to it):");
        made.recipients().forEach(r -> root.out().println("  " + r.publicKey()));
        root.out().println("Its secret key: " + keys.secretFile(made.name())
                + (made.passphraseProtected() ? " (protected by the passphrase)" : ""));
        root.out().println("Without it the backups encrypted to this key cannot be restored: keep a copy off this"
                + " computer.");
        return 0;
    }

    @Command(name = "list", description = "List the keys with their public keys.")
    int list(@Option(names = "--json", description = "Print a JSON array.") boolean json) {
        List<StoredKey> keys = root.engine().keys().list();
        if (json) {
            root.out().println(CliJson.writeList(keys.stream().map(KeysCommand::json).toList()));
            return 0;
        }
        if (keys.isEmpty()) {
            root.out().println("No keys. Make one with 'backupdesk keys generate NAME'.");
            return 0;
        }
        root.out().printf(ROW, "NAME", "SECRET", "PASSPHRASE", "PUBLIC KEY");
        for (StoredKey k : keys) {
            String publicKeys = !k.isUsable() ? "unusable: " + k.problem()
                    : String.join(", ", k.recipients().stream().map(AgeRecipient::publicKey).toList());
            root.out().printf(ROW, k.name(), k.hasSecretKey() ? "here" : "elsewhere",
                    k.passphraseProtected() ? "yes" : "no", publicKeys);
        }
        return 0;
    }

    @Command(name = "show", description = "Show a key's public key and where its files are; never the secret key.")
    int show(@Parameters(paramLabel = "NAME") String name) {
        AgeKeyStore keys = root.engine().keys();
        StoredKey key = keys.show(name);
        if (!key.isUsable()) {
            root.err().println("warning: " + key.problem());
        }
        key.recipients().forEach(r -> root.out().println(r.publicKey()));
        root.out().println("# public key file:  " + keys.publicFile(key.name()));
        root.out().println("# secret key file:  " + (key.hasSecretKey() ? keys.secretFile(key.name())
                + (key.passphraseProtected() ? " (passphrase-protected)" : "") : "not on this computer"));
        return 0;
    }

    @Command(name = "sheet", description = "Print a key's recovery sheet: its public key, where its secret key is,"
            + " and the age commands that restore its backups without Backup Desk. Print it and keep it with the key.")
    int sheet(@Parameters(paramLabel = "NAME") String name) {
        AgeKeyStore keys = root.engine().keys();
        StoredKey key = keys.show(name);
        root.out().print(RecoverySheet.of(key, keys.secretFile(key.name()), Instant.now()));
        root.out().flush();
        return 0;
    }

    @Command(name = "import", description = "Keep a key under a name: an identity file (age-keygen's, plain or"
            + " passphrase-protected), a recipients file, or one age1... public key.")
    int importKey(@Parameters(index = "0", paramLabel = "NAME") String name,
                  @Parameters(index = "1", paramLabel = "FILE_OR_PUBLIC_KEY") String source,
                  @Option(names = "--passphrase-stdin", description = "The passphrase of a protected identity file, on"
                          + " the first line of stdin.") boolean passphraseStdin) throws IOException {
        AgeKeyStore keys = root.engine().keys();
        StoredKey kept;
        if (source.startsWith("age1")) {
            kept = keys.importRecipients(name, List.of(AgeRecipient.parse(source)));
        } else {
            try (Passphrase passphrase = passphraseStdin ? Passphrase.readFirstLine(root.in()) : null) {
                kept = keys.importFile(name, Path.of(source), passphrase);
            }
        }
        root.out().println("Key " + kept.name() + " kept" + (kept.hasSecretKey() ? " with its secret key" : " (public"
                + " keys only: it encrypts, but backups encrypted to it are restored where its secret key is)") + ".");
        return 0;
    }

    @Command(name = "remove", description = "Remove a key's files. Backups encrypted to it stay as they are.")
    int remove(@Parameters(paramLabel = "NAME") String name,
               @Option(names = "--yes", description = "Do not ask to type the key name.") boolean yes) {
        AgeKeyStore keys = root.engine().keys();
        StoredKey key = keys.show(name);
        if (key.hasSecretKey()) {
            Confirmation.require(yes, key.name(), "key", "The secret key " + keys.secretFile(key.name())
                    + " will be deleted: backups encrypted to " + key.name()
                    + " can then be restored only with a copy of it kept elsewhere.");
        }
        keys.remove(key.name());
        root.out().println("Key " + key.name() + " removed.");
        return 0;
    }

    private static Map<String, Object> json(StoredKey k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", k.name());
        m.put("publicKeys", k.recipients().stream().map(AgeRecipient::publicKey).toList());
        m.put("hasSecretKey", k.hasSecretKey());
        m.put("passphraseProtected", k.passphraseProtected());
        m.put("usable", k.isUsable());
        m.put("problem", k.isUsable() ? null : k.problem());
        return m;
    }
}
