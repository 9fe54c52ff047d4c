package io.backupdesk.pg;

import io.backupdesk.core.BackupDeskException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The server a restore writes to, seen from its maintenance database: which databases exist, who is connected, what
 * the login may do, and the database-level changes a restore makes (create, rename, drop, end sessions). One JDBC
 * connection; not thread-safe.
 */
public final class TargetServer implements AutoCloseable {
    /** A session on a database, as a DBA would want it named before ending it. */
    public record Session(int pid, String user, String application, String clientAddress, String state) {
        @Override
        public String toString() {
            return "pid " + pid + " (" + (user == null ? "?" : user)
                    + (application == null || application.isBlank() ? "" : ", " + application)
                    + (clientAddress == null ? ", local" : ", from " + clientAddress) + ")";
        }
    }

    /** What the login may do on this server. */
    public record Privileges(String user, boolean superuser, boolean createDb, boolean signalBackends) { }

    /**
     * A database's encoding, collation and owner, to make its replacement alike.
     *
     * @param localeProvider "c" (libc), "i" (ICU) or "b" (builtin, 17+); "c" before 15, where only libc exists
     * @param locale         the ICU or builtin locale, null for libc
     * @param tablespace     its default tablespace, null for pg_default
     */
    public record DatabaseTraits(String owner, String encoding, String collate, String ctype, String localeProvider,
                                 String locale, String tablespace) { }

    /** Sessions of clients, as opposed to autovacuum and other background workers. */
    private static final String CLIENTS = "backend_type = 'client backend'";

    private final Jdbc jdbc;

    public TargetServer(Connection connection, String target) {
        this.jdbc = new Jdbc(connection, target);
    }

    public PgVersion serverVersion() {
        return jdbc.serverVersion();
    }

    public boolean exists(String database) {
        return jdbc.queryOne("select 1 from pg_catalog.pg_database where datname = ?", database).isPresent();
    }

    /** The database's oid: what it is, as opposed to a name that can be given to another one later. */
    public Optional<Long> oid(String database) {
        return jdbc.queryOne("select oid::bigint::text from pg_catalog.pg_database where datname = ?", database)
                .map(Long::parseLong);
    }

