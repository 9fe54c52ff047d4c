package io.backupdesk.backup;

import io.backupdesk.pg.ServerInspector;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads the server's COPY progress (PostgreSQL 14+) over a connection of its own, opened on first use by the ticker
 * thread so that logging in never delays the start of pg_dump. A failure turns it off for the rest of the run.
 */
final class CopyProgressMonitor implements ProgressTicker.Monitor {
    private final Supplier<ServerInspector> connect;
    private ServerInspector inspector;
    private boolean failed;

    CopyProgressMonitor(Supplier<ServerInspector> connect) {
        this.connect = connect;
    }

    @Override
    public synchronized Map<Long, Long> copyProgress() {
        if (failed) {
            return Map.of();
        }
        try {
            if (inspector == null) {
                inspector = connect.get();
            }
            return inspector.copyProgress();
        } catch (RuntimeException e) {
            failed = true;
            return Map.of();
        }
    }

    @Override
    public synchronized void close() {
        if (inspector != null) {
            inspector.close();
        }
    }
}
