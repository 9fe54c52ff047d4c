package io.backupdesk.crypto;

import com.exceptionfactory.jagged.FileKey;
import com.exceptionfactory.jagged.RecipientStanza;
import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.framework.codec.CanonicalBase64;
import com.exceptionfactory.jagged.framework.crypto.CipherKey;
import com.exceptionfactory.jagged.framework.crypto.EncryptedFileKey;
import com.exceptionfactory.jagged.framework.crypto.FileKeyDecryptorFactory;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Reads age's passphrase stanza the way age 1.1 does: it must be the only stanza of the header; the work factor is
 * plain decimal digits and at most {@link ScryptWrapKey#MAX_WORK_FACTOR}; the salt 16 bytes; the sealed file key 32.
 * Anything else is refused before scrypt runs, so a crafted file cannot make us spend minutes or gigabytes.
 */
final class ScryptRecipientStanzaReader implements RecipientStanzaReader {
    private static final Pattern DECIMAL = Pattern.compile("[1-9][0-9]?");
    private static final int SEALED_FILE_KEY_BYTES = 32;

    private final Passphrase passphrase;
    private final LongSupplier heapBytes;

    ScryptRecipientStanzaReader(Passphrase passphrase) {
        this(passphrase, ScryptWrapKey::maxHeap);
    }

    /** With a given heap budget, so the refusal of an unaffordable work factor can be tested. */
    ScryptRecipientStanzaReader(Passphrase passphrase, LongSupplier heapBytes) {
        this.passphrase = passphrase;
        this.heapBytes = heapBytes;
    }

    @Override
    public FileKey getFileKey(Iterable<RecipientStanza> recipientStanzas) {
        List<RecipientStanza> stanzas = new ArrayList<>();
        recipientStanzas.forEach(stanzas::add);
        boolean anyScrypt = stanzas.stream().anyMatch(s -> ScryptWrapKey.STANZA_TYPE.equals(s.getType()));
        if (anyScrypt && stanzas.size() > 1) {
            throw StanzaChecks.scryptNotAlone();
        }
        if (!anyScrypt) {
            throw new CryptoException(CryptoException.Failure.WRONG_KIND_OF_SECRET,
                    "This file was encrypted to public keys, not with a passphrase.",
                    "Open it with the secret key of one of its recipients.");
        }
        RecipientStanza stanza = stanzas.get(0);
        List<String> arguments = stanza.getArguments();
        if (arguments.size() != 2) {
            throw StanzaChecks.damaged("its passphrase stanza has " + arguments.size() + " arguments instead of 2");
        }
        byte[] salt = decodeSalt(arguments.get(0));
        int workFactor = parseWorkFactor(arguments.get(1));
        byte[] sealed = stanza.getBody();
        if (sealed.length != SEALED_FILE_KEY_BYTES) {
            throw StanzaChecks.damaged("its sealed file key is " + sealed.length + " bytes instead of " + SEALED_FILE_KEY_BYTES);
        }
        CipherKey wrapKey = ScryptWrapKey.derivedOnce(passphrase, salt, workFactor, heapBytes.getAsLong());
        try {
            return new FileKeyDecryptorFactory().newFileKeyDecryptor().getFileKey(new EncryptedFileKey(sealed), wrapKey);
        } catch (GeneralSecurityException e) {
            throw new CryptoException(CryptoException.Failure.WRONG_PASSPHRASE,
                    "The passphrase does not open this file.", "Check the passphrase and type it again.");
        } finally {
            wrapKey.destroy();
        }
    }

    private static byte[] decodeSalt(String argument) {
        byte[] salt;
        try {
            salt = CanonicalBase64.getDecoder().decode(argument.getBytes(StandardCharsets.US_ASCII));
        } catch (RuntimeException e) {
            throw StanzaChecks.damaged("the salt of its passphrase stanza is not canonical base64");
        }
        if (salt.length != ScryptWrapKey.SALT_BYTES) {
            throw StanzaChecks.damaged("the salt of its passphrase stanza is " + salt.length + " bytes instead of "
                    + ScryptWrapKey.SALT_BYTES);
        }
        return salt;
    }

    private static int parseWorkFactor(String argument) {
        if (!DECIMAL.matcher(argument).matches()) {
            if (argument.matches("[1-9][0-9]*")) {
                throw tooExpensive(argument);
            }
            throw StanzaChecks.damaged("the work factor of its passphrase stanza is not a plain number");
        }
        int workFactor = Integer.parseInt(argument);
        if (workFactor > ScryptWrapKey.MAX_WORK_FACTOR) {
            throw tooExpensive(argument);
        }
        return workFactor;
    }

    private static CryptoException tooExpensive(String workFactor) {
        return new CryptoException(CryptoException.Failure.REFUSED,
                "This file's passphrase asks for scrypt work factor " + workFactor + ", above the "
                        + ScryptWrapKey.MAX_WORK_FACTOR + " that age itself accepts.",
                "A file made by age or Backup Desk never asks that much; do not trust this file.");
    }
}
