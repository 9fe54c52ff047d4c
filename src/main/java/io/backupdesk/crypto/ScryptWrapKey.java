package io.backupdesk.crypto;

import com.exceptionfactory.jagged.framework.crypto.CipherKey;
import org.bouncycastle.crypto.generators.SCrypt;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The key that wraps an age file key under a passphrase, exactly as age-encryption.org/v1 defines it:
 * {@code scrypt(passphrase, "age-encryption.org/v1/scrypt" || salt, N = 2^logN, r = 8, p = 1, 32 bytes)}.
 * BouncyCastle computes scrypt; nothing here is a cipher of our own.
 */
final class ScryptWrapKey {
    static final String STANZA_TYPE = "scrypt";
    static final int SALT_BYTES = 16;
    /** age's default for {@code age -p} (about a second on a desktop, 256 MiB of memory). */
    static final int DEFAULT_WORK_FACTOR = 18;
    /** The most age itself accepts when decrypting (about 15 seconds and 4 GiB): a file asking more is refused. */
    static final int MAX_WORK_FACTOR = 22;

    private static final byte[] LABEL = "age-encryption.org/v1/scrypt".getBytes(StandardCharsets.US_ASCII);
    private static final int BLOCK_SIZE = 8;
    private static final int PARALLELISM = 1;
    private static final int KEY_BYTES = 32;

    private ScryptWrapKey() { }

    /**
     * Derives the wrap key. A work factor whose memory (128 · r · N bytes) exceeds this heap's maximum is refused before
     * anything is allocated; if the heap is merely too full at the moment, scrypt's large allocation fails and is
     * refused too. An OutOfMemoryError escaping in the middle of a backup would help nobody.
     */
    static CipherKey derive(Passphrase passphrase, byte[] salt, int logN, long heapBytes) {
        byte[] password = passphrase.utf8();
        try {
            // CipherKey keeps this very array and wipes it when destroyed
            return new CipherKey(scrypt(password, salt, logN, heapBytes));
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    /**
     * The same for reading a file, remembered by the passphrase for this salt and work factor: the header of one
     * backup is read several times in one restore (to check the key, for its table of contents, for the restore
     * itself), and each scrypt takes seconds.
     */
    static CipherKey derivedOnce(Passphrase passphrase, byte[] salt, int logN, long heapBytes) {
        return new CipherKey(passphrase.wrapKey(salt, logN, password -> scrypt(password, salt, logN, heapBytes)));
    }

    private static byte[] scrypt(byte[] password, byte[] salt, int logN, long heapBytes) {
        long needed = memoryNeeded(logN);
        if (needed > heapBytes) {
            throw tooLittleMemory(logN, needed, heapBytes);
        }
        byte[] labelledSalt = new byte[LABEL.length + salt.length];
        System.arraycopy(LABEL, 0, labelledSalt, 0, LABEL.length);
        System.arraycopy(salt, 0, labelledSalt, LABEL.length, salt.length);
        try {
            return SCrypt.generate(password, labelledSalt, 1 << logN, BLOCK_SIZE, PARALLELISM, KEY_BYTES);
        } catch (OutOfMemoryError e) {
            throw new CryptoException(CryptoException.Failure.REFUSED, "The passphrase needs " + (needed >> 20)
                    + " MiB of memory for scrypt (work factor " + logN + "), and not that much is free now.",
                    "Try again when fewer jobs run, or start Backup Desk with a larger heap (-Xmx).");
        }
    }

    private static CryptoException tooLittleMemory(int logN, long needed, long heapBytes) {
        return new CryptoException(CryptoException.Failure.REFUSED,
                "The passphrase needs " + (needed >> 20) + " MiB of memory for scrypt (work factor " + logN
                        + "), more than the " + (heapBytes >> 20) + " MiB this program can use.",
                "Start Backup Desk with a larger heap (-Xmx), or decrypt the file with the age tool.");
    }

    static long memoryNeeded(int logN) {
        return 128L * BLOCK_SIZE * (1L << logN);
    }

    /** The most heap this JVM will ever have. */
    static long maxHeap() {
        return Runtime.getRuntime().maxMemory();
    }
}
