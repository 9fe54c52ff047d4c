package io.backupdesk.pg;

import io.backupdesk.core.BackupDeskException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what a backup needs to know from a live server over one JDBC connection: version, database size, the tables
 * pg_dump will dump with their sizes, and COPY progress while it does. Not thread-safe: one caller at a time.
 */
public final class ServerInspector implements AutoCloseable {
    private static final String DUMPABLE_TABLES = """
            select c.oid, n.nspname, c.relname, pg_catalog.pg_table_size(c.oid), c.reltuples::bigint
            from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
            where c.relkind = 'r' and c.relpersistence <> 't'
              and n.nspname <> 'information_schema' and n.nspname !~ '^pg_'
              and not exists (select 1 from pg_catalog.pg_depend d
                              where d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                                and d.objid = c.oid and d.deptype = 'e')
            order by n.nspname, c.relname""";

    private final Connection connection;
    private final String target;

    public ServerInspector(Connection connection, String target) {
        this.connection = connection;
        this.target = target;
    }

    /** The connection, for a snapshot transaction on the same login; stays owned by this inspector. */
    public Connection connection() {
        return connection;
    }

    public PgVersion serverVersion() {
        return new PgVersion(Integer.parseInt(queryString("show server_version_num")));
    }

    /** The server's own version text, e.g. "15.18 (Debian 15.18-0+deb12u1)". */
    public String serverVersionText() {
        return queryString("show server_version");
    }

    /**
     * How many more connections this login may open now: the least of what the server (less the slots reserved for
     * superusers), the role's and the database's connection limits leave. -1 when the server does not say (an old
     * version, or statistics hidden): then nothing is refused on that ground.
     */
    public int freeConnections() {
        String sql = """
                select least(
                  current_setting('max_connections')::int
                    - case when r.rolsuper then 0 else current_setting('superuser_reserved_connections')::int end
                    - (select count(*) from pg_catalog.pg_stat_activity where backend_type = 'client backend'),
                  case when r.rolconnlimit < 0 then 2147483647
                       else r.rolconnlimit - (select count(*) from pg_catalog.pg_stat_activity where usename = current_user) end,
                  case when d.datconnlimit < 0 then 2147483647
                       else d.datconnlimit - (select count(*) from pg_catalog.pg_stat_activity
                                              where datname = current_database()) end)
                from pg_catalog.pg_roles r, pg_catalog.pg_database d
                where r.rolname = current_user and d.datname = current_database()""";
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? Math.max(0, rs.getInt(1)) : -1;
        } catch (SQLException e) {
            return -1;
        }
    }

    public long databaseSize() {
        return Long.parseLong(queryString("select pg_catalog.pg_database_size(pg_catalog.current_database())"));
    }

    /** The tables whose rows pg_dump would dump with these include/exclude patterns. */
    public List<TableInfo> dumpableTables(List<String> schemas, List<String> excludeSchemas,
                                          List<String> tables, List<String> excludeTables) {
        List<TableInfo> all = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(DUMPABLE_TABLES)) {
            while (rs.next()) {
                all.add(new TableInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)));
            }
        } catch (SQLException e) {
            throw ConnectionFactory.classify(e, target);
        }
        return new TableSelector(new CatalogMatcher()).select(all, schemas, excludeSchemas, tables, excludeTables);
    }

    /** The tables with these oids, for tables found in an archive that the pattern selection did not predict. */
    public List<TableInfo> tablesByOid(List<Long> oids) {
        String sql = "select c.oid, n.nspname, c.relname, pg_catalog.pg_table_size(c.oid), c.reltuples::bigint"
                + " from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                + " where c.oid::bigint = any(?) order by n.nspname, c.relname";
        List<TableInfo> found = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, connection.createArrayOf("bigint", oids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new TableInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)));
                }
            }
        } catch (SQLException e) {
            throw ConnectionFactory.classify(e, target);
        }
        return found;
    }

    private final class CatalogMatcher implements TableSelector.Matcher {
        @Override
        public Set<Long> tableOids(PgNamePattern pattern) {
            if (pattern.schemaRegex() != null) {
                return query("select c.oid from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                        + " where n.nspname ~ ? and c.relname ~ ?", rs -> rs.getLong(1), pattern.schemaRegex(), pattern.nameRegex());
            }
            return query("select c.oid from pg_catalog.pg_class c where c.relname ~ ? and pg_catalog.pg_table_is_visible(c.oid)",
                    rs -> rs.getLong(1), pattern.nameRegex());
        }

        @Override
        public Set<String> schemaNames(PgNamePattern pattern) {
            return query("select n.nspname from pg_catalog.pg_namespace n where n.nspname ~ ?", rs -> rs.getString(1),
                    pattern.nameRegex());
        }
    }

    private interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> Set<T> query(String sql, Column<T> column, String... params) {
        Set<T> values = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(column.read(rs));
                }
            }
        } catch (SQLException e) {
            if ("2201B".equals(e.getSQLState())) {
                throw BackupDeskException.configuration("A name pattern is not a valid regular expression: " + e.getMessage(),
                        "Check brackets and special characters in the schema and table patterns.");
            }
            throw ConnectionFactory.classify(e, target);
        }
        return values;
    }

    /** Rows copied so far per table oid by our own COPY TO commands in this database (PostgreSQL 14+). */
    public Map<Long, Long> copyProgress() {
        Map<Long, Long> progress = new HashMap<>();
        String sql = "select p.relid, p.tuples_processed from pg_catalog.pg_stat_progress_copy p"
                + " join pg_catalog.pg_stat_activity a on a.pid = p.pid"
                + " where p.datname = pg_catalog.current_database() and a.application_name = ? and p.command = 'COPY TO'";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, PgEnvironment.APPLICATION_NAME);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    progress.put(rs.getLong(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            return Map.of();
        }
        return progress;
    }

    private String queryString(String sql) {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw ConnectionFactory.classify(e, target);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing a broken connection has nothing left to tell
        }
    }
}
