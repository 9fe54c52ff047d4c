package io.backupdesk.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Tells an age file from anything else by its first bytes, before any key is tried, so "this is not encrypted" and
 * "this is damaged" are different messages. age files come binary ({@code age-encryption.org/v1}) or armored
 * ({@code -----BEGIN AGE ENCRYPTED FILE-----}, as {@code age -a} writes them).
 */
enum AgeFormat {
    BINARY("age-encryption.org/v1\n"),
    ARMORED("-----BEGIN AGE ENCRYPTED FILE-----"),
    NOT_AGE("");

    /** Enough bytes to tell the formats apart. */
    static final int PREFIX_BYTES = 34;

    private final byte[] marker;

    AgeFormat(String marker) {
        this.marker = marker.getBytes(StandardCharsets.US_ASCII);
    }

    static AgeFormat of(byte[] prefix) {
        for (AgeFormat format : new AgeFormat[] {BINARY, ARMORED}) {
            if (prefix.length >= format.marker.length
                    && Arrays.equals(prefix, 0, format.marker.length, format.marker, 0, format.marker.length)) {
                return format;
            }
        }
        return NOT_AGE;
    }

    /** Reads up to {@link #PREFIX_BYTES} bytes, fewer only at the end of the stream. */
    static byte[] readPrefix(ReadableByteChannel in) throws IOException {
        ByteBuffer prefix = ByteBuffer.allocate(PREFIX_BYTES);
        while (prefix.hasRemaining() && in.read(prefix) >= 0) {
            // keep reading: a channel may return fewer bytes than asked
        }
        return Arrays.copyOf(prefix.array(), prefix.position());
    }
}
