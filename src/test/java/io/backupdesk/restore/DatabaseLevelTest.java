package io.backupdesk.restore;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.pg.ArchiveToc;
import io.backupdesk.pg.TocEntry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseLevelTest {
    private static final String DUMPED = "Sales DB";

    @Test
    void everyShapePgDumpWritesNamesTheRestoredDatabaseAndConstantsStayAsTheyWere() {
        DatabaseLevel level = DatabaseLevel.of(toc(
                entry(2, "ACL", "DATABASE \"Sales DB\"", """
                        REVOKE CONNECT,TEMPORARY ON DATABASE "Sales DB" FROM PUBLIC;
                        SET SESSION AUTHORIZATION grantor;
                        GRANT CONNECT ON DATABASE "Sales DB" TO "App Reader" WITH GRANT OPTION;
                        RESET SESSION AUTHORIZATION;
                        """),
                entry(3, "COMMENT", "DATABASE \"Sales DB\"", "COMMENT ON DATABASE \"Sales DB\" IS 'the \"Sales DB\" it''s \\\\';\n"),
                entry(4, "DATABASE PROPERTIES", DUMPED, """
                        ALTER DATABASE "Sales DB" CONNECTION LIMIT = 7;
                        ALTER DATABASE "Sales DB" SET search_path TO 'a', '"B c"';
                        ALTER ROLE database IN DATABASE "Sales DB" SET statement_timeout TO '5s';
                        """)));

        assertThat(level.owner()).isEqualTo("owner");
        assertThat(level.refused()).isEmpty();
        assertThat(level.sqlFor("copy")).containsExactly(
                "ALTER DATABASE \"copy\" CONNECTION LIMIT = 7",
                "ALTER DATABASE \"copy\" SET search_path TO E'a' , E'\"B c\"'",
                "ALTER ROLE database IN DATABASE \"copy\" SET statement_timeout TO E'5s'",
                "COMMENT ON DATABASE \"copy\" IS E'the \"Sales DB\" it\\'s \\\\\\\\'",
                "REVOKE CONNECT , TEMPORARY ON DATABASE \"copy\" FROM PUBLIC",
                "SET SESSION AUTHORIZATION grantor",
                "GRANT CONNECT ON DATABASE \"copy\" TO \"App Reader\" WITH GRANT OPTION",
                "RESET SESSION AUTHORIZATION");
        assertThat(level.summary()).isEqualTo("owner owner, 3 settings, comment, 2 privilege statements");
    }

    @Test
    void aStatementOnAnotherDatabaseOrNotOfADatabasesShapeIsRefusedAndNeverRun() {
        DatabaseLevel level = DatabaseLevel.of(toc(entry(4, "DATABASE PROPERTIES", DUMPED, """
                ALTER DATABASE postgres SET work_mem TO '1GB';
                ALTER DATABASE "Sales DB" RENAME TO other;
                ALTER ROLE app SET work_mem TO '1GB';
                GRANT pg_read_all_data TO app;
                DROP DATABASE postgres;
                \\! rm -rf /
                ALTER DATABASE "Sales DB" SET work_mem TO '8MB';
                """), entry(5, "COMMENT", "DATABASE \"Sales DB\"", "COMMENT ON DATABASE \"Sales DB\" IS 'cut off")));

        assertThat(level.sqlFor("x")).containsExactly("ALTER DATABASE \"x\" SET work_mem TO E'8MB'");
        assertThat(level.refused()).hasSize(7).anySatisfy(r -> assertThat(r).contains("RENAME"))
                .anySatisfy(r -> assertThat(r).startsWith("DROP DATABASE")).anySatisfy(r -> assertThat(r).startsWith("\\!"))
                .anySatisfy(r -> assertThat(r).endsWith("'cut off"));
    }

    @Test
    void aTableGrantOrCommentIsNotTheDatabasesOwn() {
        DatabaseLevel level = DatabaseLevel.of(toc(
                new TocEntry(5, 0, 0, "ACL", "public", "TABLE t", "owner", "GRANT SELECT ON TABLE public.t TO r;",
                        List.of(), true),
                new TocEntry(6, 0, 0, "COMMENT", "", "SCHEMA public", "owner", "", List.of(), true)));

        assertThat(level.statements()).isEmpty();
        assertThat(level.refused()).isEmpty();
    }

    private static ArchiveToc toc(TocEntry... entries) {
        List<TocEntry> all = new java.util.ArrayList<>(List.of(
                new TocEntry(1, 1262, 16384, "DATABASE", "", DUMPED, "owner", "", List.of(), true)));
        all.addAll(List.of(entries));
        return new ArchiveToc(BackupFormat.CUSTOM, "1.14.0", DUMPED, null, Optional.empty(), Optional.empty(), all);
    }

    private static TocEntry entry(int id, String desc, String tag, String sql) {
        return new TocEntry(id, 0, 0, desc, "", tag, "owner", sql, List.of(1), true);
    }
}
