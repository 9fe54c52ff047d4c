package io.backupdesk.restore;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiveSqlTest {

    @Test
    void everyRoleNamedInAPrivilegeIsAGranteeButPublicIsNot() {
        String sql = """
                REVOKE ALL ON SCHEMA public FROM PUBLIC;
                GRANT SELECT ON TABLE sales.orders TO reader;
                GRANT ALL ON TABLE sales.orders TO "App Writer" WITH GRANT OPTION;
                ALTER DEFAULT PRIVILEGES FOR ROLE etl IN SCHEMA sales GRANT SELECT ON TABLES TO analyst;
                GRANT USAGE ON SCHEMA sales TO PUBLIC;
                SET SESSION AUTHORIZATION "Grantor";
                GRANT SELECT ON TABLE sales.orders TO "Mixed";
                RESET SESSION AUTHORIZATION;
                """;

        assertThat(ArchiveSql.of(sql).grantees()).containsExactlyInAnyOrder("App Writer", "analyst", "etl", "reader",
                "Grantor", "Mixed");
    }

    @Test
    void aRoleOrTableWhoseNameReadsLikeAGrantIsReadWhole() {
        String sql = "GRANT SELECT ON TABLE \"x TO evil;\nGRANT y\".\"TO\" TO \"a\"\"b; TO c\";\n"
                + "REVOKE ALL ON TABLE s.\"FROM\" FROM \"r FROM s\";";

        assertThat(ArchiveSql.of(sql).grantees()).containsExactlyInAnyOrder("a\"b; TO c", "r FROM s");
    }
}
