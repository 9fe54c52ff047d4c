package io.backupdesk.pg;

import io.backupdesk.core.BackupDeskException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    private final Jdbc jdbc;

    public ServerInspector(Connection connection, String target) {
        this.jdbc = new Jdbc(connection, target);
    }

    /** The connection, for a snapshot transaction on the same login; stays owned by this inspector. */
    public Connection connection() {
        return jdbc.connection();
    }

    public PgVersion serverVersion() {
        return jdbc.serverVersion();
    }

    /** The server's own version text, e.g. "15.18 (Debian 15.18-0+deb12u1)". */
    public String serverVersionText() {
        return jdbc.queryOne("show server_version").orElseThrow();
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
        return jdbc.queryIfPossible(sql, rs -> Math.max(0, rs.getInt(1))).flatMap(rows -> rows.stream().findFirst())
                .orElse(-1);
    }

    /**
     * The databases a whole-server set can back up, in name order: never a template, nor one that refuses
     * connections (as pg_dumpall leaves them out).
     */
    public List<String> connectableDatabases() {
        return jdbc.query("select datname from pg_catalog.pg_database where not datistemplate and datallowconn"
                + " order by datname collate \"C\"", rs -> rs.getString(1));
    }

    public long databaseSize() {
        return Long.parseLong(jdbc.queryOne("select pg_catalog.pg_database_size(pg_catalog.current_database())").orElseThrow());
    }

    /** The tables whose rows pg_dump would dump with these include/exclude patterns. */
    public List<TableInfo> dumpableTables(List<String> schemas, List<String> excludeSchemas,
                                          List<String> tables, List<String> excludeTables) {
        List<TableInfo> all = jdbc.query(DUMPABLE_TABLES, ServerInspector::tableInfo);
        return new TableSelector(new CatalogMatcher()).select(all, schemas, excludeSchemas, tables, excludeTables);
    }

    /** The tables with these oids, for tables found in an archive that the pattern selection did not predict. */
    public List<TableInfo> tablesByOid(List<Long> oids) {
        String sql = "select c.oid, n.nspname, c.relname, pg_catalog.pg_table_size(c.oid), c.reltuples::bigint"
                + " from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                + " where c.oid::bigint = any(?) order by n.nspname, c.relname";
        try {
            return jdbc.query(sql, ServerInspector::tableInfo,
                    jdbc.connection().createArrayOf("bigint", oids.toArray()));
        } catch (SQLException e) {
            throw jdbc.classify(e);
        }
    }

    private static TableInfo tableInfo(ResultSet rs) throws SQLException {
        return new TableInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5));
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

    /** A pattern's regular expression that the server cannot compile is the user's to fix, not a server failure. */
    private <T> Set<T> query(String sql, Jdbc.Row<T> column, String... params) {
        return new HashSet<>(jdbc.query(sql, column, e -> "2201B".equals(e.getSQLState())
                ? BackupDeskException.configuration("A name pattern is not a valid regular expression: " + e.getMessage(),
                "Check brackets and special characters in the schema and table patterns.") : jdbc.classify(e),
                (Object[]) params));
    }

    /** Rows copied so far per table oid by our own COPY TO commands in this database (PostgreSQL 14+). */
    public Map<Long, Long> copyProgress() {
        Map<Long, Long> progress = new HashMap<>();
        String sql = "select p.relid, p.tuples_processed from pg_catalog.pg_stat_progress_copy p"
                + " join pg_catalog.pg_stat_activity a on a.pid = p.pid"
                + " where p.datname = pg_catalog.current_database() and a.application_name = ? and p.command = 'COPY TO'";
        // progress is a nicety: a server that cannot say (before 14, or hidden statistics) shows none
        return jdbc.queryIfPossible(sql, rs -> progress.put(rs.getLong(1), rs.getLong(2)), PgEnvironment.APPLICATION_NAME)
                .map(rows -> progress).orElse(Map.of());
    }

    @Override
    public void close() {
        jdbc.close();
    }
}
