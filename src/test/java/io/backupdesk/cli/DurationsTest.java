package io.backupdesk.cli;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {

    @Test
    void eachShortUnitIsRead() {
        assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void spacesAndUpperCaseAreTolerated() {
        assertThat(Durations.parse(" 45 M ")).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void isoDurationsAreReadInEitherCase() {
        assertThat(Durations.parse("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("pt1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("P1D")).isEqualTo(Duration.ofDays(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "10x", "1.5h", "h", "30 minutes"})
    void anythingElseIsAUsageErrorWithAHint(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOfSatisfying(BackupDeskException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
                    assertThat(e.getMessage()).isEqualTo("'" + text + "' is not a duration this tool can use.");
                    assertThat(e.hint()).contains("90s, 30m, 2h or 1d");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999s", "9999999999999999d"})
    void aNumberTooLargeIsAUsageErrorToo(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(BackupDeskException.class);
    }
}
