package io.backupdesk.jobs;

import io.backupdesk.backup.ArchiveEncryption;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.backup.ArchiveDecryption;
import io.backupdesk.backup.DumpImporter;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.crypto.AgeDecryptor;
import io.backupdesk.crypto.AgeEncryptor;
import io.backupdesk.crypto.AgeIdentity;
import io.backupdesk.crypto.CryptoException;
import io.backupdesk.crypto.IdentityFile;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.crypto.AgeKeyStore;
import io.backupdesk.crypto.AgeRecipient;
import io.backupdesk.crypto.Passphrase;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns what a person named to encrypt to (a stored key's name, or an age1… public key) into the public keys a backup
 * is encrypted with. The one place that decides which keys a backup gets, for every front end: what the run names, else
 * what its connection names.
 */
public final class EncryptionKeys {
    private static final String PUBLIC_KEY_PREFIX = "age1";

    private final AgeKeyStore keys;

    public EncryptionKeys(AgeKeyStore keys) {
        this.keys = keys;
    }

    /**
     * Checks each entry now, so that a connection or schedule never keeps a key nothing can encrypt to.
     *
     * @return the entries as given, without duplicates
     * @throws BackupDeskException naming the entry that is neither a stored key nor a public key
     */
    public List<String> check(List<String> encryptTo) {
        resolve(encryptTo);
        return List.copyOf(new LinkedHashSet<>(encryptTo));
    }

    /** The public keys these entries stand for, each once, in the order given. */
    public List<AgeRecipient> resolve(List<String> encryptTo) {
        Set<AgeRecipient> recipients = new LinkedHashSet<>();
        Set<String> storedNames = new LinkedHashSet<>();
        keys.list().forEach(k -> storedNames.add(k.name()));
        for (String entry : encryptTo) {
            String trimmed = entry == null ? "" : entry.trim();
            // a stored key's name wins over the same text read as a public key: names are checked, keys parsed
            if (trimmed.regionMatches(true, 0, PUBLIC_KEY_PREFIX, 0, PUBLIC_KEY_PREFIX.length())
                    && !storedNames.contains(trimmed)) {
                recipients.add(AgeRecipient.parse(trimmed));
            } else {
                recipients.addAll(keys.recipients(AgeKeyStore.checkName(trimmed)));
            }
        }
        return new ArrayList<>(recipients);
    }

    /**
     * The keys a backup of this connection is encrypted to: the run's own when it names any, else the connection's.
     *
     * @return empty when the backup is not encrypted
     */
    public static List<String> forRun(List<String> runKeys, ConnectionProfile profile) {
        return runKeys.isEmpty() ? profile.encryptTo() : runKeys;
    }

    /**
     * The encryption of one backup.
     *
     * @param passphrase a passphrase for this run instead of keys; null to use the keys
     * @return empty when neither keys nor a passphrase are given
     */
    public Optional<ArchiveEncryption> forBackup(List<String> encryptTo, Passphrase passphrase) {
        if (passphrase != null) {
            if (!encryptTo.isEmpty()) {
                throw BackupDeskException.configuration("A backup is encrypted either to keys or with a passphrase, not both.",
                        "Choose keys or a passphrase for this backup.");
            }
            return Optional.of(of(AgeEncryptor.withPassphrase(passphrase)));
        }
        if (encryptTo.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(of(AgeEncryptor.toRecipients(resolve(encryptTo))));
    }

    /**
     * What opens this backup: the key file or passphrase given, else a stored secret key it was encrypted to.
     *
     * @return empty for an unencrypted backup, or when nothing here opens it and nothing was given
     * @throws CryptoException {@code PASSPHRASE_REQUIRED} when a stored key that fits is protected and no passphrase
     *                         was given (ask for one and call again); {@code WRONG_KEY} when the key file given is not
     *                         one the backup was encrypted to
     */
    public Optional<ArchiveDecryption> forReading(BackupRecord backup, SecretKeys given) {
        if (!backup.encrypted()) {
            return Optional.empty();
        }
        if (backup.recipients().isEmpty()) {
            return given.passphrase() == null ? Optional.empty()
                    : Optional.of(of(AgeDecryptor.withPassphrase(given.passphrase())));
        }
        if (given.identityFile().isPresent()) {
            Path file = given.identityFile().get();
            List<AgeIdentity> identities = IdentityFile.read(file, given.passphrase());
            if (identities.stream().noneMatch(i -> backup.recipients().contains(i.recipient().publicKey()))) {
                throw new CryptoException(CryptoException.Failure.WRONG_KEY, "The key in " + file + " ("
                        + identities.stream().map(i -> i.recipient().publicKey()).collect(Collectors.joining(", "))
                        + ") is not one this backup was encrypted to: " + String.join(", ", backup.recipients()) + ".",
                        "Give the secret key file of one of these public keys.");
            }
            return Optional.of(of(AgeDecryptor.withIdentities(identities)));
        }
        if (!given.tryStoredKeys()) {
            return Optional.empty();
        }
        List<AgeIdentity> identities = new ArrayList<>();
        CryptoException protectedKey = null;
        for (StoredKey key : keys.list()) {
            boolean fits = key.hasSecretKey() && key.recipients().stream()
                    .anyMatch(r -> backup.recipients().contains(r.publicKey()));
            if (!fits || !key.isUsable()) {
                continue;
            }
            try {
                identities.addAll(keys.identities(key.name(), given.passphrase()));
            } catch (CryptoException e) {
                protectedKey = protectedKey == null ? e : protectedKey;
            }
        }
        if (!identities.isEmpty()) {
            return Optional.of(of(AgeDecryptor.withIdentities(identities)));
        }
        if (protectedKey != null) {
            throw protectedKey;
        }
        return Optional.empty();
    }

    /**
     * What opens an age-encrypted dump brought in from elsewhere, and the public keys it is encrypted to: the key
     * file given, else the passphrase given (for a passphrase-encrypted file), else a stored secret key.
     *
     * @return empty when the file is not age-encrypted
     * @throws CryptoException when nothing given or stored here opens it, or the passphrase is wrong
     */
    public Optional<DumpImporter.Encrypted> forImport(Path file, SecretKeys given) throws IOException {
        if (Files.isDirectory(file) || !AgeDecryptor.isAgeFile(file)) {
            return Optional.empty();
        }
        if (given.identityFile().isPresent()) {
            List<AgeIdentity> identities = IdentityFile.read(given.identityFile().get(), given.passphrase());
            AgeDecryptor decryptor = AgeDecryptor.withIdentities(identities);
            if (!opens(decryptor, file)) {
                throw new CryptoException(CryptoException.Failure.WRONG_KEY, "The key in " + given.identityFile().get()
                        + " does not open " + file.getFileName() + ".", "Give the secret key file it was encrypted to.");
            }
            return Optional.of(new DumpImporter.Encrypted(of(decryptor), publicKeys(identities)));
        }
        if (given.passphrase() != null && opens(AgeDecryptor.withPassphrase(given.passphrase()), file)) {
            return Optional.of(new DumpImporter.Encrypted(of(AgeDecryptor.withPassphrase(given.passphrase())), List.of()));
        }
        for (StoredKey key : keys.list()) {
            if (!key.hasSecretKey() || !key.isUsable()) {
                continue;
            }
            List<AgeIdentity> identities;
            try {
                identities = keys.identities(key.name(), given.passphrase());
            } catch (CryptoException protectedKey) {
                continue;
            }
            AgeDecryptor decryptor = AgeDecryptor.withIdentities(identities);
            if (opens(decryptor, file)) {
                return Optional.of(new DumpImporter.Encrypted(of(decryptor), publicKeys(identities)));
            }
        }
        throw new CryptoException(CryptoException.Failure.WRONG_KEY, "No key stored here opens " + file.getFileName() + ".",
                "Give its secret key file with --identity, or its passphrase with --passphrase-stdin.");
    }

    /** Whether the header opens with these keys; a file encrypted to others, or with a passphrase, does not. */
    private static boolean opens(AgeDecryptor decryptor, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); InputStream opened = decryptor.decrypt(in)) {
            return true;
        } catch (CryptoException e) {
            if (e.failure() == CryptoException.Failure.WRONG_KEY
                    || e.failure() == CryptoException.Failure.WRONG_KIND_OF_SECRET) {
                return false;
            }
            throw e;
        }
    }

    private static List<String> publicKeys(List<AgeIdentity> identities) {
        return identities.stream().map(i -> i.recipient().publicKey()).distinct().toList();
    }

    /** Why an encrypted backup cannot be opened here, naming the keys it needs. */
    public static BackupDeskException noKeyFor(BackupRecord backup) {
        return new CryptoException(CryptoException.Failure.WRONG_KEY, backup.recipients().isEmpty()
                ? "Backup " + backup.id() + " is encrypted with a passphrase."
                : "Backup " + backup.id() + " is encrypted to " + String.join(", ", backup.recipients())
                + ", and no secret key of these is stored here.",
                backup.recipients().isEmpty() ? "Give its passphrase." : "Give the secret key file of one of these public keys.");
    }

    private static ArchiveDecryption of(AgeDecryptor decryptor) {
        return decryptor::decrypt;
    }

    private static ArchiveEncryption of(AgeEncryptor encryptor) {
        List<String> publicKeys = encryptor.recipients().stream().map(AgeRecipient::publicKey).toList();
        return new ArchiveEncryption() {
            @Override
            public OutputStream encrypt(OutputStream ciphertext) throws IOException {
                return encryptor.encrypt(ciphertext);
            }

            @Override
            public List<String> recipients() {
                return publicKeys;
            }
        };
    }
}
