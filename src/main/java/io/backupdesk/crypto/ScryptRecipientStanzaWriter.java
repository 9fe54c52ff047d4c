package io.backupdesk.crypto;

import com.exceptionfactory.jagged.FileKey;
import com.exceptionfactory.jagged.RecipientStanza;
import com.exceptionfactory.jagged.RecipientStanzaWriter;
import com.exceptionfactory.jagged.framework.codec.CanonicalBase64;
import com.exceptionfactory.jagged.framework.crypto.CipherKey;
import com.exceptionfactory.jagged.framework.crypto.EncryptedFileKey;
import com.exceptionfactory.jagged.framework.crypto.FileKeyEncryptorFactory;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;

/**
 * Writes age's passphrase stanza, {@code -> scrypt <base64 salt> <logN>}, whose body is the file key sealed with
 * ChaCha20-Poly1305 under the scrypt-derived key (Jagged's file key encryptor: zero nonce, as the spec says). It must
 * be the only stanza of a file; {@link AgeEncryptor} never combines it with another.
 */
final class ScryptRecipientStanzaWriter implements RecipientStanzaWriter {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Passphrase passphrase;
    private final int workFactor;

    ScryptRecipientStanzaWriter(Passphrase passphrase, int workFactor) {
        if (workFactor < 1 || workFactor > ScryptWrapKey.MAX_WORK_FACTOR) {
            throw new IllegalArgumentException("scrypt work factor " + workFactor + " is outside 1.."
                    + ScryptWrapKey.MAX_WORK_FACTOR + ", which age could not open");
        }
        this.passphrase = passphrase;
        this.workFactor = workFactor;
    }

    @Override
    public Iterable<RecipientStanza> getRecipientStanzas(FileKey fileKey) throws GeneralSecurityException {
        byte[] salt = new byte[ScryptWrapKey.SALT_BYTES];
        RANDOM.nextBytes(salt);
        CipherKey wrapKey = ScryptWrapKey.derive(passphrase, salt, workFactor, ScryptWrapKey.maxHeap());
        try {
            EncryptedFileKey sealed = new FileKeyEncryptorFactory().newFileKeyEncryptor().getEncryptedFileKey(fileKey, wrapKey);
            List<String> arguments = List.of(CanonicalBase64.getEncoder().encodeToString(salt), Integer.toString(workFactor));
            return List.of(new AgeStanza(ScryptWrapKey.STANZA_TYPE, arguments, sealed.getEncoded()));
        } finally {
            wrapKey.destroy();
        }
    }
}
