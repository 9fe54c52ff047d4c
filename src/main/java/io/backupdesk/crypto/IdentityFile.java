package io.backupdesk.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * An identity file as {@code age -d -i FILE} reads it. Plain, it is what {@code age-keygen} writes: comment lines
 * {@code # created: …} and {@code # public key: age1…}, then the {@code AGE-SECRET-KEY-1…} line. Passphrase-protected,
 * it is that same text age-encrypted with the passphrase alone (what {@code age-keygen | age -p > key.age} makes),
 * which age 1.1 opens after asking for the passphrase.
 */
public final class IdentityFile {
    private IdentityFile() { }

    /** The plain text of an identity file for one key, with age-keygen's comments. */
    public static String format(AgeIdentity identity, Instant created) {
        return format(identity, "created", created);
    }

    /** The same, with another word than "created" for the date (an imported key was made elsewhere, earlier). */
    static String format(AgeIdentity identity, String dateLabel, Instant date) {
        return "# " + dateLabel + ": " + date.truncatedTo(ChronoUnit.SECONDS) + "\n"
                + "# public key: " + identity.recipient().publicKey() + "\n"
                + identity.secretKey() + "\n";
    }

    /** The identity file's text sealed with a passphrase at scrypt cost 2^workFactor. */
    public static byte[] protect(String identityText, Passphrase passphrase, int workFactor) {
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        try (AgeEncryptingOutputStream out = AgeEncryptor.withPassphrase(passphrase, workFactor).encrypt(sealed)) {
            out.write(identityText.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory failed", e);
        }
        return sealed.toByteArray();
    }

    /** Whether these bytes are a passphrase-protected (age-encrypted) identity file rather than plain text. */
    public static boolean isProtected(byte[] content) {
        return AgeFormat.of(content) != AgeFormat.NOT_AGE;
    }

    /**
     * Reads an identity file the user names (it may be a link), plain or passphrase-protected.
     *
     * @param passphrase for a protected file; null when none was given, which a protected file refuses with
     *                   {@link CryptoException.Failure#PASSPHRASE_REQUIRED} so the caller can ask and try again
     */
    public static List<AgeIdentity> read(Path file, Passphrase passphrase) {
        return parse(KeyFileText.read(file, false), file.toString(), passphrase);
    }

    /** Parses identity-file bytes; {@code source} names the file in messages, which never quote a secret key. */
    public static List<AgeIdentity> parse(byte[] content, String source, Passphrase passphrase) {
        byte[] plain = isProtected(content) ? unlock(content, source, passphrase) : content;
        List<AgeIdentity> identities = new ArrayList<>();
        for (KeyFileText.Line line : KeyFileText.meaningfulLines(KeyFileText.decode(plain, source))) {
            if (line.text().startsWith("age1")) {
                throw new CryptoException(CryptoException.Failure.INVALID_KEY, "Line " + line.number() + " of " + source
                        + " is a public key; an identity file holds secret keys (AGE-SECRET-KEY-1…).",
                        "Give the secret key file; a file of public keys can only encrypt.");
            }
            if (line.text().startsWith("-----BEGIN")) {
                throw new CryptoException(CryptoException.Failure.INVALID_KEY, source + " is an SSH or PEM key, which is not supported.",
                        "Make an age key with Backup Desk or age-keygen.");
            }
            try {
                identities.add(AgeIdentity.parse(line.text()));
            } catch (CryptoException e) {
                throw KeyFileText.atLine(e, source, line);
            }
        }
        if (identities.isEmpty()) {
            throw new CryptoException(CryptoException.Failure.INVALID_KEY, source + " holds no secret key.",
                    "Give an identity file as age-keygen writes it.");
        }
        return List.copyOf(identities);
    }

    private static byte[] unlock(byte[] sealed, String source, Passphrase passphrase) {
        if (passphrase == null) {
            throw new CryptoException(CryptoException.Failure.PASSPHRASE_REQUIRED,
                    "The key file " + source + " is protected by a passphrase.", "Give its passphrase.");
        }
        try (InputStream in = AgeDecryptor.withPassphrase(passphrase).decrypt(new ByteArrayInputStream(sealed))) {
            return in.readNBytes(KeyFileText.MAX_BYTES);
        } catch (CryptoException e) {
            throw switch (e.failure()) {
                case WRONG_PASSPHRASE -> new CryptoException(e.failure(),
                        "The passphrase does not open the key file " + source + ".", "Type its passphrase again.");
                case WRONG_KIND_OF_SECRET -> new CryptoException(CryptoException.Failure.INVALID_KEY, "The key file " + source
                        + " is encrypted to a public key, not protected by a passphrase; age cannot use it either.",
                        "Decrypt it first, or protect it with age -p.");
                default -> new CryptoException(e.failure(), "The key file " + source + ": " + e.getMessage(), e.hint());
            };
        } catch (IOException e) {
            throw new CryptoException(CryptoException.Failure.DAMAGED, "The key file " + source + " is damaged: " + e.getMessage(),
                    "Use a backup copy of the key file.", e);
        }
    }
}
