package io.backupdesk.pg;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

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
}
