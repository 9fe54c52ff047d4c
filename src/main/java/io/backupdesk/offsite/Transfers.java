package io.backupdesk.offsite;

import io.backupdesk.backup.Sha256;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.Cancellation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.function.LongConsumer;

/** Byte copies of the stores, with a bounded buffer, cancel checks and a progress callback a few times a second. */
public final class Transfers {
    private static final int BUFFER = 1 << 20;
    private static final long REPORT_NANOS = 250_000_000L;

    private Transfers() { }

    /** Copies all of {@code in} to {@code out}; returns the bytes copied. */
    public static long copy(InputStream in, OutputStream out, LongConsumer sent, Cancellation cancel)
            throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        long lastReport = System.nanoTime();
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (cancel.isCancelled()) {
                throw cancelled();
            }
            out.write(buffer, 0, n);
            total += n;
            if (System.nanoTime() - lastReport > REPORT_NANOS) {
                sent.accept(total);
                lastReport = System.nanoTime();
            }
        }
        sent.accept(total);
        return total;
    }

    /** The SHA-256 of all of {@code in}, in lower-case hex. */
    public static String sha256(InputStream in, Cancellation cancel) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        byte[] buffer = new byte[BUFFER];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (cancel.isCancelled()) {
                throw cancelled();
            }
            digest.update(buffer, 0, n);
        }
        return Sha256.hex(digest);
    }

    public static BackupDeskException cancelled() {
        return new BackupDeskException(ErrorKind.CANCELLED, "The copy was cancelled.",
                "It is tried again with the next retry.", List.of(), null);
    }
}
