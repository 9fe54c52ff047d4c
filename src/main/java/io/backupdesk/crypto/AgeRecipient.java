package io.backupdesk.crypto;

import com.exceptionfactory.jagged.FileKey;
import com.exceptionfactory.jagged.RecipientStanzaWriter;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaWriterFactory;

import java.security.GeneralSecurityException;
import java.util.Locale;

/**
 * An age X25519 public key, {@code age1…}: what a backup is encrypted to. Holds no secret, so it may be shown,
 * logged and written anywhere. Always in the lower case that {@code age-keygen} prints.
 */
public record AgeRecipient(String publicKey) {
    private static final String PREFIX = "age1";

    public AgeRecipient {
        publicKey = canonical(publicKey);
    }

    /** Parses a public key as typed or pasted (surrounding blanks are ignored); says plainly what it is not. */
    public static AgeRecipient parse(String text) {
        return new AgeRecipient(text);
    }

    /** Jagged's writer of an X25519 stanza for this key; the key was checked when this record was made. */
    RecipientStanzaWriter stanzaWriter() {
        try {
            return X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(publicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A checked public key was refused by the X25519 writer", e);
        }
    }

    private static String canonical(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("No public key was given.");
        }
        String trimmed = text.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith(AgeIdentity.PREFIX.toLowerCase(Locale.ROOT))) {
            // never echo it: this is somebody's secret key pasted where the public one belongs
            throw new CryptoException(CryptoException.Failure.INVALID_KEY,
                    "A secret key (AGE-SECRET-KEY-1…) was given where a public key (age1…) belongs.",
                    "Give the public key; age-keygen -y prints it from the secret key file. Keep the secret key private.");
        }
        if (lower.startsWith("ssh-") || lower.startsWith("ecdsa-")) {
            throw invalid("SSH public keys are not supported here.");
        }
        if (!lower.startsWith(PREFIX)) {
            throw invalid("This is not an age public key: it does not start with age1.");
        }
        if (!trimmed.equals(lower) && !trimmed.equals(trimmed.toUpperCase(Locale.ROOT))) {
            throw invalid("The public key " + shortened(trimmed) + " mixes upper and lower case.");
        }
        if (lower.lastIndexOf('1') != PREFIX.length() - 1) {
            throw invalid("The public key " + shortened(lower) + " is for an age plugin, which is not supported.");
        }
        RecipientStanzaWriter writer;
        try {
            writer = X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(lower);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw invalid("The public key " + shortened(lower) + " is damaged: its checksum or length is wrong.");
        }
        try {
            // one trial wrap: a point of small order decodes fine but agrees on an all-zero secret, which age refuses
            writer.getRecipientStanzas(new FileKey());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw invalid("The public key " + shortened(lower) + " is not a usable X25519 key.");
        }
        return lower;
    }

    private static String shortened(String key) {
        return key.length() <= 16 ? key : key.substring(0, 12) + "…";
    }

    private static CryptoException invalid(String message) {
        return new CryptoException(CryptoException.Failure.INVALID_KEY, message,
                "Give an age X25519 public key, age1… as age-keygen prints it.");
    }

    @Override
    public String toString() {
        return publicKey;
    }
}
