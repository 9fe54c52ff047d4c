package io.backupdesk.restore.roles;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.pg.ConnectionFactory;
import io.backupdesk.restore.roles.Globals.Membership;
import io.backupdesk.restore.roles.Globals.Role;
import io.backupdesk.restore.roles.Globals.RoleSetting;
import io.backupdesk.restore.roles.RolesPreview.MembershipAction;
import io.backupdesk.restore.roles.RolesPreview.MembershipLine;
import io.backupdesk.restore.roles.RolesPreview.SettingAction;
import io.backupdesk.restore.roles.RolesPreview.SettingLine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The first step of a whole-server restore: the roles of a globals file, previewed and then created on the target.
 * Only missing roles are created, with their memberships and settings; an existing role is never altered or dropped;
 * a tablespace is never created. All roles and memberships are made in one transaction, planned again inside it, so a
 * role created meanwhile by someone else is left alone too.
 *
 * <p>Works on a connection to the target's maintenance database that the caller opened and closes; not thread-safe,
 * like the connection. Nothing here logs: a role's password hash is only ever sent to the server.
 */
public final class RolesStep {
    /** SQLSTATE duplicate_object: the role was created after we looked. */
    private static final String DUPLICATE_OBJECT = "42710";

    private final Connection connection;
    private final String target;

    /** @param target how the server is named in messages, e.g. "db2:5432" */
    public RolesStep(Connection connection, String target) {
        this.connection = connection;
        this.target = target;
    }

    /** What {@link #apply} would do now; reads the target, changes nothing. */
    public RolesPreview preview(Globals globals) {
        return RolesPlanner.plan(globals, TargetState.read(connection, target), target);
    }