    public Optional<DatabaseTraits> traits(String database) {
        int major = serverVersion().majorFirst();
        // the provider came in 15, and its locale column was renamed from daticulocale to datlocale in 17
        String provider = major >= 15 ? "d.datlocprovider::text" : "'c'";
        String locale = major >= 17 ? "d.datlocale" : major >= 15 ? "d.daticulocale" : "null";
        return query("select pg_catalog.pg_get_userbyid(d.datdba), pg_catalog.pg_encoding_to_char(d.encoding),"
                        + " d.datcollate, d.datctype, " + provider + ", " + locale + ", nullif(t.spcname, 'pg_default')"
                        + " from pg_catalog.pg_database d join pg_catalog.pg_tablespace t on t.oid = d.dattablespace"
                        + " where d.datname = ?", List.of(database),
                rs -> new DatabaseTraits(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .stream().findFirst();
    }

    /** The database's settings, privileges, comment and connection limit, which its contents' archive lacks. */
    public DatabaseProperties properties(String database) {
        try {
            return DatabaseProperties.read(jdbc.connection(), database);
        } catch (SQLException e) {
            throw jdbc.classify(e);
        }
    }

    /**
     * Gives a database these properties, statement by statement: one the login may not run (a grant to a role the
     * login cannot act for) does not stop the others.
     *
     * @return what could not be given, as PostgreSQL said it
     */
    public List<String> giveProperties(String database, DatabaseProperties properties) {
        List<String> failures = new ArrayList<>();
        for (String sql : properties.statementsFor(database)) {
            try {
                jdbc.execute(sql);
            } catch (BackupDeskException e) {
                failures.add(sql + ": " + e.getMessage());
            }
        }
        return failures;
    }

    /** Runs one statement of a database's own settings or grants (see {@code DatabaseLevel}), autocommitted. */
    public void execute(String sql) {
        jdbc.execute(sql);
    }

    public Privileges privileges() {
        return query("select current_user, rolsuper, rolcreatedb, rolsuper or pg_catalog.pg_has_role(current_user,"
                        + " 'pg_signal_backend', 'MEMBER') from pg_catalog.pg_roles where rolname = current_user", List.of(),
                rs -> new Privileges(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4)))
                .get(0);
    }

    /** Whether the login owns the database (or is a member of its owner). */
    public boolean ownsDatabase(String database) {
        return jdbc.queryOne("select 1 from pg_catalog.pg_database where datname = ?"
                + " and pg_catalog.pg_has_role(current_user, datdba, 'MEMBER')", database).isPresent();
    }

    /**
     * Other client sessions on the database, ours excluded. Autovacuum workers are not listed: they come and go on
     * their own, and PostgreSQL ends them itself when the database is renamed or dropped.
     */
    public List<Session> sessions(String database) {
        return query("select pid, usename, application_name, host(client_addr), state from pg_catalog.pg_stat_activity"
                        + " where datname = ? and pid <> pg_catalog.pg_backend_pid() and " + CLIENTS + " order by pid",
                List.of(database),
                rs -> new Session(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
    }

    /** Ends every other session on the database; returns how many were ended. */
    public int terminateSessions(String database) {
        return query("select pg_catalog.pg_terminate_backend(pid, 5000) from pg_catalog.pg_stat_activity"
                        + " where datname = ? and pid <> pg_catalog.pg_backend_pid() and " + CLIENTS, List.of(database),
                rs -> rs.getBoolean(1)).size();
    }

    public Set<String> roles() {
        return new HashSet<>(query("select rolname from pg_catalog.pg_roles", List.of(), rs -> rs.getString(1)));
    }

    /** Extensions the server can install, by name, with their default versions. */
    public Map<String, String> availableExtensions() {
        Map<String, String> available = new HashMap<>();
        query("select name, default_version from pg_catalog.pg_available_extensions", List.of(),
                rs -> available.put(rs.getString(1), rs.getString(2)));
        return available;
    }

    /** Where the server keeps its data, when this login may read it (superusers, pg_read_all_settings). */
    public Optional<String> dataDirectory() {
        try {
            return jdbc.queryOne("select setting from pg_catalog.pg_settings where name = 'data_directory'");
        } catch (BackupDeskException e) {
            return Optional.empty();
        }
    }

    /** Creates an empty database from template0, alike to {@code like} where given. */
    public void create(String database, Optional<DatabaseTraits> like) {
        StringBuilder sql = new StringBuilder("create database ").append(quoteIdent(database)).append(" template template0");
        like.ifPresent(t -> {
            sql.append(" encoding ").append(quoteLiteral(t.encoding()))
                    .append(" lc_collate ").append(quoteLiteral(t.collate()))
                    .append(" lc_ctype ").append(quoteLiteral(t.ctype()));
            // an ICU or builtin database made again as libc would sort and compare text differently
            if ("i".equals(t.localeProvider()) && t.locale() != null) {
                sql.append(" locale_provider icu icu_locale ").append(quoteLiteral(t.locale()));
            } else if ("b".equals(t.localeProvider()) && t.locale() != null) {
                sql.append(" locale_provider builtin builtin_locale ").append(quoteLiteral(t.locale()));
            }
            if (t.tablespace() != null) {
                sql.append(" tablespace ").append(quoteIdent(t.tablespace()));
            }
        });
        jdbc.execute(sql.toString());
    }

    public void drop(String database) {
        jdbc.execute("drop database if exists " + quoteIdent(database) + " with (force)");
    }

    /**
     * Renames {@code database} to {@code aside} and {@code replacement} to {@code database} in one transaction: both
     * names change or neither does, even when the app dies halfway.
     */
    public void swapNames(String database, String aside, String replacement) {
        try {
            Connection connection = jdbc.connection();
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                st.execute("alter database " + quoteIdent(database) + " rename to " + quoteIdent(aside));
                st.execute("alter database " + quoteIdent(replacement) + " rename to " + quoteIdent(database));
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw jdbc.classify(e);
        }
    }

    public void setOwner(String database, String owner) {
        jdbc.execute("alter database " + quoteIdent(database) + " owner to " + quoteIdent(owner));
    }

    public static String quoteIdent(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /**
     * A string constant for SQL we write. Doubling the quote is all it takes with standard_conforming_strings on, the
     * default since PostgreSQL 9.1; a caller that cannot rely on the server's setting sets it for its session.
     */
    public static String quoteLiteral(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private <T> List<T> query(String sql, List<String> params, Jdbc.Row<T> row) {
        return jdbc.query(sql, row, params.toArray());
    }

    @Override
    public void close() {
        jdbc.close();
    }
}
