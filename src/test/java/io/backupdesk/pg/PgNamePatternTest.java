package io.backupdesk.pg;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PgNamePatternTest {

    private static boolean nameMatches(String pattern, String name) {
        return Pattern.compile(PgNamePattern.parse(pattern).nameRegex()).matcher(name).matches();
    }

    @Test
    void unquotedLettersFoldToLowerCase() {
        assertThat(PgNamePattern.parse("Orders")).isEqualTo(new PgNamePattern(null, "^(orders)$"));
    }

    @Test
    void quotesKeepCase() {
        assertThat(PgNamePattern.parse("\"Orders\"").nameRegex()).isEqualTo("^(Orders)$");
    }

    @Test
    void quotesMakeWildcardsAndDotsLiteral() {
        PgNamePattern p = PgNamePattern.parse("\"a*b?c.d\"");

        assertThat(p.schemaRegex()).isNull();
        assertThat(p.nameRegex()).isEqualTo("^(a\\*b\\?c\\.d)$");
        assertThat(nameMatches("\"a*b?c.d\"", "a*b?c.d")).isTrue();
        assertThat(nameMatches("\"a*b?c.d\"", "axxbyczd")).isFalse();
    }

    @Test
    void twoDoubleQuotesInsideQuotesStandForOne() {
        assertThat(PgNamePattern.parse("\"say \"\"hi\"\"\"").nameRegex()).isEqualTo("^(say \"hi\")$");
    }

    @Test
    void starMatchesAnyRunAndQuestionMarkOneCharacter() {
        assertThat(PgNamePattern.parse("order*").nameRegex()).isEqualTo("^(order.*)$");
        assertThat(PgNamePattern.parse("t?").nameRegex()).isEqualTo("^(t.)$");
        assertThat(nameMatches("order*", "orders_2026")).isTrue();
        assertThat(nameMatches("t?", "t12")).isFalse();
    }

    @Test
    void aDollarSignIsLiteralInAndOutOfQuotes() {
        assertThat(PgNamePattern.parse("price$").nameRegex()).isEqualTo("^(price\\$)$");
        assertThat(PgNamePattern.parse("\"Price$\"").nameRegex()).isEqualTo("^(Price\\$)$");
        assertThat(nameMatches("price$", "price$")).isTrue();
    }

    @Test
    void anUnquotedDotSplitsSchemaFromTable() {
        assertThat(PgNamePattern.parse("Sales.Orders")).isEqualTo(new PgNamePattern("^(sales)$", "^(orders)$"));
    }

    @Test
    void quotedPartsMayStandOnEitherSideOfTheDot() {
        assertThat(PgNamePattern.parse("\"Lager_Überblick\".\"Artikel_Größe\""))
                .isEqualTo(new PgNamePattern("^(Lager_Überblick)$", "^(Artikel_Größe)$"));
    }

    @Test
    void anEmptySchemaPartMatchesEverySchema() {
        assertThat(PgNamePattern.parse("public.*")).isEqualTo(new PgNamePattern("^(public)$", "^(.*)$"));
        assertThat(PgNamePattern.parse(".orders").schemaRegex()).isEqualTo("^(.*)$");
    }

    @Test
    void unquotedNonAsciiLettersKeepTheirCaseAsInPgDump() {
        assertThat(PgNamePattern.parse("Überblick").nameRegex()).isEqualTo("^(Überblick)$");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "\"unclosed", "a.b.c", "db.\"x"})
    void malformedPatternsAreRefused(String pattern) {
        assertThatThrownBy(() -> PgNamePattern.parse(pattern))
                .isInstanceOfSatisfying(BackupDeskException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
                    assertThat(e.getMessage()).isEqualTo("'" + pattern + "' is not a valid name pattern.");
                });
    }
}
