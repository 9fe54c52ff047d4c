package io.backupdesk.offsite;

import io.backupdesk.core.Cancellation;
import io.backupdesk.core.Destination.S3Checksums;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The digests of an upload, read once from the file: the whole file's SHA-256 and each part's SHA-256 or MD5 (the
 * checksum mode's), and the checks of what the server answered against them. A check returns null when the server
 * confirmed the digest, else what was wrong.
 */
final class PartDigests {
    /** What was wrong with a server's answer; {@code missing} when it carried no digest at all. */
    record Mismatch(String text, boolean missing) { }

    private static final int BLOCK = 1024 * 1024;

    private final MessageDigest whole = digest("SHA-256");
    private final MessageDigest part;
    private final ByteBuffer block = ByteBuffer.allocate(BLOCK);

    PartDigests(S3Checksums mode) {
        part = digest(mode == S3Checksums.SHA256 ? "SHA-256" : "MD5");
    }

    /** Adds {@code length} bytes of the file from {@code offset} to both digests. */
    void read(FileChannel channel, long offset, long length, Cancellation cancel) throws IOException {
        long position = offset;
        long end = offset + length;
        while (position < end) {
            cancel.throwIfCancelled();
            block.clear().limit((int) Math.min(BLOCK, end - position));
            while (block.hasRemaining()) {
                int n = channel.read(block, position + block.position());
                if (n < 0) {
                    throw new IOException("the file is shorter than it was a moment ago; was it changed?");
                }
            }
            block.flip();
            whole.update(block.array(), 0, block.limit());
            part.update(block.array(), 0, block.limit());
            position += block.limit();
        }
    }

    /** The digest of the part read since the last call. */
    byte[] part() {
        return part.digest();
    }

    /** The SHA-256 of everything read. */
    byte[] wholeSha256() {
        return whole.digest();
    }

    static Mismatch sha256Problem(byte[] sent, String answered) {
        if (answered == null || answered.isBlank()) {
            return new Mismatch("no SHA-256 in its answer", true);
        }
        String expected = base64(sent);
        return expected.equals(answered.strip()) ? null
                : new Mismatch("it answered SHA-256 " + answered + " for " + expected + " sent", false);
    }

    static Mismatch md5Problem(byte[] sent, String etag) {
        if (etag == null || etag.isBlank()) {
            return new Mismatch("no ETag in its answer", true);
        }
        String expected = hex(sent);
        String got = unquote(etag);
        return expected.equals(got) ? null
                : new Mismatch("its ETag " + got + " is not the MD5 " + expected + " of what was sent", false);
    }

    /**
     * S3's checksum of a multipart object: the SHA-256 of the parts' SHA-256s, "-" and their number. A store that
     * gives none has confirmed each part already; one that gives the whole file's SHA-256 instead is accepted too.
     */
    static Mismatch compositeSha256Problem(byte[][] parts, byte[] wholeSha256, String answered) {
        if (answered == null || answered.isBlank()) {
            return null;
        }
        String composite = base64(ofConcatenated("SHA-256", parts)) + "-" + parts.length;
        String got = answered.strip();
        return got.equals(composite) || got.equals(base64(wholeSha256)) ? null
                : new Mismatch("it answered SHA-256 " + got + " for " + composite + " sent", false);
    }

    /** S3's ETag of a multipart object: the MD5 of the parts' MD5s, "-" and their number. */
    static Mismatch compositeMd5Problem(byte[][] parts, String etag) {
        if (etag == null || etag.isBlank()) {
            return new Mismatch("no ETag in its answer", true);
        }
        String expected = hex(ofConcatenated("MD5", parts)) + "-" + parts.length;
        String got = unquote(etag);
        return expected.equals(got) ? null
                : new Mismatch("its ETag " + got + " is not " + expected + ", the MD5s of the parts sent", false);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String unquote(String etag) {
        String s = etag.strip();
        if (s.startsWith("W/")) {
            s = s.substring(2);
        }
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s.toLowerCase(Locale.ROOT);
    }

    static byte[] of(String algorithm, byte[] content) {
        return digest(algorithm).digest(content);
    }

    private static byte[] ofConcatenated(String algorithm, byte[][] parts) {
        MessageDigest d = digest(algorithm);
        for (byte[] p : parts) {
            d.update(p);
        }
        return d.digest();
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }
}
