package io.backupdesk.offsite;

import io.backupdesk.core.Cancellation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One part of a file as the HTTP client reads it: positional reads of the shared channel, so parts are read in
 * parallel and none is held in memory whole. Reads ahead in blocks, as the client asks for a few kilobytes at a time.
 * Counts what was read into the upload's total, and stops on a cancel.
 */
final class FilePartStream extends InputStream {
    private static final int BLOCK = 128 * 1024;

    /** Thrown from a read after a cancel, so the HTTP client stops sending. */
    static final class CancelledRead extends IOException {
        CancelledRead() {
            super("cancelled");
        }
    }

    private final FileChannel channel;
    private final long end;
    private final Cancellation cancel;
    private final AtomicLong counted;
    private final AtomicLong total;
    private final ByteBuffer block;
    private long position;

    /**
     * @param counted what this part has added to {@code total} so far; taken back as the part is sent again (a retry)
     */
    FilePartStream(FileChannel channel, long offset, long length, Cancellation cancel, AtomicLong counted,
                   AtomicLong total) {
        this.channel = channel;
        this.position = offset;
        this.end = offset + length;
        this.cancel = cancel;
        this.counted = counted;
        this.total = total;
        this.block = ByteBuffer.allocate((int) Math.min(BLOCK, Math.max(1, length)));
        block.limit(0);
        total.addAndGet(-counted.getAndSet(0));
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (cancel.isCancelled()) {
            throw new CancelledRead();
        }
        if (len == 0) {
            return 0;
        }
        if (!block.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(len, block.remaining());
        block.get(b, off, n);
        counted.addAndGet(n);
        total.addAndGet(n);
        return n;
    }

    private boolean fill() throws IOException {
        long left = end - position;
        if (left <= 0) {
            return false;
        }
        block.clear().limit((int) Math.min(block.capacity(), left));
        while (block.hasRemaining()) {
            int n = channel.read(block, position);
            if (n < 0) {
                throw new IOException("the file ended before its part did; was it changed during the upload?");
            }
            position += n;
        }
        block.flip();
        return true;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, end - position + block.remaining());
    }
}
