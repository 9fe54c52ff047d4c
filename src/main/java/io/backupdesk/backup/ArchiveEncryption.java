package io.backupdesk.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * How a backup's files are encrypted as they stream to disk. The jobs layer makes one from the keys; the backup code
 * only wraps its file sink with it, so it never sees a key and never depends on the cipher.
 */
public interface ArchiveEncryption {
    /** File names of encrypted backups end with this, after the format's own ending. */
    String SUFFIX = ".age";

    /**
     * Wraps the file sink: bytes written to the result reach {@code ciphertext} encrypted. Closing the result writes
     * the last chunk but leaves {@code ciphertext} open.
     */
    OutputStream encrypt(OutputStream ciphertext) throws IOException;

    /** The public keys (age1…) the files can be opened with, for the sidecar; empty for a passphrase. */
    List<String> recipients();
}
