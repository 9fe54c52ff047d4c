package io.backupdesk.restore.roles;

import io.backupdesk.restore.roles.Globals.Membership;
import io.backupdesk.restore.roles.Globals.Role;
import io.backupdesk.restore.roles.Globals.RoleSetting;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Our statements quote every name and value, whatever the file gave them. */
class RoleSqlTest {
    private static final String NAME = "x\"; DROP ROLE postgres; --\n'";

    @Test
    void aCraftedNameAndPasswordStayOneIdentifierAndOneLiteral() {
        Role role = new Role(NAME, false, true, false, false, true, false, false, 3, "2030-01-01", "md5'; DROP", "it's");

        assertThat(RoleSql.create(role)).isEqualTo("create role \"x\"\"; DROP ROLE postgres; --\n'\" with nosuperuser"
                + " inherit nocreaterole nocreatedb login noreplication nobypassrls connection limit 3"
                + " valid until '2030-01-01' password 'md5''; DROP'");
        assertThat(RoleSql.comment(role)).isEqualTo("comment on role \"x\"\"; DROP ROLE postgres; --\n'\" is 'it''s'");
    }

    @Test
    void grantOptionsOf16AreWrittenOnlyFor16AndLater() {
        Membership m = new Membership("a\"b", NAME, true, false, false, "postgres");

        assertThat(RoleSql.grant(m, 15)).isEqualTo("grant \"a\"\"b\" to \"x\"\"; DROP ROLE postgres; --\n'\" with admin option");
        assertThat(RoleSql.grant(m, 16)).endsWith(" with admin option, inherit false, set false");
        assertThat(RoleSql.grant(new Membership("a", "b", false, null, null, null), 17)).isEqualTo("grant \"a\" to \"b\"");
    }

    @Test
    void aListSettingIsOneLiteralPerItem() {
        assertThat(RoleSql.set(new RoleSetting("r", "Shop", "search_path", List.of("$user", "we'ird"))))
                .isEqualTo("alter role \"r\" in database \"Shop\" set \"search_path\" to '$user', 'we''ird'");
    }
}
