package io.backupdesk.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicLong;

/** Hashes and counts the bytes on their way to the file, so the checksum costs no second read. */
final class DigestCountingOutputStream extends FilterOutputStream {
    private final MessageDigest digest = Sha256.newDigest();
    private final AtomicLong count;

    DigestCountingOutputStream(OutputStream out, AtomicLong count) {
        super(out);
        this.count = count;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        digest.update((byte) b);
        count.incrementAndGet();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        digest.update(b, off, len);
        count.addAndGet(len);
    }

    String sha256() {
        return Sha256.hex(digest);
    }
}
