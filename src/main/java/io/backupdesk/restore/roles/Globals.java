package io.backupdesk.restore.roles;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a globals file ({@code pg_dumpall --globals-only}) holds, read into plain values by {@link GlobalsParser}.
 * Nothing of the file's text is ever run: the roles step makes its own statements from these values.
 *
 * @param skipped statements the parser does not take, in file order, for the user to read; never run
 */
public record Globals(List<Role> roles, List<Membership> memberships, List<RoleSetting> settings,
                      List<Tablespace> tablespaces, List<Skipped> skipped) {
    public Globals {
        roles = List.copyOf(roles);
        memberships = List.copyOf(memberships);
        settings = List.copyOf(settings);
        tablespaces = List.copyOf(tablespaces);
        skipped = List.copyOf(skipped);
    }

    /**
     * A role with its attributes; those a file leaves unsaid have CREATE ROLE's defaults.
     *
     * @param connectionLimit -1 for none
     * @param validUntil      the timestamp as written, null for none
     * @param password        the stored hash (SCRAM-SHA-256$..., md5...) as written, null for none; never shown
     * @param comment         COMMENT ON ROLE, null for none
     */
    public record Role(String name, boolean superuser, boolean inherit, boolean createRole, boolean createDb,
                       boolean login, boolean replication, boolean bypassRls, int connectionLimit, String validUntil,
                       String password, String comment) {
        public Role {
            Objects.requireNonNull(name);
        }

        /** A role as CREATE ROLE makes it when nothing else is said. */
        public static Role named(String name) {
            return new Role(name, false, true, false, false, false, false, false, -1, null, null, null);
        }

        /** The attributes that differ from CREATE ROLE's defaults, as a DBA writes them; the password only as such. */
        public List<String> attributes() {
            List<String> out = new ArrayList<>();
            flag(out, superuser, "SUPERUSER");
            flag(out, !inherit, "NOINHERIT");
            flag(out, createRole, "CREATEROLE");
            flag(out, createDb, "CREATEDB");
            flag(out, login, "LOGIN");
            flag(out, replication, "REPLICATION");
            flag(out, bypassRls, "BYPASSRLS");
            flag(out, connectionLimit != -1, "CONNECTION LIMIT " + connectionLimit);
            flag(out, validUntil != null, "VALID UNTIL " + validUntil);
            flag(out, password != null, "PASSWORD (a stored hash)");
            return out;
        }

        private static void flag(List<String> out, boolean on, String text) {
            if (on) {
                out.add(text);
            }
        }

        /** Never the password: records print every field, and this one ends up in logs and messages. */
        @Override
        public String toString() {
            return "Role[" + name + " " + String.join(" ", attributes()) + "]";
        }
    }

    /**
     * {@code member} is made a member of {@code role}.
     *
     * @param inherit   INHERIT TRUE/FALSE of PostgreSQL 16 and later, null where the file does not say
     * @param set       SET TRUE/FALSE of PostgreSQL 16 and later, null where the file does not say
     * @param grantedBy the grantor the file names, null for none; shown, not replayed
     */
    public record Membership(String role, String member, boolean admin, Boolean inherit, Boolean set, String grantedBy) { }

    /**
     * {@code ALTER ROLE role [IN DATABASE database] SET name TO values}.
     *
     * @param database null for a setting in every database
     * @param values   one value, or the items of a list setting such as search_path
     */
    public record RoleSetting(String role, String database, String name, List<String> values) {
        public RoleSetting {
            values = List.copyOf(values);
        }

        /** The value as the user reads it: list items in single quotes, joined by commas. */
        public String valueText() {
            return values.size() == 1 ? values.get(0) : String.join(", ", values.stream().map(v -> "'" + v + "'").toList());
        }
    }

    /**
     * @param location a folder on the source server's disk
     * @param options  "name=value" from ALTER TABLESPACE ... SET (...)
     */
    public record Tablespace(String name, String owner, String location, List<String> options) {
        public Tablespace {
            options = List.copyOf(options);
        }
    }

    /**
     * A statement the parser did not take, for display only.
     *
     * @param line   where it ends in the file, from 1
     * @param text   the statement on one line, cut short, control characters and password values left out
     * @param reason why it was not taken
     */
    public record Skipped(int line, String text, String reason) { }
}
