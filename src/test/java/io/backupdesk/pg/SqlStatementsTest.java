package io.backupdesk.pg;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlStatementsTest {

    @Test
    void rowsCommentsBodiesAndConstantsAreNeverReadAsStatements() throws IOException {
        String sql = """
                \\restrict abc
                -- ALTER TABLE x OWNER TO fromcomment;
                /* ALTER TABLE x OWNER TO /* nested */ fromblock; */
                CREATE FUNCTION f() RETURNS text AS $body$ ALTER TABLE y OWNER TO frombody; $body$ LANGUAGE sql;
                COMMENT ON TABLE t IS 'ALTER TABLE z OWNER TO fromstring;';
                COMMENT ON TABLE t IS E'it\\'s; ALTER TABLE z OWNER TO fromescape;';
                COPY public.t (a) FROM stdin;
                ALTER TABLE rows OWNER TO fromrow;
                \\.
                ALTER TABLE "x; ALTER TABLE q OWNER TO fromname;
                next line" OWNER TO "real ""owner""\";
                ALTER TABLE $$;
                """;

        List<List<SqlStatements.Token>> alters = new ArrayList<>();
        SqlStatements.scan(new StringReader(sql), Set.of("ALTER"), alters::add);

        assertThat(alters).hasSize(2);
        assertThat(alters.get(0)).extracting(SqlStatements.Token::name).containsExactly("alter", "table",
                "x; ALTER TABLE q OWNER TO fromname;\nnext line", "owner", "to", "real \"owner\"");
        assertThat(alters.get(1).get(2).kind()).isEqualTo(SqlStatements.Kind.STRING);
    }

    @Test
    void aBareWordIsFoldedToLowerCaseAsTheServerDoesAndAQuotedOneIsNot() throws IOException {
        List<List<SqlStatements.Token>> found = new ArrayList<>();
        SqlStatements.scan(new StringReader("CREATE EXTENSION IF NOT EXISTS CiText; create extension \"CiText\""),
                Set.of("CREATE"), found::add);

        assertThat(found).extracting(s -> s.get(s.size() - 1).name()).containsExactly("citext", "CiText");
    }

    @Test
    void backslashEscapesAreReadAsTheServerReadsThemAndFollowStandardConformingStrings() throws IOException {
        String sql = "COMMENT ON ROLE r IS E'tab\\t line\\n \\x41\\101 \\u00e9 \\303\\251 \\q it\\'s it''s';\n"
                + "SET standard_conforming_strings = off;\n"
                + "COMMENT ON ROLE r IS 'off: \\\\ \\'';\n"
                + "SET standard_conforming_strings TO 'on';\n"
                + "COMMENT ON ROLE r IS 'on: \\';\n";

        List<List<SqlStatements.Token>> found = new ArrayList<>();
        SqlStatements.scan(new StringReader(sql), Set.of("COMMENT"), found::add);

        assertThat(found).extracting(s -> s.get(s.size() - 1).text())
                .containsExactly("tab\t line\n AA é é q it's it's", "off: \\ '", "on: \\");
    }

    @Test
    void scanningAllHandsOverEveryStatementAndCommandAndRefusesTextThatEndsInside() throws IOException {
        List<List<SqlStatements.Token>> found = new ArrayList<>();
        SqlStatements.scanAll(new StringReader("\\restrict key\nSET a = 1;\n(1);\nDROP x;\n"), found::add);

        assertThat(found).extracting(s -> s.get(0).text()).containsExactly("\\restrict key", "SET", "(", "DROP");
        assertThat(found.get(0).get(0).kind()).isEqualTo(SqlStatements.Kind.COMMAND);
        for (String open : List.of("SELECT 'a", "SELECT \"a", "SELECT $t$ a", "/* a", "SELECT E'a\\'", "SELECT 1")) {
            assertThatThrownBy(() -> SqlStatements.scanAll(new StringReader(open), s -> { }))
                    .as(open).isInstanceOf(SqlStatements.Unterminated.class);
            SqlStatements.scan(new StringReader(open), Set.of("SELECT"), s -> { });
        }
    }
}