    /**
     * Creates the missing roles with their memberships and settings ({@link RolesMode#CREATE_MISSING}), or does
     * nothing and says so ({@link RolesMode#SKIP}). Refused before anything changes when the plan has blockers (a
     * role or membership the login may not make). A setting the server refuses is reported and the rest stands; any
     * other failure undoes the whole step.
     */
    public RolesReport apply(Globals globals, RolesMode mode) {
        if (mode == RolesMode.SKIP) {
            return RolesReport.skipped();
        }
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                RolesReport report = applyIn(st, globals);
                connection.commit();
                return report;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw ConnectionFactory.classify(e, target);
        }
    }

    private RolesReport applyIn(Statement st, Globals globals) throws SQLException {
        st.execute("set local standard_conforming_strings = on");
        TargetState state = TargetState.read(connection, target);
        RolesPreview plan = RolesPlanner.plan(globals, state, target);
        if (plan.blocked()) {
            throw new BackupDeskException(ErrorKind.PREFLIGHT_BLOCKED, "The roles cannot be restored on " + target + ": "
                    + String.join(" ", plan.blockers()) + " Nothing was changed.",
                    "Restore as a superuser, create those roles yourself first, or restore without the roles.")
                    .withCommandLineHint("Restore as a superuser, create those roles yourself first, or use --roles skip.");
        }
        Map<String, Role> roles = globals.roles().stream().collect(Collectors.toMap(Role::name, Function.identity()));
        List<String> created = new ArrayList<>();
        List<String> left = new ArrayList<>(plan.existingRoles());
        for (String name : plan.rolesToCreate()) {
            if (create(st, roles.get(name))) {
                created.add(name);
            } else {
                left.add(name);
            }
        }
        List<MembershipLine> added = new ArrayList<>();
        for (int i = 0; i < globals.memberships().size(); i++) {
            MembershipLine line = plan.memberships().get(i);
            if (line.action() == MembershipAction.ADD && created.contains(line.member())) {
                grant(st, globals.memberships().get(i), state.major());
                added.add(line);
            }
        }
        List<SettingLine> set = new ArrayList<>();
        List<SettingLine> later = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < globals.settings().size(); i++) {
            SettingLine line = plan.settings().get(i);
            if (!created.contains(line.role())) {
                continue;
            }
            if (line.action() == SettingAction.LATER) {
                later.add(line);
            } else if (line.action() == SettingAction.SET) {
                trySetting(st, globals.settings().get(i), line, set, failures);
            }
        }
        return new RolesReport(RolesMode.CREATE_MISSING, created, left, added, set, later, failures,
                plan.missingTablespaces());
    }

    /** @return false when a role of that name appeared after we looked: it is someone else's and is left alone */
    private boolean create(Statement st, Role role) throws SQLException {
        Savepoint before = connection.setSavepoint();
        try {
            st.execute(RoleSql.create(role));
            if (role.comment() != null) {
                st.execute(RoleSql.comment(role));
            }
            connection.releaseSavepoint(before);
            return true;
        } catch (SQLException e) {
            connection.rollback(before);
            if (DUPLICATE_OBJECT.equals(e.getSQLState())) {
                return false;
            }
            throw failed("Role " + RolesPlanner.quoted(role.name()) + " could not be created", e);
        }
    }

    private void grant(Statement st, Membership m, int targetMajor) {
        try {
            st.execute(RoleSql.grant(m, targetMajor));
        } catch (SQLException e) {
            throw failed("Role " + RolesPlanner.quoted(m.member()) + " could not be made a member of "
                    + RolesPlanner.quoted(m.role()), e);
        }
    }

    /** A setting the server refuses (one only a superuser may set, say) is reported; the step goes on without it. */
    private void trySetting(Statement st, RoleSetting setting, SettingLine line, List<SettingLine> set,
                            List<String> failures) throws SQLException {
        Savepoint before = connection.setSavepoint();
        try {
            st.execute(RoleSql.set(setting));
            connection.releaseSavepoint(before);
            set.add(line);
        } catch (SQLException e) {
            connection.rollback(before);
            failures.add("Setting " + line.name() + " of role " + RolesPlanner.quoted(line.role()) + " was not set: "
                    + SkippedStatements.oneLine(String.valueOf(e.getMessage())));
        }
    }

    /**
     * Gives the created roles their settings in databases that did not exist at {@link #apply} and do now (from
     * globals files of PostgreSQL 10, which held ALTER ROLE ... IN DATABASE); call it once the databases are restored.
     */
    public RolesReport applyLaterSettings(Globals globals, RolesReport earlier) {
        if (earlier.settingsLater().isEmpty()) {
            return earlier;
        }
        TargetState state = TargetState.read(connection, target);
        List<SettingLine> set = new ArrayList<>();
        List<SettingLine> still = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try (Statement st = connection.createStatement()) {
            for (SettingLine line : earlier.settingsLater()) {
                RoleSetting setting = globals.settings().stream().filter(s -> s.role().equals(line.role())
                        && line.database().equals(s.database()) && s.name().equals(line.name())).findFirst().orElseThrow();
                if (!state.databases().contains(line.database())) {
                    still.add(line);
                    continue;
                }
                try {
                    st.execute(RoleSql.set(setting));
                    set.add(line);
                } catch (SQLException e) {
                    failures.add("Setting " + line.name() + " of role " + RolesPlanner.quoted(line.role())
                            + " in database " + RolesPlanner.quoted(line.database()) + " was not set: "
                            + SkippedStatements.oneLine(String.valueOf(e.getMessage())));
                }
            }
        } catch (SQLException e) {
            throw ConnectionFactory.classify(e, target);
        }
        return earlier.withLaterSettings(set, still, failures);
    }

    private BackupDeskException failed(String what, SQLException e) {
        BackupDeskException classified = ConnectionFactory.classify(e, target);
        return new BackupDeskException(classified.kind(), what + " on " + target + ": "
                + SkippedStatements.oneLine(String.valueOf(e.getMessage())) + ". Nothing was changed.",
                classified.hint(), classified.details(), e);
    }
}
