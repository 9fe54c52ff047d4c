package io.backupdesk.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;

/**
 * A passphrase for age's scrypt stanza, held as the UTF-8 bytes age itself hashes (the bytes typed, not normalized),
 * so a passphrase typed here opens what {@code age -p} made and the other way round. Closing wipes it; it never
 * prints itself.
 */
public final class Passphrase implements AutoCloseable {
    /** Longer lines from standard input are a mistake (a file piped by accident), not a passphrase. */
    static final int MAX_BYTES = 1024;

    private final byte[] utf8;
    /** Wrap keys derived from this passphrase, by work factor and salt; wiped with it. */
    private final Map<String, byte[]> derived = new HashMap<>();
    private volatile boolean closed;

    private Passphrase(byte[] utf8) {
        if (utf8.length == 0) {
            throw new CryptoException(CryptoException.Failure.INVALID_KEY, "The passphrase is empty.",
                    "Type a passphrase; age refuses an empty one too.");
        }
        if (utf8.length > MAX_BYTES) {
            throw new CryptoException(CryptoException.Failure.INVALID_KEY,
                    "The passphrase is longer than " + MAX_BYTES + " bytes.", "Give the passphrase alone, on one line.");
        }
        this.utf8 = utf8;
    }

    /** Takes the characters as typed; the caller may wipe its array afterwards. */
    public static Passphrase of(char[] characters) {
        ByteBuffer encoded;
        try {
            encoded = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(characters));
        } catch (CharacterCodingException e) {
            throw new CryptoException(CryptoException.Failure.INVALID_KEY, "The passphrase is not valid text.",
                    "Type it again.");
        }
        byte[] bytes = Arrays.copyOf(encoded.array(), encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        return new Passphrase(bytes);
    }

    /**
     * Reads the first line of a stream as the passphrase, as {@code --passphrase-stdin} does: the line ends at
     * {@code \n} (a {@code \r} before it is dropped) or at the end of the stream; what follows the first line is left
     * unread.
     */
    public static Passphrase readFirstLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (line.size() > MAX_BYTES) {
                throw new CryptoException(CryptoException.Failure.INVALID_KEY,
                        "The passphrase on standard input is longer than " + MAX_BYTES + " bytes.",
                        "Give the passphrase alone, on the first line.");
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
            bytes = Arrays.copyOf(bytes, bytes.length - 1);
        }
        if (!isUtf8(bytes)) {
            throw new CryptoException(CryptoException.Failure.INVALID_KEY, "The passphrase on standard input is not UTF-8 text.",
                    "Give it as UTF-8, the way age reads it from a terminal.");
        }
        return new Passphrase(bytes);
    }

    /** The bytes to hash; a copy the caller wipes. */
    byte[] utf8() {
        if (closed) {
            throw new IllegalStateException("The passphrase was closed.");
        }
        return utf8.clone();
    }

    /**
     * The key {@code scrypt} derives from this passphrase for a file's salt and work factor, derived once and then
     * remembered until the passphrase is closed: a restore opens one file several times, and each scrypt takes seconds.
     * The key is a function of the passphrase, the salt and the work factor alone, so a remembered one is the one
     * scrypt would give again. Concurrent calls wait for one derivation.
     *
     * @param scrypt derives the key from the passphrase's bytes (a copy, wiped afterwards)
     * @return a copy the caller may wipe
     */
    byte[] wrapKey(byte[] salt, int workFactor, Function<byte[], byte[]> scrypt) {
        String id = workFactor + ":" + HexFormat.of().formatHex(salt);
        synchronized (derived) {
            byte[] key = derived.get(id);
            if (key == null) {
                byte[] password = utf8();
                try {
                    key = scrypt.apply(password);
                } finally {
                    Arrays.fill(password, (byte) 0);
                }
                if (closed) {
                    Arrays.fill(key, (byte) 0);
                    throw new IllegalStateException("The passphrase was closed.");
                }
                derived.put(id, key);
            }
            return key.clone();
        }
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Wipes the passphrase from memory; it cannot be used afterwards. */
    @Override
    public void close() {
        closed = true;
        Arrays.fill(utf8, (byte) 0);
        synchronized (derived) {
            derived.values().forEach(key -> Arrays.fill(key, (byte) 0));
            derived.clear();
        }
    }

    @Override
    public String toString() {
        return "Passphrase[hidden]";
    }
}
