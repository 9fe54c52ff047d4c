package io.backupdesk.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicLong;

/** Writes to a file channel while hashing and counting the bytes, so the checksum costs no second read. */
final class HashingFileSink extends OutputStream {
    private final FileChannel channel;
    private final MessageDigest digest = Sha256.newDigest();
    private final AtomicLong written;

    HashingFileSink(FileChannel channel, AtomicLong written) {
        this.channel = channel;
        this.written = written;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        digest.update(b, off, len);
        written.addAndGet(len);
    }

    /** Does not close the channel: its owner fsyncs and closes it. */
    @Override
    public void close() {
        // the channel belongs to the caller
    }

    String sha256() {
        return Sha256.hex(digest);
    }
}
