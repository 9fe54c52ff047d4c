package io.backupdesk.offsite;

import io.backupdesk.core.Cancellation;

import java.io.Closeable;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * One destination's storage as the copies see it: files under the destination's root, named by keys relative to
 * it ({@code profile/database/file}, '/'-separated). One implementation per kind of destination; all of them are
 * blocking, report failures as {@link io.backupdesk.core.BackupDeskException} with a message a DBA can act on
 * (wrong credentials, unknown host key, full, unreachable) and never put a secret into a message.
 * <p>
 * An instance holds a connection; it is used by one thread at a time and closed after use.
 */
public interface RemoteStore extends Closeable {
    /**
     * What the destination confirmed it holds after an upload.
     *
     * @param sha256 the SHA-256 of the whole file as the destination holds it, in lower-case hex
     * @param how    how that was confirmed, for the user: "server SHA-256 per part", "server MD5 per part",
     *               "read back"
     */
    record Confirmed(String sha256, String how) { }

    /** A file at the destination. */
    record RemoteFile(String key, long size, Instant modified) { }

    /** The destination as the user named it, without secrets: its URL and, for S3, the endpoint. */
    String describe();

    /**
     * Uploads {@code file} to {@code key}, replacing what is there. Nothing appears under {@code key} until the whole
     * file is there: a broken upload leaves nothing that looks like a backup (an S3 multipart upload is aborted; an
     * SFTP or folder copy writes a temporary name, which {@link #list} never shows, and renames it at the end).
     * Memory stays constant whatever the size.
     *
     * @param sha256 the SHA-256 the local file has (from its sidecar); the upload is confirmed against it
     * @param sent   told the bytes sent so far, a few times a second at most
     * @throws io.backupdesk.core.BackupDeskException when the upload fails or the destination holds something else
     *         than {@code sha256} (then nothing is left under {@code key})
     */
    Confirmed upload(Path file, String key, String sha256, LongConsumer sent, Cancellation cancel);

    /** Writes the file at {@code key} to {@code out}; a {@code CONFIGURATION} failure when it is not there. */
    void download(String key, OutputStream out, Cancellation cancel);

    /** Every complete file whose key starts with {@code prefix} ("" for all), at any depth; never a temporary one. */
    List<RemoteFile> list(String prefix);

    /** Removes the file at {@code key}; a file already gone is not an error. */
    void delete(String key);

    /**
     * Checks that the destination can be reached, logged into and written: writes, reads back and removes a small
     * file under a name {@link #list} does not show.
     */
    void test();

    @Override
    void close();
}
