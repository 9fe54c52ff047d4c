package io.backupdesk.restore.roles;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.pg.ClientTool;
import io.backupdesk.pg.TargetServer;
import io.backupdesk.restore.roles.RolesPreview.MembershipAction;
import io.backupdesk.restore.roles.RolesPreview.MembershipLine;
import io.backupdesk.restore.roles.RolesPreview.RoleAction;
import io.backupdesk.restore.roles.RolesPreview.RoleLine;
import io.backupdesk.restore.roles.RolesPreview.SettingAction;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.StandaloneServer;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static io.backupdesk.pg.TargetServer.quoteIdent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The roles step between two real servers: the main test server's roles, dumped by the real pg_dumpall, restored
 * into a second, empty cluster started for the test.
 */
@ExtendWith(PostgresServerExtension.class)
class RolesStepIT {
    private static final String PASSWORD = "pw-'; it's";

    @Test
    void thePreviewListsExactlyWhatWillBeCreatedAndAnExistingRoleIsLeftAsItIs(TestServer main, @TempDir Path dir)
            throws Exception {
        String id = ProcessHandle.current().pid() + "_" + System.nanoTime();
        String owner = "bdroles_" + id + "_owner";
        String app = "bdroles_" + id + " \"app\";\n-- ü";
        String group = "bdroles_" + id + "_group";
        try {
            main.execute("postgres", "create role " + quoteIdent(owner) + " nologin createdb;"
                    + " create role " + quoteIdent(app) + " login password " + TargetServer.quoteLiteral(PASSWORD) + ";"
                    + " create role " + quoteIdent(group) + " nologin;"
                    + " grant " + quoteIdent(owner) + " to " + quoteIdent(app) + " with admin option;"
                    + " grant " + quoteIdent(group) + " to " + quoteIdent(owner) + ";"
                    + " alter role " + quoteIdent(app) + " set search_path to 'app', '$user'");
            Globals globals = GlobalsParser.parse(new StringReader(PgTools.run(main, null,
                    PgTools.tool(ClientTool.PG_DUMPALL).toString(), "--no-password", "--globals-only")));

            try (StandaloneServer second = StandaloneServer.startInstalled(dir.resolve("second"));
                 Connection c = second.server().connect("postgres")) {
                second.server().execute("postgres", "create role local_group nologin; create role " + quoteIdent(owner)
                        + " login nocreatedb connection limit 7 in role local_group");
                Set<String> before = roles(c);
                RolesStep step = new RolesStep(c, "second cluster");

                RolesPreview preview = step.preview(globals);

                List<String> inFile = globals.roles().stream().map(Globals.Role::name).toList();
                assertThat(inFile).contains(owner, app, group);
                assertThat(preview.rolesToCreate()).containsExactlyElementsOf(
                        inFile.stream().filter(r -> !before.contains(r)).toList()).contains(app, group).doesNotContain(owner);
                assertThat(preview.existingRoles()).containsExactlyElementsOf(inFile.stream().filter(before::contains).toList())
                        .contains(owner);
                assertThat(preview.roles()).filteredOn(r -> r.name().equals(owner)).extracting(RoleLine::action)
                        .containsExactly(RoleAction.EXISTS);
                assertThat(preview.memberships()).filteredOn(m -> m.member().equals(app) || m.member().equals(owner))
                        .extracting(MembershipLine::role, MembershipLine::member, MembershipLine::action)
                        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(owner, app, MembershipAction.ADD),
                                org.assertj.core.groups.Tuple.tuple(group, owner, MembershipAction.NOT_ADDED));
                assertThat(preview.settings()).filteredOn(s -> s.role().equals(app))
                        .singleElement().satisfies(s -> assertThat(s.action()).isEqualTo(SettingAction.SET));
                assertThat(preview.blockers()).isEmpty();

                RolesReport report = step.apply(globals, RolesMode.CREATE_MISSING);

                assertThat(report.created()).containsExactlyElementsOf(preview.rolesToCreate());
                Set<String> expected = new TreeSet<>(before);
                expected.addAll(preview.rolesToCreate());
                assertThat(roles(c)).isEqualTo(expected);
                assertThat(memberships(c, app)).containsExactly(owner + " admin");
                assertThat(query(c, "select array_to_string(s.setconfig, '|') from pg_db_role_setting s join pg_roles r"
                        + " on r.oid = s.setrole where r.rolname = " + TargetServer.quoteLiteral(app)))
                        .containsExactly("search_path=app, \"$user\"");
                assertThat(loginWorks(second.server(), app, PASSWORD)).as("the password hash came over as it was").isTrue();
                assertThat(query(c, "select rolcanlogin || ' ' || rolcreatedb || ' ' || rolconnlimit from pg_roles"
                        + " where rolname = " + TargetServer.quoteLiteral(owner))).containsExactly("true false 7");
                assertThat(memberships(c, owner)).containsExactly("local_group member");

                RolesReport again = step.apply(globals, RolesMode.CREATE_MISSING);

                assertThat(again.created()).isEmpty();
                assertThat(again.membershipsAdded()).isEmpty();
                assertThat(again.leftAsTheyWere()).containsExactlyInAnyOrderElementsOf(inFile);
                assertThat(roles(c)).isEqualTo(expected);
            }
        } finally {
            main.execute("postgres", "drop role if exists " + quoteIdent(app) + "; drop role if exists "
                    + quoteIdent(owner) + "; drop role if exists " + quoteIdent(group));
        }
    }

    @Test
    void aLoginThatMayNotCreateARoleOfTheFileIsToldBeforeAnythingChanges(@TempDir Path dir) throws Exception {
        Globals globals = GlobalsParser.parse(new StringReader(GlobalsParserTest.sample()));
        try (StandaloneServer second = StandaloneServer.startInstalled(dir.resolve("second"))) {
            second.server().execute("postgres", "create role restorer login createrole password 'restorer-pw'");
            Set<String> before;
            try (Connection c = second.server().connect("postgres")) {
                before = roles(c);
            }
            try (Connection c = connect(second.server(), "restorer", "restorer-pw")) {
                RolesStep step = new RolesStep(c, "second cluster");

                RolesPreview preview = step.preview(globals);
                BackupDeskException refused = catchThrowableOfType(() -> step.apply(globals, RolesMode.CREATE_MISSING),
                        BackupDeskException.class);
                RolesReport skipped = step.apply(globals, RolesMode.SKIP);

                assertThat(preview.roles()).filteredOn(r -> r.action() == RoleAction.CANNOT_CREATE).extracting(RoleLine::name)
                        .containsExactly("repl", "rls");
                assertThat(refused.kind()).isEqualTo(ErrorKind.PREFLIGHT_BLOCKED);
                assertThat(refused.getMessage()).contains("Role \"repl\" cannot be created: the login restorer may not"
                        + " give REPLICATION.").endsWith("Nothing was changed.");
                assertThat(refused.commandLineHint()).contains("--roles skip");
                assertThat(roles(c)).isEqualTo(before);
                assertThat(skipped.summary()).isEqualTo("Roles were not restored (skip): no role, membership or setting"
                        + " was changed.");
                assertThat(preview.missingTablespaces()).containsExactly("fast");
            }
        }
    }

    @Test
    void aLoginRoleDumpedWithoutItsPasswordIsPreviewedAsCreatedWithoutOne(TestServer main, @TempDir Path dir)
            throws Exception {
        String role = main.createRole("hash-pw");
        String dumpAll = PgTools.tool(ClientTool.PG_DUMPALL).toString();
        Globals withHashes = GlobalsParser.parse(new StringReader(PgTools.run(main, null, dumpAll, "--no-password",
                "--globals-only")));
        // what a set holds when its login may not read the hashes (GlobalsDump's fallback)
        Globals withoutHashes = GlobalsParser.parse(new StringReader(PgTools.run(main, null, dumpAll, "--no-password",
                "--globals-only", "--no-role-passwords")));

        try (StandaloneServer second = StandaloneServer.startInstalled(dir.resolve("second"));
             Connection c = second.server().connect("postgres")) {
            RolesStep step = new RolesStep(c, "second cluster");

            RoleLine hashed = lineOf(step.preview(withHashes), role);
            RoleLine bare = lineOf(step.preview(withoutHashes), role);

            assertThat(hashed.action()).isEqualTo(RoleAction.CREATE);
            assertThat(hashed.attributes()).contains("LOGIN", "PASSWORD (a stored hash)");
            assertThat(hashed.note()).isEmpty();
            assertThat(bare.action()).isEqualTo(RoleAction.CREATE);
            assertThat(bare.attributes()).contains("LOGIN").doesNotContain("PASSWORD (a stored hash)");
            assertThat(bare.note()).isEqualTo("no password in the backup: it cannot log in with one until it is given one");
        }
    }

    private static RoleLine lineOf(RolesPreview preview, String role) {
        return preview.roles().stream().filter(r -> r.name().equals(role)).findFirst()
                .orElseThrow(() -> new AssertionError(role + " is not in the preview"));
    }

    private static Connection connect(TestServer server, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return DriverManager.getConnection("jdbc:postgresql://" + server.host() + ":" + server.port() + "/postgres", props);
    }

    private static boolean loginWorks(TestServer server, String user, String password) {
        try (Connection c = connect(server, user, password)) {
            return c.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    private static Set<String> roles(Connection c) throws SQLException {
        return new TreeSet<>(query(c, "select rolname from pg_roles"));
    }

    /** The roles this one is a member of, each with "admin" or "member". */
    private static List<String> memberships(Connection c, String member) throws SQLException {
        return query(c, "select r.rolname || case when a.admin_option then ' admin' else ' member' end"
                + " from pg_auth_members a join pg_roles r on r.oid = a.roleid join pg_roles m on m.oid = a.member"
                + " where m.rolname = " + TargetServer.quoteLiteral(member));
    }

    private static List<String> query(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
