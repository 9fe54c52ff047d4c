package io.backupdesk.pg;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DatabasePropertiesTest {

    @Test
    void listSettingsAreGivenElementByElementAndOthersAsOneValue() {
        DatabaseProperties properties = new DatabaseProperties(
                List.of("search_path=app, \"$user\", \"Odd \"\"one\"\"\"", "work_mem=8MB", "TimeZone=Europe/Berlin"),
                false, List.of(), null, -1);

        assertThat(properties.statementsFor("sales_restoring_1")).containsExactly(
                "alter database \"sales_restoring_1\" set \"search_path\" to 'app', '$user', 'Odd \"one\"'",
                "alter database \"sales_restoring_1\" set \"work_mem\" to '8MB'",
                "alter database \"sales_restoring_1\" set \"TimeZone\" to 'Europe/Berlin'");
    }

    @Test
    void aDatabaseClosedToPublicStaysClosedAndKeepsItsGrantsCommentAndLimit() {
        DatabaseProperties properties = new DatabaseProperties(List.of(), true,
                List.of(new DatabaseProperties.Grant("app_user", "CONNECT", false),
                        new DatabaseProperties.Grant("\"Report Role\"", "TEMPORARY", true)),
                "Sales 'prod'", 50);

        assertThat(properties.statementsFor("s")).containsExactly(
                "alter database \"s\" connection limit 50",
                "comment on database \"s\" is 'Sales ''prod'''",
                "revoke all on database \"s\" from public",
                "grant connect on database \"s\" to app_user",
                "grant temporary on database \"s\" to \"Report Role\" with grant option");
    }

    @Test
    void defaultsNeedNoStatements() {
        assertThat(new DatabaseProperties(List.of(), false, List.of(), null, -1).statementsFor("s")).isEmpty();
    }
}
