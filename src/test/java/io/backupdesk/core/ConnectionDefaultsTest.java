package io.backupdesk.core;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionDefaultsTest {

    @Test
    void anEmptyEnvironmentGivesLocalhostTheStandardPortAndTheOsUser() {
        ConnectionDefaults d = ConnectionDefaults.fromEnvironment(Map.of(), "maria");

        assertThat(d.host()).isEqualTo("localhost");
        assertThat(d.port()).isEqualTo(5432);
        assertThat(d.user()).isEqualTo("maria");
        assertThat(d.database()).isEqualTo("maria");
        assertThat(d.sslMode()).isEqualTo(SslMode.PREFER);
        assertThat(d.service()).isNull();
    }

    @Test
    void theLibpqVariablesAreTakenAsPsqlWouldTakeThem() {
        ConnectionDefaults d = ConnectionDefaults.fromEnvironment(Map.of(
                "PGHOST", "db1", "PGPORT", " 5433 ", "PGUSER", "backup", "PGDATABASE", "sales",
                "PGSSLMODE", "verify-full", "PGSERVICE", "prod"), "maria");

        assertThat(d).isEqualTo(new ConnectionDefaults("db1", 5433, "backup", "sales", SslMode.VERIFY_FULL, "prod"));
    }

    @Test
    void theDatabaseDefaultsToPgUserRatherThanTheOsUser() {
        assertThat(ConnectionDefaults.fromEnvironment(Map.of("PGUSER", "backup"), "maria").database()).isEqualTo("backup");
    }

    @Test
    void blankVariablesCountAsUnset() {
        ConnectionDefaults d = ConnectionDefaults.fromEnvironment(Map.of("PGHOST", " ", "PGUSER", "", "PGPORT", ""), "maria");

        assertThat(d.host()).isEqualTo("localhost");
        assertThat(d.user()).isEqualTo("maria");
        assertThat(d.port()).isEqualTo(5432);
    }

    @Test
    void aPortThatIsNoNumberFallsBackToTheStandardPort() {
        assertThat(ConnectionDefaults.fromEnvironment(Map.of("PGPORT", "fivefourthreetwo"), "m").port()).isEqualTo(5432);
    }

    @Test
    void anUnknownSslModeIsRefused() {
        assertThatThrownBy(() -> ConnectionDefaults.fromEnvironment(Map.of("PGSSLMODE", "maybe"), "m"))
                .isInstanceOf(BackupDeskException.class)
                .hasMessageContaining("maybe");
    }
}
