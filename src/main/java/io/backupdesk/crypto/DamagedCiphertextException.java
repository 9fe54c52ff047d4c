package io.backupdesk.crypto;

import java.io.IOException;

/**
 * The content of an age file failed authentication while it was being read: it was altered, cut short, or has
 * bytes appended. Everything read from the stream so far must be thrown away; it is an {@link IOException} so that
 * every copy loop and process pipe stops on it like on a read error.
 */
public final class DamagedCiphertextException extends IOException {
    private final long plaintextBytesBefore;

    DamagedCiphertextException(long plaintextBytesBefore, Throwable cause) {
        super("The encrypted file is damaged or incomplete: its content failed the integrity check after "
                + plaintextBytesBefore + " bytes. Nothing read from it can be trusted.", cause);
        this.plaintextBytesBefore = plaintextBytesBefore;
    }

    /** How much plaintext was handed out before the damage showed: that much was read and must be discarded. */
    public long plaintextBytesBefore() {
        return plaintextBytesBefore;
    }

    /** What to tell the user to do. */
    public String hint() {
        return "Use another copy of the backup; the damaged file cannot be restored.";
    }
}
