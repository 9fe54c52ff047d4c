package io.backupdesk.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Locale;

/**
 * What a database carries besides its contents and that a pg_dump archive made without {@code --create} lacks: its
 * settings ({@code ALTER DATABASE ... SET}), the privileges granted on it, its comment and its connection limit. A
 * safe replace gives them to the restored copy, so that, say, a database closed to PUBLIC does not come back open.
 *
 * @param settings        "name=value" as PostgreSQL stores them
 * @param customAcl       the privileges differ from the defaults (PUBLIC may connect and create temporary tables)
 * @param grants          the privileges granted to others than the owner, when {@code customAcl}
 * @param comment         null when none
 * @param connectionLimit -1 for no limit
 */
public record DatabaseProperties(List<String> settings, boolean customAcl, List<Grant> grants, String comment,
                                 int connectionLimit) {
    /** A privilege on the database; grantee is already quoted as an identifier, or PUBLIC. */
    public record Grant(String grantee, String privilege, boolean grantable) { }

    /** Settings whose values are lists of names, stored with double quotes where needed (as pg_dump knows them). */
    private static final Set<String> LIST_SETTINGS = Set.of("local_preload_libraries", "search_path",
            "session_preload_libraries", "shared_preload_libraries", "temp_tablespaces", "unix_socket_directories");

    static DatabaseProperties read(Connection c, String database) throws SQLException {
        List<String> settings = strings(c, "select pg_catalog.unnest(s.setconfig) from pg_catalog.pg_db_role_setting s"
                + " join pg_catalog.pg_database d on d.oid = s.setdatabase where d.datname = ? and s.setrole = 0", database);
        List<Grant> grants = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("select case when a.grantee = 0 then 'PUBLIC' else"
                + " pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(a.grantee)) end, a.privilege_type, a.is_grantable"
                + " from pg_catalog.pg_database d, pg_catalog.aclexplode(d.datacl) a"
                + " where d.datname = ? and a.grantee <> d.datdba order by 1, 2")) {
            st.setString(1, database);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    grants.add(new Grant(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
                }
            }
        }
        try (PreparedStatement st = c.prepareStatement("select d.datacl is not null,"
                + " pg_catalog.shobj_description(d.oid, 'pg_database'), d.datconnlimit"
                + " from pg_catalog.pg_database d where d.datname = ?")) {
            st.setString(1, database);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return new DatabaseProperties(List.of(), false, List.of(), null, -1);
                }
                return new DatabaseProperties(settings, rs.getBoolean(1), grants, rs.getString(2), rs.getInt(3));
            }
        }
    }

    /** The statements that give a database these properties; it is assumed to have none of its own yet. */
    public List<String> statementsFor(String database) {
        String db = TargetServer.quoteIdent(database);
        List<String> sql = new ArrayList<>();
        for (String setting : settings) {
            int eq = setting.indexOf('=');
            String name = setting.substring(0, eq);
            String value = setting.substring(eq + 1);
            String values = LIST_SETTINGS.contains(name.toLowerCase(Locale.ROOT))
                    ? String.join(", ", splitList(value).stream().map(DatabaseProperties::literal).toList())
                    : literal(value);
            sql.add("alter database " + db + " set " + TargetServer.quoteIdent(name) + " to " + values);
        }
        if (connectionLimit != -1) {
            sql.add("alter database " + db + " connection limit " + connectionLimit);
        }
        if (comment != null) {
            sql.add("comment on database " + db + " is " + literal(comment));
        }
        if (customAcl) {
            sql.add("revoke all on database " + db + " from public");
            for (Grant g : grants) {
                sql.add("grant " + g.privilege().toLowerCase(Locale.ROOT) + " on database " + db + " to "
                        + g.grantee() + (g.grantable() ? " with grant option" : ""));
            }
        }
        return sql;
    }

    /** "a, \"B c\"" as [a, B c]: PostgreSQL's stored form of a list setting. */
    static List<String> splitList(String value) {
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < value.length() && value.charAt(i + 1) == '"') {
                    item.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == ',' && !quoted) {
                items.add(item.toString().trim());
                item.setLength(0);
            } else {
                item.append(ch);
            }
        }
        items.add(item.toString().trim());
        return items;
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static List<String> strings(Connection c, String sql, String param) throws SQLException {
        List<String> result = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, param);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
        }
        return result;
    }
}
