package io.backupdesk.pg;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ServerScope;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseScopeTest {
    private static final List<String> SERVER = List.of("Shop", "app_eu", "app_us", "postgres", "scratch", "my.db");

    @Test
    void everyDatabaseIsChosenWhenTheScopeNamesNone() {
        DatabaseScope.Choice choice = DatabaseScope.choose(SERVER, ServerScope.everyDatabase());

        assertThat(choice.chosen()).isEqualTo(SERVER);
        assertThat(choice.excluded()).isEmpty();
    }

    @Test
    void anExcludePatternWinsOverAnIncludeOne() {
        DatabaseScope.Choice choice = DatabaseScope.choose(SERVER, new ServerScope(List.of("app_*", "postgres"),
                List.of("app_us")));

        assertThat(choice.chosen()).containsExactly("app_eu", "postgres");
        assertThat(choice.excluded()).containsExactly("Shop", "app_us", "scratch", "my.db");
    }

    @Test
    void unquotedLettersFoldToLowerCaseAndQuotesKeepCaseAndDots() {
        assertThat(DatabaseScope.choose(SERVER, new ServerScope(List.of(), List.of("SHOP"))).excluded()).isEmpty();
        assertThat(DatabaseScope.choose(SERVER, new ServerScope(List.of(), List.of("\"Shop\"", "\"my.db\"")))
                .excluded()).containsExactly("Shop", "my.db");
    }

    @Test
    void aQuestionMarkIsOneCharacterAndOtherRegexCharactersAreLiteral() {
        List<String> names = List.of("db1", "db12", "a+b", "aab");

        assertThat(DatabaseScope.choose(names, new ServerScope(List.of("db?"), List.of())).chosen())
                .containsExactly("db1");
        assertThat(DatabaseScope.choose(names, new ServerScope(List.of("\"a+b\""), List.of())).chosen())
                .containsExactly("a+b");
    }

    @Test
    void aDottedPatternIsRefusedWithHowToQuoteIt() {
        assertThatThrownBy(() -> DatabaseScope.check(new ServerScope(List.of(), List.of("my.db"))))
                .isInstanceOf(BackupDeskException.class).hasMessageContaining("has a dot");
    }
}
