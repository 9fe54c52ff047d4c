package io.backupdesk.ui.dashboard;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ChartAxisTest {
    @ParameterizedTest
    @CsvSource({"0.07, 0.08, 0.02", "2.0, 2.5, 0.5", "8.2, 10, 2", "9.5, 12, 2", "46.7, 60, 10", "100, 120, 20",
            "36.4, 50, 10", "1, 1.2, 0.2", "0, 1, 0.2"})
    void aValueAxisEndsAtARoundNumberAboveTheLargestValue(double max, double upper, double tick) {
        ChartAxis axis = ChartAxis.fromZero(max, false);

        assertThat(axis.lower()).isZero();
        assertThat(axis.upper()).isCloseTo(upper, within(1e-9));
        assertThat(axis.tick()).isCloseTo(tick, within(1e-9));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.001, 0.07, 0.5, 1, 1.9, 2, 3.14, 7, 9.99, 10, 46.7, 99, 100, 512, 999, 1023, 5e6})
    void thereIsRoomAboveEveryValueAndAFewRoundSteps(double max) {
        ChartAxis axis = ChartAxis.fromZero(max, false);

        // issue 19: points sat on the top edge, half their symbol cut
        assertThat(axis.upper()).isGreaterThanOrEqualTo(max * (1 + ChartAxis.HEADROOM) - 1e-12);
        assertThat(axis.upper() / axis.tick()).isBetween(3.0, 8.0);
        assertThat(axis.upper() / axis.tick()).isCloseTo(Math.rint(axis.upper() / axis.tick()), within(1e-9));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 9, 10, 17, 24, 48, 100, 333})
    void aCountStepsInWholeNumbersOnly(int busiestDay) {
        ChartAxis axis = ChartAxis.fromZero(busiestDay, true);

        assertThat(axis.tick()).as("issue 19: runs per day went up in steps of 0.5").isGreaterThanOrEqualTo(1)
                .isEqualTo(Math.rint(axis.tick()));
        assertThat(axis.upper()).isGreaterThan(busiestDay).isEqualTo(Math.rint(axis.upper()));
        for (double tick = 0; tick <= axis.upper(); tick += axis.tick()) {
            assertThat(axis.label(tick)).matches("\\d+");
        }
    }

    @ParameterizedTest
    @CsvSource({"0.02, 0.04, 0.04", "0.5, 1.5, 1.5", "2.5, 5, 5.0", "2, 4, 4", "20, 60, 60"})
    void aLabelHasTheDecimalsOfItsStep(double tick, double value, String label) {
        assertThat(new ChartAxis(0, value * 2, tick).label(value)).isEqualTo(label);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.07, 1.9, 46.7, 1023})
    void everyTickOfAValueAxisReadsAsAPlainNumber(double max) {
        ChartAxis axis = ChartAxis.fromZero(max, false);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i * axis.tick() <= axis.upper() + 1e-9; i++) {
            labels.add(axis.label(i * axis.tick()));
        }

        assertThat(labels).allSatisfy(l -> assertThat(l).matches("\\d+(\\.\\d{1,2})?")).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @CsvSource({"20400, 20429", "20429, 20429"})
    void daysRunFromTheDayBeforeTheFirstPointToTheDayAfterTheLast(double first, double last) {
        ChartAxis axis = ChartAxis.days(first, last);

        assertThat(axis.lower()).isEqualTo(first - 1);
        assertThat(axis.upper()).isEqualTo(last + 1);
        assertThat(axis.tick()).isEqualTo(7);
    }

    @ParameterizedTest
    @CsvSource({"20400, 20429, true", "20400, 20430, false", "20400, 20426, false"})
    void theLastDayIsNotLabelledWhenItWouldRunIntoTheWeekBefore(double first, double last, boolean crowded) {
        ChartAxis axis = ChartAxis.days(first, last);

        assertThat(axis.crowded(axis.upper())).isEqualTo(crowded);
        assertThat(axis.crowded(axis.lower())).isFalse();
        assertThat(axis.crowded(axis.lower() + 7)).isFalse();
    }
}
