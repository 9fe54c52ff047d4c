package io.backupdesk.pg;

import java.util.List;
import java.util.function.Supplier;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.TableCount;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;

/**
 * A repeatable-read transaction whose snapshot is exported for {@code pg_dump --snapshot}, so the rows we count here
 * are exactly the rows pg_dump dumps. The transaction must stay open until pg_dump has started; closing ends it and
 * leaves the connection to its owner. Queries run on one thread at a time; {@link #cancel()} may be called from any
 * other.
 */
public final class SnapshotSession implements AutoCloseable {
    private final Connection connection;
    private final String target;
    private final String snapshotId;
    private volatile Statement running;
    /** True while {@link #guarded} work runs: its queries use statements of their own, which only the connection can cancel. */
    private volatile boolean guardedWork;
    private volatile boolean cancelled;

    private SnapshotSession(Connection connection, String target, String snapshotId) {
        this.connection = connection;
        this.target = target;
        this.snapshotId = snapshotId;
    }

    /**
     * Starts the transaction and exports its snapshot.
     *
     * @param lockWait how long a count may wait for a table lock, like pg_dump's --lock-wait-timeout
     */
    public static SnapshotSession open(Connection connection, String target, Duration lockWait) {
        try {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try (Statement st = connection.createStatement()) {
                // As pg_dump does: fail rather than count fewer rows than the table holds.
                st.execute("set local row_security = off");
                st.execute("set local lock_timeout = " + Math.max(1, lockWait.toMillis()));
                // one process is enough to finish counting before pg_dump finishes dumping; more would compete with it
                st.execute("set local max_parallel_workers_per_gather = 0");
                try (ResultSet rs = st.executeQuery("select pg_catalog.pg_export_snapshot()")) {
                    rs.next();
                    return new SnapshotSession(connection, target, rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw ConnectionFactory.classify(e, target);
        }
    }

    public String snapshotId() {
        return snapshotId;
    }

    /** Exact row counts, table by table, in the exported snapshot. {@code ONLY}: inheritance children count apart. */
    public List<TableCount> countRows(List<TableInfo> tables) {
        List<TableCount> counts = new ArrayList<>(tables.size());
        for (TableInfo table : tables) {
            if (cancelled) {
                throw BackupDeskException.cancelled();
            }
            try (Statement st = connection.createStatement()) {
                running = st;
                try (ResultSet rs = st.executeQuery("select count(*) from only " + table.quotedName())) {
                    rs.next();
                    counts.add(new TableCount(table.schema(), table.name(), rs.getLong(1)));
                }
            } catch (SQLException e) {
                if (cancelled) {
                    throw BackupDeskException.cancelled();
                }
                throw ConnectionFactory.classify(e, target);
            } finally {
                running = null;
            }
        }
        return counts;
    }

    /**
     * Runs work in the transaction behind a savepoint. An error inside would otherwise abort the transaction, and an
     * aborted transaction's snapshot can no longer be imported: pg_dump, starting at the same moment, would fail with
     * "could not import the requested snapshot" instead of the real error.
     */
    public <T> T guarded(Supplier<T> work) {
        execute("savepoint backupdesk_facts");
        try {
            T result;
            guardedWork = true;
            try {
                result = work.get();
            } finally {
                guardedWork = false;
            }
            execute("release savepoint backupdesk_facts");
            return result;
        } catch (RuntimeException e) {
            try {
                execute("rollback to savepoint backupdesk_facts");
            } catch (RuntimeException ignored) {
                // the connection is gone; the original error says more
            }
            throw e;
        }
    }

    private void execute(String sql) {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw ConnectionFactory.classify(e, target);
        }
    }

    /** Stops a count in progress; the next call of {@link #countRows} fails as cancelled. */
    public void cancel() {
        cancelled = true;
        Statement st = running;
        if (st != null) {
            try {
                st.cancel();
            } catch (SQLException e) {
                // the statement finished meanwhile
            }
        }
        if (guardedWork) {
            // e.g. the table list waiting behind a lock: without this a cancelled run waited for the lock, and a
            // SIGTERM left the process gone before its partial files were
            try {
                connection.unwrap(org.postgresql.PGConnection.class).cancelQuery();
            } catch (SQLException e) {
                // nothing running any more
            }
        }
    }

    /** Ends the transaction; the connection stays open for its owner. */
    @Override
    public void close() {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // a broken connection ends the transaction anyway
        }
    }
}
