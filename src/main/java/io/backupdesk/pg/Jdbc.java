package io.backupdesk.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One JDBC connection's statements, each failure classified as the user should read it (a lost server, a missing
 * privilege) and named after the server. Shared by what reads a database for a backup and what changes a server for
 * a restore, so that both read rows and report errors alike. Not thread-safe, like the connection.
 */
final class Jdbc implements AutoCloseable {
    /** Reads one row. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final Connection connection;
    private final String target;

    /** @param target how the server is named in messages, e.g. "shop on db1:5432" */
    Jdbc(Connection connection, String target) {
        this.connection = connection;
        this.target = target;
    }

    Connection connection() {
        return connection;
    }

    String target() {
        return target;
    }

    /** The rows of a query; parameters are bound in order (strings, numbers, or a {@link java.sql.Array}). */
    <T> List<T> query(String sql, Row<T> row, Object... params) {
        return query(sql, row, this::classify, params);
    }

    /** The same, with the caller's reading of a failure (e.g. a pattern that is not a valid regular expression). */
    <T> List<T> query(String sql, Row<T> row, Function<SQLException, RuntimeException> failure, Object... params) {
        try {
            return rows(sql, row, params);
        } catch (SQLException e) {
            throw failure.apply(e);
        }
    }

    /** The rows, or empty when the query failed: for what is only a nicety, such as progress the server may hide. */
    <T> Optional<List<T>> queryIfPossible(String sql, Row<T> row, Object... params) {
        try {
            return Optional.of(rows(sql, row, params));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private <T> List<T> rows(String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
            }
            return rows;
        }
    }

    /** The first column of the first row, as text; empty when there is no row. */
    Optional<String> queryOne(String sql, Object... params) {
        return query(sql, rs -> rs.getString(1), params).stream().findFirst();
    }

    /** A statement that returns nothing; one at a time, without parameters (DDL takes none). */
    void execute(String sql) {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw classify(e);
        }
    }

    PgVersion serverVersion() {
        return new PgVersion(Integer.parseInt(queryOne("show server_version_num").orElseThrow()));
    }

    RuntimeException classify(SQLException e) {
        return ConnectionFactory.classify(e, target);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing a connection we are done with, or a broken one, has nothing left to tell
        }
    }
}
