package io.backupdesk.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/** Gives back the bytes already read to recognise the format, then the rest of the stream. */
final class PrefixedChannel implements ReadableByteChannel {
    private final ByteBuffer prefix;
    private final ReadableByteChannel rest;

    PrefixedChannel(byte[] prefix, ReadableByteChannel rest) {
        this.prefix = ByteBuffer.wrap(prefix);
        this.rest = rest;
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
        if (!prefix.hasRemaining()) {
            return rest.read(target);
        }
        int count = Math.min(prefix.remaining(), target.remaining());
        ByteBuffer slice = prefix.slice();
        slice.limit(count);
        target.put(slice);
        prefix.position(prefix.position() + count);
        return count;
    }

    @Override
    public boolean isOpen() {
        return rest.isOpen();
    }

    @Override
    public void close() throws IOException {
        rest.close();
    }
}
