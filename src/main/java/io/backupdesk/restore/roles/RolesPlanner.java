package io.backupdesk.restore.roles;

import io.backupdesk.restore.roles.Globals.Membership;
import io.backupdesk.restore.roles.Globals.Role;
import io.backupdesk.restore.roles.Globals.RoleSetting;
import io.backupdesk.restore.roles.RolesPreview.MembershipAction;
import io.backupdesk.restore.roles.RolesPreview.MembershipLine;
import io.backupdesk.restore.roles.RolesPreview.RoleAction;
import io.backupdesk.restore.roles.RolesPreview.RoleLine;
import io.backupdesk.restore.roles.RolesPreview.SettingAction;
import io.backupdesk.restore.roles.RolesPreview.SettingLine;
import io.backupdesk.restore.roles.RolesPreview.TablespaceAction;
import io.backupdesk.restore.roles.RolesPreview.TablespaceLine;
import io.backupdesk.restore.roles.TargetState.Login;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Weighs a globals file against a target server: a role is created only where none of its name exists, and only the
 * new roles get the file's memberships and settings, so an existing role is never altered. What the login may not
 * create or grant is found here, before anything changes. No I/O: the same plan is made for the preview and again,
 * inside the transaction, for the apply.
 */
final class RolesPlanner {
    private static final String MISSING_TABLESPACE = "not created: its location is a folder on the source server;"
            + " restore the databases without tablespaces, or create it here first";

    private RolesPlanner() { }

    static RolesPreview plan(Globals globals, TargetState target, String targetName) {
        List<RoleLine> roles = new ArrayList<>();
        Set<String> created = new HashSet<>();
        for (Role role : globals.roles()) {
            RoleLine line = role(role, target);
            roles.add(line);
            if (line.action() == RoleAction.CREATE) {
                created.add(role.name());
            }
        }
        List<MembershipLine> memberships = globals.memberships().stream()
                .map(m -> membership(m, target, created, globals)).toList();
        List<SettingLine> settings = globals.settings().stream().map(s -> setting(s, target, created)).toList();
        List<TablespaceLine> tablespaces = globals.tablespaces().stream()
                .map(t -> target.tablespaces().contains(t.name())
                        ? new TablespaceLine(t.name(), t.owner(), t.location(), TablespaceAction.EXISTS, "")
                        : new TablespaceLine(t.name(), t.owner(), t.location(), TablespaceAction.MISSING, MISSING_TABLESPACE))
                .toList();
        List<String> blockers = new ArrayList<>();
        roles.stream().filter(r -> r.action() == RoleAction.CANNOT_CREATE)
                .forEach(r -> blockers.add("Role " + quoted(r.name()) + " cannot be created: " + r.note() + "."));
        memberships.stream().filter(m -> m.action() == MembershipAction.CANNOT_ADD)
                .forEach(m -> blockers.add("Role " + quoted(m.member()) + " cannot be made a member of "
                        + quoted(m.role()) + ": " + m.note() + "."));
        return new RolesPreview(targetName, roles, memberships, settings, tablespaces, globals.skipped(), blockers);
    }

    private static RoleLine role(Role role, TargetState target) {
        if (target.roles().containsKey(role.name())) {
            return new RoleLine(role.name(), RoleAction.EXISTS, role.attributes(), "exists here; left as it is");
        }
        String refusal = refusal(role, target.login(), target.major());
        return refusal == null
                ? new RoleLine(role.name(), RoleAction.CREATE, role.attributes(), withoutPassword(role))
                : new RoleLine(role.name(), RoleAction.CANNOT_CREATE, role.attributes(), refusal);
    }

    /**
     * A login role the file holds no password for is created without one: a set made by a login that may not read
     * the hashes (pg_dumpall --no-role-passwords) has none at all, and the preview must not let that pass unsaid.
     */
    private static String withoutPassword(Role role) {
        return role.login() && role.password() == null
                ? "no password in the backup: it cannot log in with one until it is given one" : "";
    }

