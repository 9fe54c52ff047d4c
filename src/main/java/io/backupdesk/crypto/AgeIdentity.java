package io.backupdesk.crypto;

import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.x25519.X25519KeyFactory;
import com.exceptionfactory.jagged.x25519.X25519KeyPairGenerator;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaReaderFactory;

import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Locale;

/**
 * An age X25519 secret key, {@code AGE-SECRET-KEY-1…}: what opens a backup encrypted to its {@link #recipient()}.
 * It never prints itself; only {@link IdentityFile} writes it out, into owner-only files.
 */
public final class AgeIdentity {
    static final String PREFIX = "AGE-SECRET-KEY-1";

    private final char[] secretKey;
    private final AgeRecipient recipient;

    private AgeIdentity(char[] secretKey) {
        this.secretKey = secretKey;
        this.recipient = derive(secretKey);
    }

    /** A new key from the platform's strong random source. */
    public static AgeIdentity generate() {
        try {
            KeyPair pair = new X25519KeyPairGenerator().generateKeyPair();
            byte[] encoded = pair.getPrivate().getEncoded();
            char[] text = new char[encoded.length];
            for (int i = 0; i < encoded.length; i++) {
                text[i] = (char) encoded[i];
            }
            Arrays.fill(encoded, (byte) 0);
            return new AgeIdentity(text);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime cannot make X25519 keys", e);
        }
    }

    /** Parses a secret key as {@code age-keygen} writes it; a message about a bad key never repeats the key. */
    public static AgeIdentity parse(CharSequence text) {
        String trimmed = text == null ? "" : text.toString().strip();
        String upper = trimmed.toUpperCase(Locale.ROOT);
        if (!upper.startsWith(PREFIX)) {
            if (upper.startsWith("AGE-PLUGIN-")) {
                throw invalid("Keys of age plugins are not supported.");
            }
            throw invalid("This is not an age secret key: it does not start with " + PREFIX + ".");
        }
        if (!trimmed.equals(upper) && !trimmed.equals(trimmed.toLowerCase(Locale.ROOT))) {
            throw invalid("The secret key mixes upper and lower case.");
        }
        return new AgeIdentity(upper.toCharArray());
    }

    /** The public key that encrypts to this identity. */
    public AgeRecipient recipient() {
        return recipient;
    }

    /** The key as written into an identity file. */
    String secretKey() {
        return new String(secretKey);
    }

    /** Jagged's reader of X25519 stanzas with this key. */
    RecipientStanzaReader stanzaReader() {
        try {
            return X25519RecipientStanzaReaderFactory.newRecipientStanzaReader(CharBuffer.wrap(secretKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A checked secret key was refused by the X25519 reader", e);
        }
    }

    private static AgeRecipient derive(char[] secretKey) {
        ByteBuffer encoded = StandardCharsets.US_ASCII.encode(CharBuffer.wrap(secretKey));
        byte[] ascii = Arrays.copyOf(encoded.array(), encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        try {
            Key publicKey = new X25519KeyFactory().translateKey(new SecretKeySpec(ascii, "X25519"));
            return new AgeRecipient(new String(publicKey.getEncoded(), StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw invalid("The secret key is damaged: its checksum or length is wrong.");
        } finally {
            Arrays.fill(ascii, (byte) 0);
        }
    }

    private static CryptoException invalid(String message) {
        return new CryptoException(CryptoException.Failure.INVALID_KEY, message,
                "Give an age X25519 secret key, AGE-SECRET-KEY-1… as age-keygen writes it.");
    }

    @Override
    public String toString() {
        return "AgeIdentity[" + recipient + "]";
    }
}
