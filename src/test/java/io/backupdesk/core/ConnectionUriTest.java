package io.backupdesk.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionUriTest {
    private static final ConnectionDefaults DEFAULTS =
            new ConnectionDefaults("defaulthost", 6543, "osuser", "osdb", SslMode.PREFER, null);

    private static ConnectionUri.Parsed parse(String uri) {
        return ConnectionUri.parse("p1", uri, DEFAULTS);
    }

    @Test
    void everyPartOfAFullUriLandsInTheProfile() {
        ConnectionUri.Parsed parsed = parse("postgresql://alice:s3cret@db1.example.com:5433/sales?sslmode=require");

        ConnectionProfile p = parsed.profile();
        assertThat(p.name()).isEqualTo("p1");
        assertThat(p.user()).isEqualTo("alice");
        assertThat(p.host()).isEqualTo("db1.example.com");
        assertThat(p.port()).isEqualTo(5433);
        assertThat(p.database()).isEqualTo("sales");
        assertThat(p.sslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(p.service()).isNull();
        assertThat(parsed.password()).contains("s3cret");
    }

    @Test
    void thePostgresSchemeIsAcceptedAsWellAsPostgresql() {
        ConnectionProfile p = parse("postgres://bob@h:5432/db").profile();

        assertThat(p.user()).isEqualTo("bob");
        assertThat(p.host()).isEqualTo("h");
        assertThat(p.database()).isEqualTo("db");
    }

    @Test
    void theSchemeIsMatchedWithoutRegardToCase() {
        assertThat(parse("PostgreSQL://h/db").profile().host()).isEqualTo("h");
    }

    @Test
    void percentEncodedUserPasswordAndDatabaseAreDecoded() {
        ConnectionUri.Parsed parsed = parse("postgresql://us%40er:p%40ss%3Aw%2Fd@h:5432/my%20db");

        assertThat(parsed.profile().user()).isEqualTo("us@er");
        assertThat(parsed.password()).contains("p@ss:w/d");
        assertThat(parsed.profile().database()).isEqualTo("my db");
    }

    @Test
    void aPlusSignInThePasswordStaysAPlusSign() {
        assertThat(parse("postgresql://u:a+b@h/db").password()).contains("a+b");
    }

    @Test
    void anIpv6AddressInBracketsKeepsItsColonsAndItsPort() {
        ConnectionProfile p = parse("postgresql://u@[2001:db8::1]:5499/db").profile();

        assertThat(p.host()).isEqualTo("2001:db8::1");
        assertThat(p.port()).isEqualTo(5499);
    }

    @Test
    void anIpv6AddressWithoutPortGetsTheDefaultPort() {
        ConnectionProfile p = parse("postgresql://[::1]/db").profile();

        assertThat(p.host()).isEqualTo("::1");
        assertThat(p.port()).isEqualTo(6543);
    }

    @Test
    void anIpv6AddressWithoutClosingBracketIsRefused() {
        assertThatThrownBy(() -> parse("postgresql://[::1/db"))
                .isInstanceOf(BackupDeskException.class)
                .hasMessageContaining("closing ']'");
    }

    @Test
    void missingPartsAreFilledInFromTheDefaults() {
        ConnectionUri.Parsed parsed = parse("postgresql://");

        ConnectionProfile p = parsed.profile();
        assertThat(p.host()).isEqualTo("defaulthost");
        assertThat(p.port()).isEqualTo(6543);
        assertThat(p.user()).isEqualTo("osuser");
        assertThat(p.database()).isEqualTo("osdb");
        assertThat(p.sslMode()).isEqualTo(SslMode.PREFER);
        assertThat(parsed.password()).isEmpty();
    }

    @Test
    void theDefaultSslModeAppliesWhenTheUriNamesNone() {
        ConnectionDefaults strict = new ConnectionDefaults("h", 5432, "u", "d", SslMode.VERIFY_FULL, null);

        assertThat(ConnectionUri.parse("p", "postgresql://h/db", strict).profile().sslMode()).isEqualTo(SslMode.VERIFY_FULL);
    }

    @Test
    void queryParametersOverrideTheAuthorityPart() {
        ConnectionProfile p = parse("postgresql://u@h:5432/db?host=other&port=7777&dbname=x&user=carol").profile();

        assertThat(p.host()).isEqualTo("other");
        assertThat(p.port()).isEqualTo(7777);
        assertThat(p.database()).isEqualTo("x");
        assertThat(p.user()).isEqualTo("carol");
    }

    @Test
    void aServiceParameterLeavesHostAndDatabaseToTheServiceFile() {
        ConnectionProfile p = parse("postgresql://?service=prod").profile();

        assertThat(p.service()).isEqualTo("prod");
        assertThat(p.host()).isNull();
        assertThat(p.database()).isNull();
    }

    @Test
    void anEmptyPasswordCountsAsNoPassword() {
        assertThat(parse("postgresql://u:@h/db").password()).isEmpty();
    }

    @Test
    void anUnknownSslModeIsRefused() {
        assertThatThrownBy(() -> parse("postgresql://h/db?sslmode=sometimes"))
                .isInstanceOf(BackupDeskException.class)
                .hasMessageContaining("Unknown SSL mode 'sometimes'");
    }

    @Test
    void severalHostsAreRefusedWithAHint() {
        assertThatThrownBy(() -> parse("postgresql://u@h1:5432,h2:5433/db"))
                .isInstanceOfSatisfying(BackupDeskException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
                    assertThat(e.getMessage()).contains("several hosts");
                    assertThat(e.hint()).contains("one profile per host");
                });
    }

    @Test
    void aPortThatIsNoNumberIsAConfigurationError() {
        assertThatThrownBy(() -> parse("postgresql://u@h:54x2/db"))
                .isInstanceOfSatisfying(BackupDeskException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
                    assertThat(e.getMessage()).isEqualTo("The port in the URI is not a number.");
                });
    }

    @Test
    void aPasswordWithAnUnencodedSlashStaysThePassword() {
        ConnectionUri.Parsed parsed = parse("postgresql://app:se/cret@db1:5432/sales");

        assertThat(parsed.password()).contains("se/cret");
        assertThat(parsed.profile().host()).isEqualTo("db1");
        assertThat(parsed.profile().database()).isEqualTo("sales");
    }

    @Test
    void noPartOfAPasswordAppearsInAnErrorAboutTheRest() {
        assertThatThrownBy(() -> parse("postgresql://app:top/secret@db1:54x2/sales"))
                .isInstanceOf(BackupDeskException.class)
                .message().doesNotContain("top").doesNotContain("secret");
        assertThatThrownBy(() -> parse("postgresql://app:to?psecret@db1:5432/sales?sslmode=sometimes"))
                .isInstanceOf(BackupDeskException.class)
                .message().doesNotContain("to").doesNotContain("psecret");
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        assertThatThrownBy(() -> parse("postgresql://u@h:70000/db"))
                .isInstanceOf(BackupDeskException.class)
                .hasMessage("Port 70000 is out of range.");
    }

    @Test
    void textWithoutTheSchemeIsNotAUriAndTheHintShowsTheShape() {
        assertThatThrownBy(() -> parse("mysql://u:pw@h/db"))
                .isInstanceOfSatisfying(BackupDeskException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
                    assertThat(e.getMessage()).isEqualTo("The connection text is not a postgresql:// URI.");
                    assertThat(e.hint()).contains("postgresql://USER@HOST:PORT/DATABASE");
                });
    }

    @Test
    void aNullUriIsNotAUri() {
        assertThatThrownBy(() -> parse(null))
                .isInstanceOf(BackupDeskException.class)
                .hasMessageContaining("is not a postgresql:// URI");
    }

    @Test
    void aKeywordValueConnectionStringDoesNotLeakItsPasswordIntoTheMessage() {
        assertThatThrownBy(() -> parse("host=db1 user=alice password=hunter2 dbname=sales"))
                .isInstanceOf(BackupDeskException.class)
                .message().doesNotContain("hunter2");
    }

    @Test
    void redactHidesThePasswordOfAUri() {
        assertThat(ConnectionUri.redact("postgresql://alice:s3cret@h:5432/db"))
                .isEqualTo("postgresql://alice:***@h:5432/db");
    }

    @Test
    void redactLeavesAUriWithoutPasswordAlone() {
        assertThat(ConnectionUri.redact("postgresql://alice@h:5432/db")).isEqualTo("postgresql://alice@h:5432/db");
    }
}
