package io.backupdesk.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The keys folder ({@code keys/} in the configuration folder): per name, {@code NAME.key}, the secret key as an
 * identity file {@code age -d -i} reads (plain or passphrase-protected), and {@code NAME.pub}, its public key as a
 * recipients file {@code age -R} reads. Listing, showing and encrypting need neither the secret key nor its
 * passphrase: a {@code NAME.pub} alone is a key that encrypts but cannot decrypt (imported public keys, or a secret
 * key moved off this computer). Where a plain secret key is present, its public key is checked against
 * {@code NAME.pub}. Every file in the folder is untrusted: links are not followed, sizes are bounded, and a bad file
 * is reported by name, never acted on. Files are owner-only. Thread-safe: it holds no state but the folder.
 */
public final class AgeKeyStore {
    /** The rule of profile names: a portable file name on every system. */
    private static final Pattern VALID_NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,63}");
    private static final String SECRET = ".key";
    private static final String PUBLIC = ".pub";

    private final KeyFolder folder;
    private final Clock clock;
    private final int protectionWorkFactor;

    public AgeKeyStore(Path folder) {
        this(folder, Clock.systemUTC(), ScryptWrapKey.DEFAULT_WORK_FACTOR);
    }

    /** With a cheaper scrypt for protected key files, so tests need not pay age's default cost at every step. */
    AgeKeyStore(Path folder, Clock clock, int protectionWorkFactor) {
        this.folder = new KeyFolder(folder);
        this.clock = clock;
        this.protectionWorkFactor = protectionWorkFactor;
    }

    /** Checks a key name the way profile names are checked; returns it unchanged. */
    public static String checkName(String name) {
        if (name == null || !VALID_NAME.matcher(name).matches()) {
            throw new CryptoException(CryptoException.Failure.KEY_STORE, "'" + name + "' is not a valid key name.",
                    "Use up to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        return name;
    }

    /**
     * Makes a new key pair. The secret key is written first, so a key whose public key is in the store always had
     * its secret written too.
     *
     * @param protection passphrase that protects the secret key file (scrypt at age's default cost); null for none
     */
    public StoredKey generate(String name, Passphrase protection) {
        checkFree(name);
        Instant now = clock.instant();
        AgeIdentity identity = AgeIdentity.generate();
        String text = IdentityFile.format(identity, now);
        byte[] secret = protection == null ? text.getBytes(StandardCharsets.UTF_8)
                : IdentityFile.protect(text, protection, protectionWorkFactor);
        return store(name, secret, List.of(identity.recipient()), "created " + now.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Imports a key file the user names: an identity file (plain, kept plain; passphrase-protected, kept as it is)
     * or a recipients file (public keys only).
     *
     * @param passphrase opens a protected identity file, whose public key must be read; null for other files
     */
    public StoredKey importFile(String name, Path file, Passphrase passphrase) {
        checkFree(name);
        String source = file.toString();
        byte[] content = KeyFileText.read(file, false);
        String origin = "imported " + clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (IdentityFile.isProtected(content)) {
            List<AgeIdentity> identities = IdentityFile.parse(content, source, passphrase);
            return store(name, content, identities.stream().map(AgeIdentity::recipient).toList(), origin);
        }
        if (passphrase != null) {
            throw new CryptoException(CryptoException.Failure.WRONG_KIND_OF_SECRET, source + " is not protected by a passphrase.",
                    "Import it without a passphrase.");
        }
        boolean secretKeys = KeyFileText.meaningfulLines(KeyFileText.decode(content, source)).stream()
                .anyMatch(line -> line.text().toUpperCase(Locale.ROOT).startsWith(AgeIdentity.PREFIX));
        if (!secretKeys) {
            return importRecipients(name, RecipientsFile.read(file));
        }
        // written again in age-keygen's shape, so age reads it whatever line ends or marks the original had
        List<AgeIdentity> identities = IdentityFile.parse(content, source, null);
        StringBuilder text = new StringBuilder();
        for (AgeIdentity identity : identities) {
            text.append(IdentityFile.format(identity, "imported", clock.instant()));
        }
        return store(name, text.toString().getBytes(StandardCharsets.UTF_8),
                identities.stream().map(AgeIdentity::recipient).toList(), origin);
    }

    /** Keeps public keys the user already has ({@code age1…}) under a name; they encrypt, nothing here decrypts. */
    public StoredKey importRecipients(String name, List<AgeRecipient> recipients) {
        checkFree(name);
        if (recipients.isEmpty()) {
            throw new CryptoException(CryptoException.Failure.INVALID_KEY, "No public key was given.", "Give an age1… key.");
        }
        String comment = "Backup Desk key \"" + name + "\": public keys imported "
                + clock.instant().truncatedTo(ChronoUnit.SECONDS);
        writeNew(name, publicFile(name), RecipientsFile.format(recipients, List.of(comment)).getBytes(StandardCharsets.UTF_8));
        return describe(name);
    }

    /** Every key in the store, by name; a key whose files are damaged is listed with its problem. */
    public List<StoredKey> list() {
        List<StoredKey> keys = new ArrayList<>();
        for (String name : names()) {
            keys.add(describe(name));
        }
        return keys;
    }

    /** One key, without its secret; an unknown name fails with a message that says so. */
    public StoredKey show(String name) {
        checkName(name);
        if (!exists(name)) {
            throw unknown(name);
        }
        return describe(name);
    }

    /** The public keys to encrypt to under this name; refuses a key whose files have a problem. */
    public List<AgeRecipient> recipients(String name) {
        StoredKey key = show(name);
        if (!key.isUsable()) {
            throw KeyFileText.problem(key.problem(), "Remove the key and import or generate it again.");
        }
        return key.recipients();
    }

    /**
     * The secret keys stored under this name, to decrypt with.
     *
     * @param passphrase for a protected key file; null, a protected file fails with PASSPHRASE_REQUIRED
     */
    public List<AgeIdentity> identities(String name, Passphrase passphrase) {
        StoredKey key = show(name);
        if (!key.hasSecretKey()) {
            throw KeyFileText.problem("The key '" + name + "' has only its public key here; it cannot decrypt.",
                    "Use the secret key file kept elsewhere, or import it.");
        }
        List<AgeIdentity> identities = IdentityFile.parse(KeyFileText.read(secretFile(name), true), secretFile(name).toString(), passphrase);
        List<AgeRecipient> derived = identities.stream().map(AgeIdentity::recipient).toList();
        if (!key.recipients().isEmpty() && !key.recipients().equals(derived)) {
            throw KeyFileText.problem(publicFile(name) + " does not hold the public key of " + secretFile(name) + ".",
                    "Remove the key and import the secret key file again.");
        }
        return identities;
    }

    /** Where the secret key of this name is (or would be): the file to give {@code age -d -i}. */
    public Path secretFile(String name) {
        return folder.folder().resolve(checkName(name) + SECRET);
    }

    /** Where the public key of this name is (or would be): the file to give {@code age -R}. */
    public Path publicFile(String name) {
        return folder.folder().resolve(checkName(name) + PUBLIC);
    }

    /** Removes both files of the key; the public one first, so nothing is ever encrypted to a deleted secret. */
    public void remove(String name) {
        if (!exists(checkName(name))) {
            throw unknown(name);
        }
        folder.delete(publicFile(name), secretFile(name));
    }

    private StoredKey describe(String name) {
        Path secret = secretFile(name);
        Path pub = publicFile(name);
        boolean hasSecret = Files.exists(secret, LinkOption.NOFOLLOW_LINKS);
        boolean isProtected = false;
        try {
            byte[] secretContent = hasSecret ? KeyFileText.read(secret, true) : null;
            isProtected = hasSecret && IdentityFile.isProtected(secretContent);
            List<AgeRecipient> recipients;
            if (Files.exists(pub, LinkOption.NOFOLLOW_LINKS)) {
                recipients = RecipientsFile.parse(KeyFileText.decode(KeyFileText.read(pub, true), pub.toString()), pub.toString());
            } else if (hasSecret && !isProtected) {
                recipients = publicKeysOf(secretContent, secret);
            } else {
                return new StoredKey(name, List.of(), hasSecret, isProtected, "The public key file " + pub + " is missing.");
            }
            if (hasSecret && !isProtected && !recipients.equals(publicKeysOf(secretContent, secret))) {
                return new StoredKey(name, recipients, true, false,
                        pub + " does not hold the public key of " + secret + ".");
            }
            return new StoredKey(name, recipients, hasSecret, isProtected, "");
        } catch (CryptoException e) {
            return new StoredKey(name, List.of(), hasSecret, isProtected, e.getMessage());
        }
    }

    private static List<AgeRecipient> publicKeysOf(byte[] plainIdentityFile, Path file) {
        return IdentityFile.parse(plainIdentityFile, file.toString(), null).stream().map(AgeIdentity::recipient).toList();
    }

    private StoredKey store(String name, byte[] secret, List<AgeRecipient> recipients, String origin) {
        writeNew(name, secretFile(name), secret);
        String pubText = RecipientsFile.format(recipients, List.of("Backup Desk key \"" + name + "\", " + origin,
                "The public key of " + name + SECRET + ": it encrypts, and may be shared."));
        folder.replace(publicFile(name), pubText.getBytes(StandardCharsets.UTF_8));
        return describe(name);
    }

    private void writeNew(String name, Path target, byte[] content) {
        try {
            folder.writeNew(target, content);
        } catch (FileAlreadyExistsException e) {
            throw taken(name);
        }
    }

    private void checkFree(String name) {
        checkName(name);
        for (String existing : names()) {
            if (existing.equalsIgnoreCase(name)) {
                throw taken(existing);
            }
        }
    }

    private boolean exists(String name) {
        return Files.exists(secretFile(name), LinkOption.NOFOLLOW_LINKS) || Files.exists(publicFile(name), LinkOption.NOFOLLOW_LINKS);
    }

    private TreeSet<String> names() {
        return folder.names(List.of(SECRET, PUBLIC), name -> VALID_NAME.matcher(name).matches());
    }

    private static CryptoException taken(String name) {
        return KeyFileText.problem("A key named '" + name + "' exists already.",
                "Pick another name, or remove the old key first (backups encrypted to it need its secret key).");
    }

    private CryptoException unknown(String name) {
        return KeyFileText.problem("There is no key named '" + name + "' in " + folder.folder() + ".", "List the keys to see their names.");
    }
}
