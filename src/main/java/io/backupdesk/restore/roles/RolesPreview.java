package io.backupdesk.restore.roles;

import java.util.List;

/**
 * What the roles step would do on a target server, before anything changes: every role of the globals file as
 * created or left as it is, every membership and role setting as added or not (and why), every tablespace as there
 * or missing. Plain values, for the command line to print or write as JSON and for a screen to show; it never holds
 * a password.
 *
 * @param target   the server, as messages name it
 * @param skipped  statements of the file the step does not take, never run
 * @param blockers why the step cannot run as it stands, one sentence each; empty when it can
 */
public record RolesPreview(String target, List<RoleLine> roles, List<MembershipLine> memberships,
                           List<SettingLine> settings, List<TablespaceLine> tablespaces, List<Globals.Skipped> skipped,
                           List<String> blockers) {
    public RolesPreview {
        roles = List.copyOf(roles);
        memberships = List.copyOf(memberships);
        settings = List.copyOf(settings);
        tablespaces = List.copyOf(tablespaces);
        skipped = List.copyOf(skipped);
        blockers = List.copyOf(blockers);
    }

    /** CREATE: made by this step. EXISTS: a role of that name is there and is left exactly as it is. */
    public enum RoleAction { CREATE, EXISTS, CANNOT_CREATE }

    /** ADD: granted by this step. ALREADY: there. NOT_ADDED: left out, see the note. CANNOT_ADD: the login may not. */
    public enum MembershipAction { ADD, ALREADY, NOT_ADDED, CANNOT_ADD }

    /** SET: given to a role this step creates. LATER: once its database is restored. NOT_SET: see the note. */
    public enum SettingAction { SET, LATER, NOT_SET }

    /** A missing tablespace is never created: its location is a folder on the source server's disk. */
    public enum TablespaceAction { EXISTS, MISSING }

    /** @param attributes those that differ from CREATE ROLE's defaults; a password only as "PASSWORD (a stored hash)" */
    public record RoleLine(String name, RoleAction action, List<String> attributes, String note) {
        public RoleLine {
            attributes = List.copyOf(attributes);
        }
    }

    public record MembershipLine(String role, String member, boolean admin, MembershipAction action, String note) { }

    /** @param database null for a setting in every database */
    public record SettingLine(String role, String database, String name, String value, SettingAction action,
                              String note) { }

    public record TablespaceLine(String name, String owner, String location, TablespaceAction action, String note) { }

    /** The roles this step creates, in file order: exactly those, and no other. */
    public List<String> rolesToCreate() {
        return roles.stream().filter(r -> r.action() == RoleAction.CREATE).map(RoleLine::name).toList();
    }

    /** The roles that are there already and are left as they are. */
    public List<String> existingRoles() {
        return roles.stream().filter(r -> r.action() == RoleAction.EXISTS).map(RoleLine::name).toList();
    }

    /** Tablespaces of the source that the target lacks: its databases must be restored without tablespaces. */
    public List<String> missingTablespaces() {
        return tablespaces.stream().filter(t -> t.action() == TablespaceAction.MISSING).map(TablespaceLine::name).toList();
    }

    public boolean blocked() {
        return !blockers.isEmpty();
    }
}
