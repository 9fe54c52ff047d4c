package io.backupdesk.crypto;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/** {@link AgeEncryptingChannel} as an OutputStream: close seals the file and closes the sink, abort does not seal. */
public final class AgeEncryptingOutputStream extends OutputStream {
    private final AgeEncryptingChannel channel;
    private final byte[] single = new byte[1];

    AgeEncryptingOutputStream(AgeEncryptingChannel channel) {
        this.channel = channel;
    }

    @Override
    public void write(int b) throws IOException {
        single[0] = (byte) b;
        write(single, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Seals the last chunk and closes the sink; see {@link AgeEncryptingChannel#close()}. */
    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Closes the sink without sealing; see {@link AgeEncryptingChannel#abort()}. */
    public void abort() throws IOException {
        channel.abort();
    }
}
