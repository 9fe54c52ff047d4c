package io.backupdesk.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionProfileTest {

    private static ConnectionProfile named(String name) {
        return new ConnectionProfile(name, "h", 5432, "db", "u", SslMode.PREFER, null);
    }

    private static ConnectionProfile onPort(int port) {
        return new ConnectionProfile("p", "h", port, "db", "u", SslMode.PREFER, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "db1.example", "sales_eu-2", "9lives", "Überblick"})
    void portableNamesAreAccepted(String name) {
        assertThat(named(name).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-prod", ".hidden", "_x", "two words", "a/b", "a\\b", "colon:name"})
    void namesThatCannotBeFolderNamesAreRefused(String name) {
        assertThatThrownBy(() -> named(name))
                .isInstanceOfSatisfying(BackupDeskException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
                    assertThat(e.getMessage()).isEqualTo("'" + name + "' is not a valid profile name.");
                });
    }

    @Test
    void aNullNameIsRefused() {
        assertThatThrownBy(() -> named(null)).isInstanceOf(BackupDeskException.class);
    }

    @Test
    void sixtyFourCharactersAreTheLongestName() {
        assertThat(named("a".repeat(64)).name()).hasSize(64);
        assertThatThrownBy(() -> named("a".repeat(65))).isInstanceOf(BackupDeskException.class);
    }

    @Test
    void portsOneAndMaxAreAccepted() {
        assertThat(onPort(1).port()).isEqualTo(1);
        assertThat(onPort(65535).port()).isEqualTo(65535);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65536})
    void portsOutsideTheTcpRangeAreRefused(int port) {
        assertThatThrownBy(() -> onPort(port))
                .isInstanceOfSatisfying(BackupDeskException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Port " + port + " is out of range.");
                    assertThat(e.hint()).contains("1 and 65535");
                });
    }

    @Test
    void aProfileWithoutDatabaseAndServiceIsRefused() {
        assertThatThrownBy(() -> new ConnectionProfile("p", "h", 5432, " ", "u", null, null))
                .isInstanceOf(BackupDeskException.class)
                .hasMessage("Profile 'p' names no database.");
    }

    @Test
    void aServiceMayStandInForTheDatabase() {
        assertThat(new ConnectionProfile("p", null, 5432, null, null, null, "prod").service()).isEqualTo("prod");
    }

    @Test
    void aMissingSslModeMeansPrefer() {
        assertThat(new ConnectionProfile("p", "h", 5432, "db", "u", null, null).sslMode()).isEqualTo(SslMode.PREFER);
    }

    @Test
    void describeNamesUserHostPortAndDatabase() {
        assertThat(named("p").describe()).isEqualTo("u@h:5432/db");
        assertThat(new ConnectionProfile("p", null, 5432, "db", null, null, "prod").describe()).isEqualTo("service prod/db");
    }

    @Test
    void withNameValidatesTheNewName() {
        assertThatThrownBy(() -> named("ok").withName("not ok")).isInstanceOf(BackupDeskException.class);
        assertThat(named("ok").withName("fine").name()).isEqualTo("fine");
    }
}
