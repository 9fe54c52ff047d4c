package io.backupdesk.offsite;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Refuses to take more than a limit: a file from a destination claims its size, and a claim is not trusted. */
final class BoundedOutputStream extends FilterOutputStream {
    private final long limit;
    private long written;

    BoundedOutputStream(OutputStream out, long limit) {
        super(out);
        this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
        take(1);
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        take(len);
        out.write(b, off, len);
    }

    private void take(long n) throws IOException {
        written += n;
        if (written > limit) {
            throw new IOException("it is larger than " + limit + " bytes");
        }
    }
}
