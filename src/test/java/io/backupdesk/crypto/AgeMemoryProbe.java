package io.backupdesk.crypto;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.ReadableByteChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Run in a JVM of its own with a small heap by {@link AgeConstantMemoryIT}: streams the given number of MiB through
 * encryption and, over a pipe, decryption at the same time, and prints the SHA-256 of what went in and of what came
 * out, the peak heap, and the time. Anything that held the stream in memory would die of OutOfMemoryError.
 */
public final class AgeMemoryProbe {
    private static final int BLOCK = 1 << 20;

    private AgeMemoryProbe() { }

    public static void main(String[] args) throws Exception {
        long mebibytes = Long.parseLong(args[0]);
        AgeIdentity identity = AgeIdentity.generate();
        Pipe pipe = Pipe.open();
        long started = System.nanoTime();
        CompletableFuture<String> written = CompletableFuture.supplyAsync(() -> {
            try (AgeEncryptingChannel out = AgeEncryptor.toRecipients(List.of(identity.recipient())).encrypt(pipe.sink())) {
                MessageDigest digest = sha256();
                ByteBuffer block = ByteBuffer.allocate(BLOCK);
                for (long i = 0; i < mebibytes; i++) {
                    block.clear();
                    while (block.hasRemaining()) {
                        block.putLong(i * 0x9E3779B97F4A7C15L + block.position());
                    }
                    digest.update(block.array());
                    block.flip();
                    while (block.hasRemaining()) {
                        out.write(block);
                    }
                }
                return HexFormat.of().formatHex(digest.digest());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        MessageDigest digest = sha256();
        long read = 0;
        try (ReadableByteChannel in = AgeDecryptor.withIdentities(List.of(identity)).decrypt(pipe.source())) {
            ByteBuffer buffer = ByteBuffer.allocate(BLOCK);
            while (in.read(buffer) != -1) {
                buffer.flip();
                read += buffer.remaining();
                digest.update(buffer);
                buffer.clear();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.println("in " + written.get());
        System.out.println("out " + HexFormat.of().formatHex(digest.digest()));
        System.out.println("bytes " + read);
        System.out.println("peakHeapMiB " + peakHeap() / (1 << 20));
        System.out.printf("MiBps %.0f%n", mebibytes / seconds);
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