    /** Why the login may not create this role, as PostgreSQL would refuse it; null when it may. */
    private static String refusal(Role role, Login login, int major) {
        if (role.name().startsWith("pg_")) {
            return "names beginning with pg_ are reserved for PostgreSQL's own roles";
        }
        if (login.superuser()) {
            return null;
        }
        if (!login.createRole()) {
            return "the login " + login.name() + " may not create roles (it needs CREATEROLE or SUPERUSER)";
        }
        if (role.superuser()) {
            return "only a superuser may create a SUPERUSER role";
        }
        // before 16 only superusers give these; from 16 a CREATEROLE login gives those it has itself
        if (role.replication() && (major < 16 || !login.replication())) {
            return "the login " + login.name() + " may not give REPLICATION";
        }
        if (role.bypassRls() && (major < 16 || !login.bypassRls())) {
            return "the login " + login.name() + " may not give BYPASSRLS";
        }
        if (role.createDb() && major >= 16 && !login.createDb()) {
            return "the login " + login.name() + " may not give CREATEDB (it lacks it itself)";
        }
        return null;
    }

    private static MembershipLine membership(Membership m, TargetState target, Set<String> created, Globals globals) {
        if (target.roles().containsKey(m.member())) {
            return target.memberships().contains(List.of(m.role(), m.member()))
                    ? line(m, MembershipAction.ALREADY, "there already")
                    : line(m, MembershipAction.NOT_ADDED, "the member exists here; its memberships are left as they are");
        }
        if (!created.contains(m.member())) {
            return line(m, MembershipAction.NOT_ADDED, inFile(globals, m.member())
                    ? "the member is not created" : "the member is neither in the globals file nor here");
        }
        if (!created.contains(m.role()) && !target.roles().containsKey(m.role())) {
            return line(m, MembershipAction.NOT_ADDED, "role " + quoted(m.role()) + " is neither created nor here");
        }
        if (!mayGrant(m.role(), target, created)) {
            return line(m, MembershipAction.CANNOT_ADD, "the login " + target.login().name()
                    + " may not grant " + quoted(m.role()) + " (it lacks ADMIN OPTION on it)");
        }
        return line(m, MembershipAction.ADD, target.major() < 16 && (m.inherit() != null || m.set() != null)
                ? "granted without its INHERIT and SET options, which need PostgreSQL 16" : "");
    }

    /** Superusers grant anything; the creator of a role may grant it; before 16 CREATEROLE grants any non-superuser. */
    private static boolean mayGrant(String role, TargetState target, Set<String> created) {
        Login login = target.login();
        if (login.superuser() || created.contains(role) || target.adminOf().contains(role)) {
            return true;
        }
        Role existing = target.roles().get(role);
        return target.major() < 16 && login.createRole() && existing != null && !existing.superuser();
    }

    private static SettingLine setting(RoleSetting s, TargetState target, Set<String> created) {
        if (!created.contains(s.role())) {
            return settingLine(s, SettingAction.NOT_SET, target.roles().containsKey(s.role())
                    ? "the role exists here; its settings are left as they are" : "the role is not created");
        }
        if (s.database() != null && !target.databases().contains(s.database())) {
            return settingLine(s, SettingAction.LATER, "once database " + quoted(s.database()) + " is restored");
        }
        return settingLine(s, SettingAction.SET, "");
    }

    private static boolean inFile(Globals globals, String role) {
        return globals.roles().stream().anyMatch(r -> r.name().equals(role));
    }

    private static MembershipLine line(Membership m, MembershipAction action, String note) {
        return new MembershipLine(m.role(), m.member(), m.admin(), action, note);
    }

    private static SettingLine settingLine(RoleSetting s, SettingAction action, String note) {
        return new SettingLine(s.role(), s.database(), s.name(), s.valueText(), action, note);
    }

    /** A name in a sentence: in double quotes, on one line, so a crafted name cannot pass for the sentence's words. */
    static String quoted(String name) {
        return "\"" + SkippedStatements.oneLine(name.replace("\"", "\"\"")) + "\"";
    }
}
