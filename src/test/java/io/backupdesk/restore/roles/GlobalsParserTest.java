package io.backupdesk.restore.roles;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.restore.roles.Globals.Membership;
import io.backupdesk.restore.roles.Globals.Role;
import io.backupdesk.restore.roles.Globals.RoleSetting;
import io.backupdesk.restore.roles.Globals.Skipped;
import io.backupdesk.restore.roles.Globals.Tablespace;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A real pg_dumpall 15 file, the forms of PostgreSQL 16 and later, and statements the roles step must not take. */
class GlobalsParserTest {
    static final String SAMPLE = "globals-pg15.sql";

    static String sample() throws IOException {
        try (InputStream in = GlobalsParserTest.class.getResourceAsStream(SAMPLE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Globals parse(String text) {
        return GlobalsParser.parse(new StringReader(text));
    }

    /** Statements inside pg_dumpall's first and last lines, as a hand-written file must be. */
    static String file(String statements) {
        return "--\n-- PostgreSQL database cluster dump\n--\n\nSET standard_conforming_strings = on;\n" + statements
                + "\n--\n-- PostgreSQL database cluster dump complete\n--\n\n";
    }

    @Test
    void aRealPg15FileGivesEveryRoleWithItsNameExactlyAndItsAttributes() throws IOException {
        Globals globals = parse(sample());

        assertThat(globals.roles()).extracting(Role::name).containsExactly("--dash /*c*/ 'quote'", "MixedCase",
                "app_owner", "app_user", "multi\nline", "nopass", "postgres", "repl", "rls", "we\"ird;name",
                "x\nDROP ROLE app_user; --", "Ünïcødé 角色");
        Role user = role(globals, "app_user");
        assertThat(user.login()).isTrue();
        assertThat(user.createDb()).isTrue();
        assertThat(user.superuser()).isFalse();
        assertThat(user.connectionLimit()).isEqualTo(5);
        assertThat(user.validUntil()).isEqualTo("2030-01-01 00:00:00+00");
        assertThat(user.password()).startsWith("SCRAM-SHA-256$4096:");
        assertThat(role(globals, "app_owner").comment()).isEqualTo("Owns the app's tables");
        assertThat(role(globals, "app_owner").login()).isFalse();
        assertThat(role(globals, "we\"ird;name").inherit()).isFalse();
        assertThat(role(globals, "repl").replication()).isTrue();
        assertThat(role(globals, "rls").bypassRls()).isTrue();
        assertThat(role(globals, "nopass").password()).isNull();
        assertThat(role(globals, "postgres").superuser()).isTrue();
    }

    @Test
    void aRealPg15FileGivesMembershipsSettingsAndTablespacesAndSkipsPrivileges() throws IOException {
        Globals globals = parse(sample());

        assertThat(globals.memberships()).containsExactly(
                new Membership("MixedCase", "Ünïcødé 角色", false, null, null, "postgres"),
                new Membership("app_owner", "app_user", true, null, null, "postgres"),
                new Membership("app_owner", "we\"ird;name", false, null, null, "postgres"),
                new Membership("pg_read_all_data", "app_user", false, null, null, "postgres"));
        assertThat(globals.settings()).containsExactly(
                new RoleSetting("app_user", null, "search_path", List.of("$user", "public", "we'ird")),
                new RoleSetting("app_user", null, "work_mem", List.of("64MB")),
                new RoleSetting("multi\nline", null, "work_mem", List.of("1MB")),
                new RoleSetting("we\"ird;name", null, "application_name", List.of("semi;colon -- not a comment")),
                new RoleSetting("x\nDROP ROLE app_user; --", null, "work_mem", List.of("2MB")));
        assertThat(globals.tablespaces()).containsExactly(new Tablespace("fast", "app_owner", "/srv/postgresql/fast",
                List.of("seq_page_cost=1.5", "random_page_cost=1.1")));
        assertThat(globals.skipped()).extracting(Skipped::text).containsExactly(
                "GRANT SET ON PARAMETER log_statement TO app_user",
                "GRANT ALL ON TABLESPACE fast TO app_user",
                "COMMENT ON TABLESPACE fast IS 'fast disk'");
    }

    @Test
    void theGrantOptionsOfPostgres16AndLaterAreRead() {
        Globals globals = parse(file("""
                CREATE ROLE a; CREATE ROLE b; CREATE ROLE c;
                GRANT a TO b WITH ADMIN OPTION, INHERIT FALSE, SET FALSE GRANTED BY postgres;
                GRANT a TO c WITH INHERIT TRUE GRANTED BY "Some One";
                GRANT a TO "C d" WITH ADMIN TRUE, SET TRUE;
                GRANT a, b TO e, f;
                """));

        assertThat(globals.memberships()).containsExactly(
                new Membership("a", "b", true, false, false, "postgres"),
                new Membership("a", "c", false, true, null, "Some One"),
                new Membership("a", "C d", true, null, true, null),
                new Membership("a", "e", false, null, null, null), new Membership("a", "f", false, null, null, null),
                new Membership("b", "e", false, null, null, null), new Membership("b", "f", false, null, null, null));
        assertThat(globals.skipped()).isEmpty();
    }

    @Test
    void quotesCommentsAndEscapesAreReadAsTheServerReadsThem() {
        Globals globals = parse(file("""
                /* CREATE ROLE in_comment; /* nested; */ still comment; */
                -- CREATE ROLE in_line_comment;
                CREATE ROLE "semi;colon" WITH LOGIN PASSWORD E'md5\\x41\\101\\u00e9\\303\\251\\'\\n';
                COMMENT ON ROLE "semi;colon" IS $body$it's; -- not a comment$body$;
                CREATE USER plain_user VALID UNTIL 'infinity' CONNECTION LIMIT -1;
                CREATE ROLE Folded;
                ALTER ROLE folded SET statement_timeout = -1;
                ALTER ROLE folded SET auto_explain.log_min_duration TO 1.5;
                ALTER ROLE folded IN DATABASE "Shop" SET search_path TO "My Schema", public;
                """));

        assertThat(globals.roles()).extracting(Role::name).containsExactly("semi;colon", "plain_user", "folded");
        Role semi = role(globals, "semi;colon");
        assertThat(semi.password()).isEqualTo("md5AAéé'\n");
        assertThat(semi.comment()).isEqualTo("it's; -- not a comment");
        assertThat(semi.login()).isTrue();
        assertThat(role(globals, "plain_user").login()).as("CREATE USER logs in").isTrue();
        assertThat(role(globals, "plain_user").validUntil()).isEqualTo("infinity");
        assertThat(globals.settings()).containsExactly(
                new RoleSetting("folded", null, "statement_timeout", List.of("-1")),
                new RoleSetting("folded", null, "auto_explain.log_min_duration", List.of("1.5")),
                new RoleSetting("folded", "Shop", "search_path", List.of("My Schema", "public")));
    }

    @Test
    void withStandardConformingStringsOffABackslashEscapesInPlainStrings() {
        Globals globals = parse(file("SET standard_conforming_strings = off;\nCREATE ROLE r;\n"
                + "COMMENT ON ROLE r IS 'it\\'s a \\\\ slash';\nSET standard_conforming_strings = on;\n"
                + "CREATE ROLE s;\nCOMMENT ON ROLE s IS 'back\\slash';\n"));

        assertThat(role(globals, "r").comment()).isEqualTo("it's a \\ slash");
        assertThat(role(globals, "s").comment()).isEqualTo("back\\slash");
    }

    @Test
    void statementsOfOtherFormsAreSkippedAsOneShortLineAndNeverTakenInPart() {
        String longName = "n".repeat(64);
        Globals globals = parse(file("""
                CREATE ROLE x IN ROLE app_owner;
                CREATE ROLE y WITH SYSID 5 PASSWORD 'SCRAM-SHA-256$secret-hash';
                ALTER ROLE ALL SET work_mem TO '1MB';
                ALTER ROLE z RESET work_mem;
                ALTER ROLE z SET work_mem FROM CURRENT;
                DROP ROLE app_owner;
                SELECT pg_catalog.binary_upgrade_set_next_pg_authid_oid('16384'::pg_catalog.oid);
                \\! rm -rf /
                CREATE ROLE "%s";
                CREATE ROLE "public";
                GRANT app_owner TO PUBLIC;
                CREATE ROLE "evil\u202Ename
                second line" WITH SYSID 1;
                COMMENT ON ROLE nobody_here IS 'x';
                SET role TO postgres;
                GRANT CONNECT ON DATABASE shop TO app_user;
                """.formatted(longName) + "CREATE ROLE w WITH SYSID 1 " + "CREATEDB ".repeat(100) + ";"));

        assertThat(globals.roles()).isEmpty();
        assertThat(globals.memberships()).isEmpty();
        assertThat(globals.settings()).isEmpty();
        assertThat(globals.skipped()).hasSize(16).allSatisfy(s -> {
            assertThat(s.text()).doesNotContain("\n", "\r", "\u202E", "secret").hasSizeLessThanOrEqualTo(160);
            assertThat(s.reason()).isNotBlank();
            assertThat(s.line()).isPositive();
        });
        assertThat(globals.skipped().get(1).text()).isEqualTo("CREATE ROLE y WITH SYSID 5 PASSWORD '***'");
        assertThat(globals.skipped().get(7).text()).isEqualTo("\\! rm -rf /");
        assertThat(globals.skipped().get(11).text()).isEqualTo("CREATE ROLE \"evil name second line\" WITH SYSID 1");
        assertThat(globals.skipped().get(15).text()).endsWith("…").hasSize(160);
    }

    @Test
    void aRolePasswordNeverShowsInItsText() throws IOException {
        Role user = role(parse(sample()), "app_user");

        assertThat(user.toString()).contains("app_user", "LOGIN", "PASSWORD").doesNotContain("SCRAM", user.password());
    }

    private static Role role(Globals globals, String name) {
        return globals.roles().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    static BackupDeskException refusal(String text) {
        try {
            parse(text);
        } catch (BackupDeskException e) {
            return e;
        }
        throw new AssertionError("accepted: " + text.substring(0, Math.min(80, text.length())));
    }
}
