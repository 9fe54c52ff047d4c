package io.backupdesk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** Files of incompressible bytes, as a compressed or encrypted backup is, and their SHA-256. */
public final class RandomFiles {
    private RandomFiles() { }

    public static final long MIB = 1024 * 1024;

    public static Path create(Path file, long size) throws IOException {
        SplittableRandom random = new SplittableRandom(size * 31 + file.getFileName().hashCode());
        byte[] block = new byte[(int) Math.min(MIB, Math.max(size, 1))];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= block.length) {
                for (int i = 0; i < block.length; i += 8) {
                    long r = random.nextLong();
                    for (int j = 0; j < 8 && i + j < block.length; j++) {
                        block[i + j] = (byte) (r >>> (8 * j));
                    }
                }
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return file;
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[(int) MIB];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
