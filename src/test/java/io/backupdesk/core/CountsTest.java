package io.backupdesk.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CountsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|0", "7|7", "999|999", "5000|5,000", "305000|305,000",
            "1234567|1,234,567", "-4200|-4,200"})
    void countsAreGroupedByThousands(long count, String shown) {
        assertThat(Counts.format(count)).isEqualTo(shown);
    }
}
