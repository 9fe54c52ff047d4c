package io.backupdesk.restore.roles;

import io.backupdesk.pg.ConnectionFactory;
import io.backupdesk.restore.roles.Globals.Role;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The roles, memberships, tablespaces and databases a target server has, and what its login may do: what the roles
 * step weighs the globals file against. Read in one go, so the preview and the apply each see one moment.
 *
 * @param roles       by name, with their attributes (no password: pg_roles hides it)
 * @param memberships pairs of [role, member]
 * @param adminOf     roles the login may grant (it holds ADMIN OPTION on them, or is a superuser)
 */
record TargetState(Login login, int versionNum, Map<String, Role> roles, Set<List<String>> memberships,
                   Set<String> adminOf, Set<String> tablespaces, Set<String> databases) {
    /** The restoring login's own attributes, which bound the roles it may create. */
    record Login(String name, boolean superuser, boolean createRole, boolean createDb, boolean replication,
                 boolean bypassRls) { }

    int major() {
        return versionNum / 10000;
    }

    static TargetState read(Connection connection, String target) {
        try (Statement st = connection.createStatement()) {
            Map<String, Role> roles = new HashMap<>();
            Login login = null;
            try (ResultSet rs = st.executeQuery("select rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb,"
                    + " rolcanlogin, rolreplication, rolbypassrls, rolconnlimit, rolvaliduntil::text,"
                    + " pg_catalog.shobj_description(oid, 'pg_authid'), rolname = current_user from pg_catalog.pg_roles")) {
                while (rs.next()) {
                    Role role = new Role(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4),
                            rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8), rs.getInt(9),
                            rs.getString(10), null, rs.getString(11));
                    roles.put(role.name(), role);
                    if (rs.getBoolean(12)) {
                        login = new Login(role.name(), role.superuser(), role.createRole(), role.createDb(),
                                role.replication(), role.bypassRls());
                    }
                }
            }
            Set<List<String>> memberships = new HashSet<>();
            Set<String> adminOf = new HashSet<>();
            Set<String> tablespaces = new HashSet<>();
            Set<String> databases = new HashSet<>();
            try (ResultSet rs = st.executeQuery("select r.rolname, m.rolname from pg_catalog.pg_auth_members a"
                    + " join pg_catalog.pg_roles r on r.oid = a.roleid join pg_catalog.pg_roles m on m.oid = a.member")) {
                while (rs.next()) {
                    memberships.add(List.of(rs.getString(1), rs.getString(2)));
                }
            }
            strings(st, "select rolname from pg_catalog.pg_roles"
                    + " where pg_catalog.pg_has_role(current_user, oid, 'MEMBER WITH ADMIN OPTION')", adminOf);
            strings(st, "select spcname from pg_catalog.pg_tablespace", tablespaces);
            strings(st, "select datname from pg_catalog.pg_database", databases);
            int version;
            try (ResultSet rs = st.executeQuery("show server_version_num")) {
                rs.next();
                version = Integer.parseInt(rs.getString(1));
            }
            return new TargetState(login, version, roles, memberships, adminOf, tablespaces, databases);
        } catch (SQLException e) {
            throw ConnectionFactory.classify(e, target);
        }
    }

    private static void strings(Statement st, String sql, Set<String> into) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                into.add(rs.getString(1));
            }
        }
    }
}
