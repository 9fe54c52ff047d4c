package io.backupdesk.restore;

import io.backupdesk.core.DaemonThreads;
import io.backupdesk.core.Progress;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Moves the progress bar within a table while pg_restore loads it: polls the server's COPY progress (PostgreSQL 14+)
 * in the database being restored, twice a second, on a thread and a connection of its own, opened on first use so
 * that logging in never delays pg_restore. Best effort: a failure stops the polling, never the restore. Nobody
 * listening ({@link Progress#NONE}) means no polling at all.
 */
final class CopyWatch implements AutoCloseable {
    private static final long TICK_MILLIS = 500;
    private static final String ROWS_BEING_COPIED = "select n.nspname || '.' || c.relname, p.tuples_processed"
            + " from pg_catalog.pg_stat_progress_copy p"
            + " join pg_catalog.pg_class c on c.oid = p.relid join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
            + " where p.datname = pg_catalog.current_database() and p.command = 'COPY FROM'";

    private final Supplier<Connection> connect;
    private final RestoreProgress tracker;
    private final ScheduledExecutorService executor;
    private Connection connection;
    private boolean failed;

    CopyWatch(Supplier<Connection> connect, RestoreProgress tracker, Progress progress) {
        this.connect = connect;
        this.tracker = tracker;
        if (progress == Progress.NONE) {
            this.executor = null;
            return;
        }
        this.executor = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("restore-copy-progress"));
        executor.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private synchronized void tick() {
        if (failed) {
            return;
        }
        try {
            if (connection == null) {
                connection = connect.get();
            }
            Map<String, Long> rows = new HashMap<>();
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(ROWS_BEING_COPIED)) {
                while (rs.next()) {
                    rows.put(rs.getString(1), rs.getLong(2));
                }
            }
            tracker.copied(rows);
        } catch (SQLException | RuntimeException e) {
            // an older server without pg_stat_progress_copy, or the database gone: progress goes on by table
            failed = true;
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // closing a monitoring connection; nothing to do
                }
            }
        }
    }
}
