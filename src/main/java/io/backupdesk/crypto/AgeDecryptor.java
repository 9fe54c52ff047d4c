package io.backupdesk.crypto;

import com.exceptionfactory.jagged.PayloadException;
import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.framework.armor.ArmoredDecodingException;
import com.exceptionfactory.jagged.framework.armor.ArmoredDecryptingChannelFactory;
import com.exceptionfactory.jagged.framework.stream.StandardDecryptingChannelFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.security.GeneralSecurityException;
import java.security.SignatureException;
import java.util.Collection;
import java.util.List;

/**
 * Opens age files (age-encryption.org/v1, binary or armored) with secret keys or with a passphrase. Opening reads
 * and checks the header at once, so a wrong key, a wrong passphrase or a file that is not age fails before any
 * plaintext exists, with a {@link CryptoException} that says which. Thread-safe and reusable: each call opens one
 * stream.
 */
public final class AgeDecryptor {
    private final List<AgeIdentity> identities;
    private final Passphrase passphrase;

    private AgeDecryptor(List<AgeIdentity> identities, Passphrase passphrase) {
        this.identities = identities;
        this.passphrase = passphrase;
    }

    /** Opens files encrypted to any of these keys' public keys. */
    public static AgeDecryptor withIdentities(Collection<AgeIdentity> identities) {
        if (identities.isEmpty()) {
            throw new CryptoException(CryptoException.Failure.INVALID_KEY, "No secret key was given to decrypt with.",
                    "Give the key file of the key the backup was encrypted to.");
        }
        return new AgeDecryptor(List.copyOf(identities), null);
    }

    /** Opens files encrypted with this passphrase ({@code age -p}); the caller keeps and closes the passphrase. */
    public static AgeDecryptor withPassphrase(Passphrase passphrase) {
        return new AgeDecryptor(List.of(), passphrase);
    }

    /**
     * The plaintext of an age file. Reads the header now; the returned channel's close closes {@code ciphertext}, and
     * when opening fails, {@code ciphertext} stays open for the caller to close.
     *
     * @throws CryptoException the file is not age, its header is damaged, or the key or passphrase does not open it
     * @throws IOException     reading the file failed
     */
    public AgeDecryptingChannel decrypt(ReadableByteChannel ciphertext) throws IOException {
        byte[] prefix = AgeFormat.readPrefix(ciphertext);
        AgeFormat format = AgeFormat.of(prefix);
        if (format == AgeFormat.NOT_AGE) {
            throw new CryptoException(CryptoException.Failure.NOT_ENCRYPTED,
                    prefix.length == 0 ? "The file is empty; it is not an age-encrypted file."
                            : "The file is not age-encrypted: it does not start with the age header.",
                    "Pick the encrypted backup (or open this one without decrypting it).");
        }
        StandardDecryptingChannelFactory factory = format == AgeFormat.ARMORED
                ? new ArmoredDecryptingChannelFactory() : new StandardDecryptingChannelFactory();
        ReadableByteChannel input = new PrefixedChannel(prefix, ciphertext);
        try {
            return new AgeDecryptingChannel(factory.newDecryptingChannel(input, List.of(stanzaReader())));
        } catch (SignatureException e) {
            throw new CryptoException(CryptoException.Failure.DAMAGED,
                    "The encrypted file's header was altered: its authentication code does not match.",
                    "Use another copy of the backup; this one cannot be decrypted.", e);
        } catch (GeneralSecurityException | PayloadException | ArmoredDecodingException e) {
            throw new CryptoException(CryptoException.Failure.DAMAGED,
                    "The encrypted file's header is damaged, or the file ends right after it.",
                    "Use another copy of the backup; this one cannot be decrypted.", e);
        }
    }

    /** Whether the file is age-encrypted (binary or armored), told from its first bytes; no key is tried. */
    public static boolean isAgeFile(Path file) throws IOException {
        try (ReadableByteChannel in = Files.newByteChannel(file)) {
            return AgeFormat.of(AgeFormat.readPrefix(in)) != AgeFormat.NOT_AGE;
        }
    }

    /** Like {@link #decrypt(ReadableByteChannel)}, for streams; a damaged payload throws {@link DamagedCiphertextException}. */
    public InputStream decrypt(InputStream ciphertext) throws IOException {
        return Channels.newInputStream(decrypt(Channels.newChannel(ciphertext)));
    }

    private RecipientStanzaReader stanzaReader() {
        return passphrase != null ? new ScryptRecipientStanzaReader(passphrase) : new X25519IdentitiesStanzaReader(identities);
    }
}
