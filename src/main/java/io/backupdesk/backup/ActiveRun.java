package io.backupdesk.backup;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.JobStatus;
import io.backupdesk.store.Json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A run registered with {@link RunRegistry}: it holds the lock on its marker and keeps the marker up to date with
 * what a cleanup after a crash would have to undo. Thread-safe.
 */
public final class ActiveRun implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private RunMarker marker;
    private boolean clean;

    ActiveRun(Path file, FileChannel channel, FileLock lock, RunMarker marker) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.marker = marker;
    }

    /** Notes the tool's process, so that a tool that outlives a killed app can be stopped at the next start. */
    public synchronized void started(ProcessHandle process) throws IOException {
        update(marker.withProcess(RunMarker.ProcessRef.of(process)));
    }

    /**
     * Notes, before it is created, a database the run makes and must drop if it dies; or, with {@code present}
     * false, that it was dropped or put in its final place. Written through at once.
     */
    public synchronized void database(String name, boolean present) {
        updateUnchecked(marker.withDatabase(name, present));
    }

    /** Notes the oid of a database the run made, once it exists, so the cleanup drops only that one. */
    public synchronized void created(String name, long oid) {
        updateUnchecked(marker.withDatabase(name, true).withOid(name, oid));
    }

    /** What the user should be told if the app dies from here on. */
    public synchronized void note(String text) {
        updateUnchecked(marker.withNote(text));
    }

    /**
     * The run ends leaving something the user must do (a database to put back by hand): the marker stays when the run
     * is closed, and the next start tells it.
     */
    public synchronized void unresolved(String text) {
        updateUnchecked(marker.withUnresolved(text));
    }

    /** The run's files are final or gone: the marker can go when the run is closed. */
    public synchronized void settled() {
        clean = true;
    }

    /**
     * Releases the lock. A run that settled and left no database to drop removes its marker; any other keeps it,
     * marked as ended with this status, so that the next start finishes the cleanup without recording the run again.
     */
    public synchronized void close(JobStatus endedAs) throws IOException {
        try {
            if (clean && marker.databases().isEmpty() && marker.unresolved() == null) {
                Files.deleteIfExists(file);
            } else {
                write(channel, marker.ended(endedAs));
            }
            lock.release();
        } finally {
            channel.close();
            RunRegistry.released(file);
        }
    }

    @Override
    public void close() throws IOException {
        close(JobStatus.FAILED);
    }

    private void update(RunMarker next) throws IOException {
        write(channel, next);
        marker = next;
    }

    private void updateUnchecked(RunMarker next) {
        try {
            update(next);
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "Could not note the run's progress in " + file + ": "
                    + e.getMessage(), "Check free space and permissions of the configuration folder.", List.of(), e);
        }
    }

    static void write(FileChannel channel, RunMarker marker) throws IOException {
        channel.truncate(0);
        ByteBuffer buffer = ByteBuffer.wrap(Json.mapper().writeValueAsBytes(marker));
        long position = 0;
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
        channel.force(true);
    }
}
