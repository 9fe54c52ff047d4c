package io.backupdesk.crypto;

import com.exceptionfactory.jagged.PayloadException;
import com.exceptionfactory.jagged.framework.armor.ArmoredDecodingException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * The plaintext of an age file, read in 64 KiB chunks as age writes them: memory stays constant whatever the size.
 * Each chunk is authenticated before it is handed out, and the last one carries a flag, so a file that was altered,
 * cut short (even at a chunk boundary) or extended fails with {@link DamagedCiphertextException} before the end of
 * the stream is reported. A consumer must therefore trust what it read only once {@link #read} has returned -1.
 * Not thread-safe, like any stream.
 */
public final class AgeDecryptingChannel implements ReadableByteChannel {
    private final ReadableByteChannel plaintext;
    private long delivered;

    AgeDecryptingChannel(ReadableByteChannel plaintext) {
        this.plaintext = plaintext;
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
        int before = target.position();
        try {
            int read = plaintext.read(target);
            delivered += Math.max(0, target.position() - before);
            return read;
        } catch (PayloadException | ArmoredDecodingException e) {
            throw new DamagedCiphertextException(delivered, e);
        } catch (RuntimeException e) {
            // a crafted file must end in a clear message, whatever corner of the decoder it reaches
            throw new DamagedCiphertextException(delivered, e);
        }
    }

    /** The plaintext bytes handed out so far. */
    public long plaintextBytesRead() {
        return delivered;
    }

    @Override
    public boolean isOpen() {
        return plaintext.isOpen();
    }

    @Override
    public void close() throws IOException {
        plaintext.close();
    }
}
