package io.backupdesk.restore.roles;

import io.backupdesk.restore.roles.Globals.Role;
import io.backupdesk.restore.roles.StatementCursor.Unrecognised;

/** A role while its statements are read: CREATE ROLE, then ALTER ROLE ... WITH, then COMMENT ON ROLE. */
final class RoleDraft {
    private final String name;
    private boolean superuser;
    private boolean inherit = true;
    private boolean createRole;
    private boolean createDb;
    private boolean login;
    private boolean replication;
    private boolean bypassRls;
    private int connectionLimit = -1;
    private String validUntil;
    private String password;
    String comment;

    RoleDraft(String name, boolean login) {
        this.name = name;
        this.login = login;
    }

    RoleDraft copy() {
        RoleDraft copy = new RoleDraft(name, login);
        copy.superuser = superuser;
        copy.inherit = inherit;
        copy.createRole = createRole;
        copy.createDb = createDb;
        copy.replication = replication;
        copy.bypassRls = bypassRls;
        copy.connectionLimit = connectionLimit;
        copy.validUntil = validUntil;
        copy.password = password;
        copy.comment = comment;
        return copy;
    }

    /**
     * The options of CREATE ROLE and ALTER ROLE ... WITH that pg_dumpall writes (and the old CREATEUSER for
     * SUPERUSER). IN ROLE, ROLE, ADMIN and SYSID are not among them: a statement with one is skipped whole.
     */
    void options(StatementCursor s) {
        while (!s.atEnd()) {
            if (s.take("CONNECTION")) {
                s.expect("LIMIT");
                connectionLimit = s.integer();
            } else if (s.take("VALID")) {
                s.expect("UNTIL");
                validUntil = s.string();
            } else if (s.take("ENCRYPTED") || s.take("PASSWORD")) {
                s.take("PASSWORD");
                password = s.take("NULL") ? null : s.string();
            } else if (!flag(s)) {
                throw new Unrecognised("a role option this step does not take");
            }
        }
    }

    private boolean flag(StatementCursor s) {
        for (boolean on : new boolean[] {true, false}) {
            String no = on ? "" : "NO";
            if (s.take(no + "SUPERUSER") || s.take(no + "CREATEUSER")) {
                superuser = on;
            } else if (s.take(no + "INHERIT")) {
                inherit = on;
            } else if (s.take(no + "CREATEROLE")) {
                createRole = on;
            } else if (s.take(no + "CREATEDB")) {
                createDb = on;
            } else if (s.take(no + "LOGIN")) {
                login = on;
            } else if (s.take(no + "REPLICATION")) {
                replication = on;
            } else if (s.take(no + "BYPASSRLS")) {
                bypassRls = on;
            } else {
                continue;
            }
            return true;
        }
        return false;
    }

    Role role() {
        return new Role(name, superuser, inherit, createRole, createDb, login, replication, bypassRls, connectionLimit,
                validUntil, password, comment);
    }
}
