package io.backupdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.store.Json;
import io.backupdesk.testing.Cli;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server connection backed up as a set on the real server, through the real command line: only databases of this
 * test's own prefix, since other tests create and drop databases on the same server meanwhile.
 */
@ExtendWith(PostgresServerExtension.class)
class ServerSetBackupIT {
    @Test
    void aServerConnectionMakesACompleteSetWhoseMembersRestoreAndANewDatabaseJoinsTheNextSet(TestServer server,
            @TempDir Path dir) throws Exception {
        String prefix = SetFixtures.prefix();
        SetFixtures.Roles roles = SetFixtures.threeDatabasesWithRoles(server, prefix);
        String left = SetFixtures.database(server, prefix + "_x");
        Cli cli = new Cli(dir.resolve("config"), dir.resolve("backups"));
        SetFixtures.addServerProfile(cli, server, server.user(), server.password(), "srv",
                "--include-database", prefix + "_*", "--exclude-database", left);

        JsonNode profiles = Json.mapper().readTree(cli.run("profiles", "list", "--json").out());
        Cli.Run tested = cli.run("profiles", "test", "srv");
        Cli.Run first = cli.run("backup", "srv", "--json");
        JsonNode set = Json.mapper().readTree(first.out());
        String added = SetFixtures.database(server, prefix + "_d");
        server.execute(added, "create table late as select generate_series(1, 7) as id");
        Cli.Run second = cli.run("backup", "srv", "--json", "--jobs", "2");
        JsonNode next = Json.mapper().readTree(second.out());
        JsonNode listed = Json.mapper().readTree(cli.run("list", "--json").out());
        Cli.Run text = cli.run("list");
        Cli.Run verified = cli.run("verify", set.get("id").asText().substring(0, 6));

        assertThat(profiles.get(0).get("allDatabases").asBoolean()).isTrue();
        assertThat(profiles.get(0).get("excludeDatabases").get(0).asText()).isEqualTo(left);
        assertThat(tested.out()).contains(prefix + "_a, " + prefix + "_b, " + prefix + "_c").contains(left);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(set.get("status").asText()).isEqualTo("complete");
        assertThat(databases(set)).containsExactly(prefix + "_a", prefix + "_b", prefix + "_c");
        assertThat(set.get("excluded").toString()).contains(left);
        Path rolesFile = Path.of(set.get("rolesPath").asText());
        String dumpedRoles = Files.readString(rolesFile);
        assertThat(dumpedRoles).contains("CREATE ROLE " + roles.owner()).contains("CREATE ROLE " + roles.member())
                .containsPattern("GRANT " + roles.owner() + " TO " + roles.member())
                .contains("ALTER ROLE " + roles.owner() + " SET work_mem TO '8MB'")
                .as("a superuser login sees the password hashes").containsPattern("ALTER ROLE " + roles.owner()
                        + " WITH .*PASSWORD 'SCRAM-SHA-256\\$");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(rolesFile))).isEqualTo("rw-------");
        for (JsonNode member : set.get("members")) {
            JsonNode backup = backupOf(listed, member.get("backupId").asText());
            assertThat(backup.get("set").asText()).isEqualTo(set.get("id").asText());
            String copy = server.reserveName();
            server.execute("postgres", "create database " + copy);
            PgTools.restore(server, copy, Path.of(backup.get("path").asText()), BackupFormat.CUSTOM);
            assertThat(PgTools.rowCounts(server, copy)).isEqualTo(PgTools.rowCounts(server, member.get("database").asText()));
        }
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(databases(next)).containsExactly(prefix + "_a", prefix + "_b", prefix + "_c", added)
                .doesNotContain(left);
        assertThat(StreamSupport.stream(listed.spliterator(), false).filter(n -> "set".equals(n.get("kind").asText())))
                .hasSize(2);
        assertThat(text.out()).containsPattern(set.get("id").asText() + "\\s+srv\\s+3 databases .*complete\\s+command line\\s+\\[set\\]")
                .containsPattern(next.get("id").asText() + "\\s+srv\\s+4 databases .*complete");
        assertThat(text.out()).as("members are inside their set's line")
                .doesNotContain(set.get("members").get(0).get("backupId").asText());
        assertThat(verified.code()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).contains("roles  verified");
    }

    @Test
    void aDatabaseTheLoginCannotDumpLeavesAPartialSetWhoseOtherMembersAreIntactListedAndTold(TestServer server,
            @TempDir Path dir) throws Exception {
        String prefix = SetFixtures.prefix();
        String login = server.createRole("loginpw");
        String a = SetFixtures.database(server, prefix + "_a");
        String b = SetFixtures.database(server, prefix + "_b");
        String closed = SetFixtures.database(server, prefix + "_c");
        server.execute(a, "create table items as select generate_series(1, 30) as id; alter table items owner to " + login);
        server.execute(b, "create table items as select generate_series(1, 9) as id; alter table items owner to " + login);
        server.execute("postgres", "revoke connect on database " + closed + " from public");
        Cli cli = new Cli(dir.resolve("config"), dir.resolve("backups"));
        SetFixtures.addServerProfile(cli, server, login, "loginpw", "srv", "--include-database", prefix + "_*");

        Cli.Run run = cli.run("backup", "srv", "--json");
        JsonNode set = Json.mapper().readTree(run.out());
        JsonNode listed = Json.mapper().readTree(cli.run("list", "--json").out());
        JsonNode history = Json.mapper().readTree(cli.run("history", "--json").out());
        Cli.Run verified = cli.run("verify", set.get("id").asText());

        assertThat(run.code()).as("a partial set is not a success").isEqualTo(1);
        assertThat(run.err()).contains("is partial").contains(closed);
        assertThat(set.get("status").asText()).isEqualTo("partial");
        assertThat(set.get("members")).anySatisfy(m -> {
            assertThat(m.get("database").asText()).isEqualTo(closed);
            assertThat(m.get("backupId").isNull()).isTrue();
            assertThat(m.get("error").asText()).containsIgnoringCase("permission denied");
        });
        for (JsonNode member : set.get("members")) {
            if (!member.get("backupId").isNull()) {
                JsonNode backup = backupOf(listed, member.get("backupId").asText());
                assertThat(backup.get("status").asText()).isEqualTo("verified");
                assertThat(backup.get("set").asText()).isEqualTo(set.get("id").asText());
            }
        }
        assertThat(set.get("members").findValues("backupId")).filteredOn(n -> !n.isNull()).hasSize(2);
        assertThat(set.get("rolesPath").isNull()).as("roles without passwords: " + set.get("rolesError")).isFalse();
        Path rolesFile = Path.of(set.get("rolesPath").asText());
        assertThat(Files.readString(rolesFile)).as("a login that may not read the hashes gets the roles without them")
                .contains("CREATE ROLE " + login).doesNotContain("PASSWORD '");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(rolesFile))).isEqualTo("rw-------");
        JsonNode setRun = StreamSupport.stream(history.spliterator(), false)
                .filter(r -> "set".equals(r.get("kind").asText())).findFirst().orElseThrow();
        assertThat(setRun.get("status").asText()).isEqualToIgnoringCase("failed");
        assertThat(setRun.get("error").asText()).contains("2 of 3 databases").contains(closed);
        assertThat(verified.code()).as("a partial set does not verify as whole").isEqualTo(1);
        assertThat(verified.out()).contains(closed + "  not in the set");
    }

    static List<String> databases(JsonNode set) {
        List<String> names = new ArrayList<>();
        set.get("members").forEach(m -> names.add(m.get("database").asText()));
        return names;
    }

    static JsonNode backupOf(JsonNode listed, String id) {
        return StreamSupport.stream(listed.spliterator(), false)
                .filter(n -> "backup".equals(n.get("kind").asText()) && id.equals(n.get("id").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("backup " + id + " is not listed"));
    }

    @Test
    void theDatabasesASetLeavesOutAreSaidOnOneLine(TestServer server, @TempDir Path dir) {
        String prefix = SetFixtures.prefix();
        SetFixtures.database(server, prefix + "_a");
        for (int i = 0; i < 10; i++) {
            SetFixtures.database(server, prefix + "_left" + i);
        }
        Cli cli = new Cli(dir.resolve("config"), dir.resolve("backups"));
        SetFixtures.addServerProfile(cli, server, server.user(), server.password(), "srv",
                "--include-database", prefix + "_*", "--exclude-database", prefix + "_left*");

        Cli.Run backedUp = cli.run("backup", "srv");

        assertThat(backedUp.code()).as(backedUp.err()).isZero();
        List<String> leftOut = backedUp.out().lines().filter(l -> l.contains("left out")).toList();
        // ten of its own and every other database of the shared server: each took a line of its own
        assertThat(leftOut).singleElement().asString().startsWith("  left out (")
                .contains("more (--json lists them all)");
    }
}
