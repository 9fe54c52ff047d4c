package io.backupdesk.crypto;

import com.exceptionfactory.jagged.PayloadException;
import com.exceptionfactory.jagged.RecipientStanzaWriter;
import com.exceptionfactory.jagged.framework.stream.StandardEncryptingChannelFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.security.GeneralSecurityException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Encrypts into age files (age-encryption.org/v1, binary) that the {@code age} tool opens: to public keys, which is
 * what scheduled backups use (no secret is needed to write), or with one passphrase, alone, as the format requires.
 * Thread-safe and reusable: each call starts a new file with a new random file key.
 */
public final class AgeEncryptor {
    private final List<AgeRecipient> recipients;
    private final Passphrase passphrase;
    private final int workFactor;

    private AgeEncryptor(List<AgeRecipient> recipients, Passphrase passphrase, int workFactor) {
        this.recipients = recipients;
        this.passphrase = passphrase;
        this.workFactor = workFactor;
    }

    /** Encrypts to every one of these public keys (duplicates count once); any of their secret keys opens the file. */
    public static AgeEncryptor toRecipients(Collection<AgeRecipient> recipients) {
        if (recipients.isEmpty()) {
            throw new CryptoException(CryptoException.Failure.INVALID_KEY, "No public key was given to encrypt to.",
                    "Give at least one age1… public key, or a key from the key store.");
        }
        return new AgeEncryptor(List.copyOf(new LinkedHashSet<>(recipients)), null, 0);
    }

    /** Encrypts with a passphrase at age's default cost (scrypt work factor 18, as {@code age -p}). */
    public static AgeEncryptor withPassphrase(Passphrase passphrase) {
        return withPassphrase(passphrase, ScryptWrapKey.DEFAULT_WORK_FACTOR);
    }

    /**
     * Encrypts with a passphrase at scrypt cost 2^workFactor, 1 to 22 (what age opens); a lower one is faster to open
     * and to guess. The caller keeps and closes the passphrase, after the last file is started.
     */
    public static AgeEncryptor withPassphrase(Passphrase passphrase, int workFactor) {
        if (workFactor < 1 || workFactor > ScryptWrapKey.MAX_WORK_FACTOR) {
            throw new CryptoException(CryptoException.Failure.INVALID_KEY,
                    "The scrypt work factor " + workFactor + " is outside 1 to " + ScryptWrapKey.MAX_WORK_FACTOR + ".",
                    "Use " + ScryptWrapKey.DEFAULT_WORK_FACTOR + ", the age tool's default.");
        }
        return new AgeEncryptor(List.of(), passphrase, workFactor);
    }

    /** The public keys the files are encrypted to; empty for a passphrase. */
    public List<AgeRecipient> recipients() {
        return recipients;
    }

    public boolean usesPassphrase() {
        return passphrase != null;
    }

    /**
     * Starts an age file on {@code sink}: the header is written now (with a passphrase, after scrypt's second or so),
     * the content as it is written, the last chunk at close.
     */
    public AgeEncryptingChannel encrypt(WritableByteChannel sink) throws IOException {
        try {
            return new AgeEncryptingChannel(new StandardEncryptingChannelFactory().newEncryptingChannel(sink, stanzaWriters()), sink);
        } catch (GeneralSecurityException | PayloadException e) {
            throw new IllegalStateException("The age header could not be written", e);
        }
    }

    /** Like {@link #encrypt(WritableByteChannel)}, for streams. */
    public AgeEncryptingOutputStream encrypt(OutputStream sink) throws IOException {
        return new AgeEncryptingOutputStream(encrypt(Channels.newChannel(sink)));
    }

    private List<RecipientStanzaWriter> stanzaWriters() {
        if (passphrase != null) {
            return List.of(new ScryptRecipientStanzaWriter(passphrase, workFactor));
        }
        return recipients.stream().map(AgeRecipient::stanzaWriter).toList();
    }
}
