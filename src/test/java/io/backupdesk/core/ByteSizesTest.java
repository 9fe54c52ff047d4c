package io.backupdesk.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ByteSizesTest {
    private static final long KB = 1024;
    private static final long MB = KB * 1024;
    private static final long GB = MB * 1024;

    @Test
    void bytesBelowAThousandAreCountedExactly() {
        assertThat(ByteSizes.format(0)).isEqualTo("0 B");
        assertThat(ByteSizes.format(999)).isEqualTo("999 B");
    }

    @Test
    void belowTenOneDecimalIsShownAndAboveItTheWholeNumber() {
        assertThat(ByteSizes.format(2_411_724)).isEqualTo("2.3 MB");
        assertThat(ByteSizes.format(24 * MB + MB / 3)).isEqualTo("24 MB");
        assertThat(ByteSizes.format(245 * MB + 7 * MB / 10)).isEqualTo("246 MB");
        assertThat(ByteSizes.format(50 * GB)).isEqualTo("50 GB");
    }

    @Test
    void aValueThatWouldRoundUpToTheNextShapeTakesThatShape() {
        assertThat(ByteSizes.format(1000)).as("0.98 KB").isEqualTo("1.0 KB");
        assertThat(ByteSizes.format(10 * MB - MB / 50)).as("9.98 MB").isEqualTo("10 MB");
        assertThat(ByteSizes.format(1000 * KB - KB / 3)).as("999.7 KB").isEqualTo("1.0 MB");
        assertThat(ByteSizes.format(999 * KB)).isEqualTo("999 KB");
    }

    @Test
    void terabytesAreTheLargestUnit() {
        assertThat(ByteSizes.format(2048 * 1024 * GB)).isEqualTo("2048 TB");
    }

    @Test
    void anUnknownSizeIsADash() {
        assertThat(ByteSizes.format(-1)).isEqualTo("–");
    }

    @Test
    void aTypedSizeIsReadWithTheUnitsTheListShows() {
        assertThat(ByteSizes.parse("4096")).isEqualTo(4096);
        assertThat(ByteSizes.parse("500MB")).isEqualTo(500 * MB);
        assertThat(ByteSizes.parse("500 m")).isEqualTo(500 * MB);
        assertThat(ByteSizes.parse("1.5GiB")).isEqualTo(GB + GB / 2);
        assertThat(ByteSizes.parse("2g")).isEqualTo(2 * GB);
        assertThat(ByteSizes.format(ByteSizes.parse("2 GB"))).isEqualTo("2.0 GB");
    }

    @Test
    void whatIsNotASizeIsRefusedWithAnExample() {
        for (String bad : new String[] {"", "MB", "-5MB", "0", "5 PB", "1e9", "12 apples", "99999999999T"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ByteSizes.parse(bad)).as(bad)
                    .isInstanceOf(BackupDeskException.class).hasMessageContaining("size");
        }
    }
}
