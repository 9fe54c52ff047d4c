package io.backupdesk.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

/** Small helpers the crypto tests share: deterministic plaintext, encrypt and decrypt in memory. */
final class AgeStreams {
    private AgeStreams() { }

    static byte[] plaintext(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static byte[] encrypt(AgeEncryptor encryptor, byte[] plaintext) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (AgeEncryptingOutputStream out = encryptor.encrypt(sink)) {
            out.write(plaintext);
        }
        return sink.toByteArray();
    }

    static byte[] decrypt(AgeDecryptor decryptor, byte[] ciphertext) throws IOException {
        try (InputStream in = decryptor.decrypt(new ByteArrayInputStream(ciphertext))) {
            return in.readAllBytes();
        }
    }

    /** Where the payload starts: after the header's MAC line ("--- …\n") and the 16-byte nonce. */
    static int payloadStart(byte[] ciphertext) {
        String text = new String(ciphertext, java.nio.charset.StandardCharsets.ISO_8859_1);
        int mac = text.indexOf("\n--- ");
        return text.indexOf('\n', mac + 1) + 1 + 16;
    }
}
