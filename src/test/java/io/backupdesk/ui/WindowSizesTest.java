package io.backupdesk.ui;

import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WindowSizesTest {
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 768);
    private static final Rectangle2D NETBOOK = new Rectangle2D(0, 24, 1024, 576);

    @Test
    void aWindowGetsWhatItAsksForWhenTheScreenHasTheRoom() {
        WindowSizes.Request editor = new WindowSizes.Request(1100, 700, 640, 420);

        Dimension2D min = WindowSizes.minimum(editor, LAPTOP);

        assertThat(WindowSizes.fit(1100, 700, min, LAPTOP)).isEqualTo(new Dimension2D(1100, 700));
    }

    @Test
    void aWindowLargerThanTheScreenIsCutToTheScreenWithItsTitleBarInReach() {
        WindowSizes.Request editor = new WindowSizes.Request(1100, 760, 640, 420);

        Dimension2D size = WindowSizes.fit(1100, 760, WindowSizes.minimum(editor, LAPTOP), LAPTOP);

        assertThat(size.getWidth()).isEqualTo(1100);
        assertThat(size.getHeight()).isEqualTo(768 - WindowSizes.SCREEN_MARGIN);
    }

    @Test
    void theInitialSizeIsNeverBelowTheMinimum() {
        WindowSizes.Request wide = new WindowSizes.Request(300, 100, 480, 360);

        assertThat(WindowSizes.fit(300, 100, WindowSizes.minimum(wide, LAPTOP), LAPTOP))
                .isEqualTo(new Dimension2D(480, 360));
    }

    @Test
    void aMinimumLargerThanTheScreenGivesWaySoTheWholeWindowStaysOnIt() {
        WindowSizes.Request main = new WindowSizes.Request(1280, 800, 1100, 700);

        Dimension2D min = WindowSizes.minimum(main, NETBOOK);
        Dimension2D size = WindowSizes.fit(1280, 800, min, NETBOOK);

        assertThat(min).isEqualTo(new Dimension2D(1024 - WindowSizes.SCREEN_MARGIN, 576 - WindowSizes.SCREEN_MARGIN));
        assertThat(size).isEqualTo(min);
        assertThat(size.getWidth()).isLessThan(NETBOOK.getWidth());
        assertThat(size.getHeight()).isLessThan(NETBOOK.getHeight());
    }

    @Test
    void aTinyScreenStillLeavesMostOfItToTheWindow() {
        Rectangle2D tiny = new Rectangle2D(0, 0, 120, 100);

        Dimension2D min = WindowSizes.minimum(new WindowSizes.Request(500, 0, 360, 150), tiny);

        assertThat(min).as("not 80 x 60, which a margin of 40 would leave").isEqualTo(new Dimension2D(96, 80));
    }

    @Test
    void aRequestWithoutAWidthOrAMinimumIsAMistake() {
        assertThatThrownBy(() -> new WindowSizes.Request(0, 400, 300, 200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WindowSizes.Request(600, 400, 0, 200)).isInstanceOf(IllegalArgumentException.class);
    }
}
