package io.backupdesk.restore.roles;

import io.backupdesk.restore.roles.Globals.Membership;
import io.backupdesk.restore.roles.Globals.Role;
import io.backupdesk.restore.roles.Globals.RoleSetting;

import java.util.stream.Collectors;

import static io.backupdesk.pg.TargetServer.quoteIdent;
import static io.backupdesk.pg.TargetServer.quoteLiteral;

/**
 * Our own statements for the roles step, made from the parsed values with every name quoted as an identifier and
 * every value as a literal: nothing of the globals file's text reaches the server as SQL. The literals assume
 * standard_conforming_strings on, which the step sets for its transaction.
 */
final class RoleSql {
    private RoleSql() { }

    /** CREATE ROLE with every attribute said, so no default of the target's version decides one. */
    static String create(Role r) {
        StringBuilder sql = new StringBuilder("create role ").append(quoteIdent(r.name())).append(" with")
                .append(r.superuser() ? " superuser" : " nosuperuser")
                .append(r.inherit() ? " inherit" : " noinherit")
                .append(r.createRole() ? " createrole" : " nocreaterole")
                .append(r.createDb() ? " createdb" : " nocreatedb")
                .append(r.login() ? " login" : " nologin")
                .append(r.replication() ? " replication" : " noreplication")
                .append(r.bypassRls() ? " bypassrls" : " nobypassrls")
                .append(" connection limit ").append(r.connectionLimit());
        if (r.validUntil() != null) {
            sql.append(" valid until ").append(quoteLiteral(r.validUntil()));
        }
        if (r.password() != null) {
            // a SCRAM or md5 hash is stored as it is; the server hashes nothing it recognises as one
            sql.append(" password ").append(quoteLiteral(r.password()));
        }
        return sql.toString();
    }

    static String comment(Role r) {
        return "comment on role " + quoteIdent(r.name()) + " is " + quoteLiteral(r.comment());
    }

    /**
     * GRANT role TO member, with ADMIN OPTION where the file gives it, and INHERIT and SET where the file says them and
     * the target (16 and later) knows them. GRANTED BY is not replayed: the login that restores is the grantor.
     */
    static String grant(Membership m, int targetMajor) {
        StringBuilder options = new StringBuilder();
        if (m.admin()) {
            options.append("admin option");
        }
        if (targetMajor >= 16 && m.inherit() != null) {
            options.append(options.isEmpty() ? "" : ", ").append("inherit ").append(m.inherit());
        }
        if (targetMajor >= 16 && m.set() != null) {
            options.append(options.isEmpty() ? "" : ", ").append("set ").append(m.set());
        }
        return "grant " + quoteIdent(m.role()) + " to " + quoteIdent(m.member())
                + (options.isEmpty() ? "" : " with " + options);
    }

    /** ALTER ROLE ... SET name TO 'v1', 'v2': each item a literal, as pg_dumpall writes list settings. */
    static String set(RoleSetting s) {
        return "alter role " + quoteIdent(s.role())
                + (s.database() == null ? "" : " in database " + quoteIdent(s.database()))
                + " set " + quoteIdent(s.name()) + " to "
                + s.values().stream().map(v -> quoteLiteral(v)).collect(Collectors.joining(", "));
    }
}
