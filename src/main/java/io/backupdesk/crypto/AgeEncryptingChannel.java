package io.backupdesk.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * Encrypts everything written to it into an age file, in 64 KiB chunks: memory stays constant whatever the size,
 * and no plaintext reaches the sink. {@link #close()} seals the last chunk (and closes the sink); {@link #abort()}
 * closes the sink without it, so the half-written file can never pass as a complete one, not even to age. Not
 * thread-safe, like any stream.
 */
public final class AgeEncryptingChannel implements WritableByteChannel {
    private final WritableByteChannel encrypting;
    private final WritableByteChannel sink;

    AgeEncryptingChannel(WritableByteChannel encrypting, WritableByteChannel sink) {
        this.encrypting = encrypting;
        this.sink = sink;
    }

    @Override
    public int write(ByteBuffer plaintext) throws IOException {
        return encrypting.write(plaintext);
    }

    @Override
    public boolean isOpen() {
        return encrypting.isOpen();
    }

    /** Writes the final chunk, which marks the file complete, then closes the sink. Does nothing after abort. */
    @Override
    public void close() throws IOException {
        encrypting.close();
    }

    /**
     * Gives up on this file: closes the sink without the final chunk, so every age reader refuses the file as
     * incomplete. Use it when the data being encrypted failed (a dump that broke off); a later close does nothing.
     */
    public void abort() throws IOException {
        sink.close();
    }
}
