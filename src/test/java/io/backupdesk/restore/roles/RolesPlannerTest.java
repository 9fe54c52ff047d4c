package io.backupdesk.restore.roles;

import io.backupdesk.restore.roles.Globals.Role;
import io.backupdesk.restore.roles.RolesPreview.MembershipAction;
import io.backupdesk.restore.roles.RolesPreview.MembershipLine;
import io.backupdesk.restore.roles.RolesPreview.RoleAction;
import io.backupdesk.restore.roles.RolesPreview.RoleLine;
import io.backupdesk.restore.roles.RolesPreview.SettingAction;
import io.backupdesk.restore.roles.RolesPreview.SettingLine;
import io.backupdesk.restore.roles.TargetState.Login;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.backupdesk.restore.roles.GlobalsParserTest.file;
import static io.backupdesk.restore.roles.GlobalsParserTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

/** The plan, without a server: what is created, what is left as it is, and what the login may not do. */
class RolesPlannerTest {
    private static final Globals GLOBALS = parse(file("""
            CREATE ROLE kept; ALTER ROLE kept WITH LOGIN;
            CREATE ROLE fresh; ALTER ROLE fresh WITH LOGIN CREATEDB PASSWORD 'md5abc';
            CREATE ROLE repl; ALTER ROLE repl WITH REPLICATION;
            CREATE ROLE pg_own;
            GRANT kept TO fresh WITH ADMIN OPTION GRANTED BY postgres;
            GRANT fresh TO kept;
            GRANT other TO kept;
            GRANT ghost TO fresh;
            GRANT fresh TO nobody;
            GRANT su TO fresh;
            ALTER ROLE fresh SET search_path TO 'app', 'public';
            ALTER ROLE kept SET work_mem TO '1MB';
            ALTER ROLE fresh IN DATABASE shop SET work_mem TO '2MB';
            CREATE TABLESPACE fast OWNER kept LOCATION '/srv/fast';
            CREATE TABLESPACE here OWNER kept LOCATION '/srv/here';
            """));

    private static TargetState target(Login login, int version) {
        return new TargetState(login, version, Map.of("kept", Role.named("kept"), "other", Role.named("other"),
                "su", new Role("su", true, true, false, false, false, false, false, -1, null, null, null),
                "me", Role.named("me")), Set.of(List.of("other", "kept")), Set.of(), Set.of("here"), Set.of("postgres"));
    }

    private static final Login SUPERUSER = new Login("me", true, true, true, true, true);
    private static final Login CREATEROLE = new Login("me", false, true, false, false, false);

    @Test
    void aSuperuserCreatesOnlyWhatIsMissingAndLeavesTheExistingRoleAsItIs() {
        RolesPreview plan = RolesPlanner.plan(GLOBALS, target(SUPERUSER, 150004), "db2:5432");

        assertThat(plan.roles()).extracting(RoleLine::name, RoleLine::action).containsExactly(
                tuple("kept", RoleAction.EXISTS), tuple("fresh", RoleAction.CREATE), tuple("repl", RoleAction.CREATE),
                tuple("pg_own", RoleAction.CANNOT_CREATE));
        assertThat(plan.rolesToCreate()).containsExactly("fresh", "repl");
        assertThat(plan.roles().get(1).attributes()).containsExactly("CREATEDB", "LOGIN", "PASSWORD (a stored hash)");
        assertThat(plan.roles().get(1).note()).as("a login with its hash needs no word").isEmpty();
        assertThat(plan.memberships()).extracting(MembershipLine::role, MembershipLine::member, MembershipLine::action)
                .containsExactly(tuple("kept", "fresh", MembershipAction.ADD),
                        tuple("fresh", "kept", MembershipAction.NOT_ADDED),
                        tuple("other", "kept", MembershipAction.ALREADY),
                        tuple("ghost", "fresh", MembershipAction.NOT_ADDED),
                        tuple("fresh", "nobody", MembershipAction.NOT_ADDED),
                        tuple("su", "fresh", MembershipAction.ADD));
        assertThat(plan.memberships().get(1).note()).isEqualTo("the member exists here; its memberships are left as they are");
        assertThat(plan.settings()).extracting(SettingLine::role, SettingLine::action, SettingLine::value).containsExactly(
                tuple("fresh", SettingAction.SET, "'app', 'public'"), tuple("kept", SettingAction.NOT_SET, "1MB"),
                tuple("fresh", SettingAction.LATER, "2MB"));
        assertThat(plan.missingTablespaces()).containsExactly("fast");
        assertThat(plan.blockers()).containsExactly(
                "Role \"pg_own\" cannot be created: names beginning with pg_ are reserved for PostgreSQL's own roles.");
    }

    @Test
    void aCreateroleLoginIsToldBeforehandWhatItMayNotCreateOrGrant() {
        RolesPreview on15 = RolesPlanner.plan(GLOBALS, target(CREATEROLE, 150004), "db2:5432");
        RolesPreview on16 = RolesPlanner.plan(GLOBALS, target(CREATEROLE, 160002), "db2:5432");

        assertThat(on15.roles()).extracting(RoleLine::action).containsExactly(RoleAction.EXISTS, RoleAction.CREATE,
                RoleAction.CANNOT_CREATE, RoleAction.CANNOT_CREATE);
        assertThat(on15.memberships().get(0).action()).as("before 16 CREATEROLE grants a non-superuser role")
                .isEqualTo(MembershipAction.ADD);
        assertThat(on15.memberships().get(5).action()).isEqualTo(MembershipAction.CANNOT_ADD);
        assertThat(on15.blockers()).contains("Role \"repl\" cannot be created: the login me may not give REPLICATION.",
                "Role \"fresh\" cannot be made a member of \"su\": the login me may not grant \"su\" (it lacks ADMIN"
                        + " OPTION on it).");
        assertThat(on16.roles().get(1).note()).isEqualTo("the login me may not give CREATEDB (it lacks it itself)");
        assertThat(on16.memberships()).extracting(MembershipLine::action).doesNotContain(MembershipAction.ADD);
    }

    @Test
    void aLoginWithoutCreateroleMayCreateNothing() {
        RolesPreview plan = RolesPlanner.plan(GLOBALS, target(new Login("me", false, false, true, false, false), 150004),
                "db2:5432");

        assertThat(plan.rolesToCreate()).isEmpty();
        assertThat(plan.blockers()).contains("Role \"fresh\" cannot be created: the login me may not create roles (it"
                + " needs CREATEROLE or SUPERUSER).");
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
