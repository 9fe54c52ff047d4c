package io.backupdesk.ui;

import io.backupdesk.ui.ColumnFit.Need;
import io.backupdesk.ui.ColumnFit.Want;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnFitTest {
    /** A list like the backups': a database with a long set name, a time, a size, a format, a server and a label. */
    private static final List<Want> LIST = List.of(
            new Want(100, 160, 220, 320, Need.ESSENTIAL),
            new Want(110, 136, 200, Need.ESSENTIAL),
            new Want(60, 68, 120, Need.ESSENTIAL),
            new Want(55, 70, 110, Need.USEFUL),
            new Want(66, 190, 260, Need.SPARE),
            new Want(57, 110, 260, Need.SPARE));

    @Test
    void withRoomEveryColumnGetsItsTextAndTheLastTheRest() {
        double[] widths = ColumnFit.widths(LIST, 1000);

        assertThat(widths).containsExactly(220, 136, 68, 70, 190, 316);
    }

    @Test
    void aTextLongerThanItsColumnsMaximumIsCutThereUntilThereIsRoomToSpare() {
        List<Want> wants = List.of(new Want(50, 400, 200, Need.ESSENTIAL), new Want(50, 80, 100, Need.SPARE));

        assertThat(ColumnFit.widths(wants, 270)).containsExactly(200, 70);
        assertThat(ColumnFit.widths(wants, 300)).as("spare room shows more of the cut text first")
                .containsExactly(220, 80);
        assertThat(ColumnFit.widths(wants, 600)).as("the room left goes first to the one cut")
                .containsExactly(400, 200);
    }

    @Test
    void theSpareColumnsGiveWayFirstThenALongNamesTailThenTheUsefulOnesAndTheEssentialOnesNever() {
        double[] spareGone = ColumnFit.widths(LIST, 700);
        assertThat(spareGone).as("server and label shrink first, the rest keep their texts")
                .startsWith(220, 136, 68, 70);
        assertThat(spareGone[4] + spareGone[5]).isLessThanOrEqualTo(700 - 494);

        double[] tailGone = ColumnFit.widths(LIST, 600);
        assertThat(tailGone).as("then the long set name's tail, down to the widest name kept whole")
                .containsExactly(203, 136, 68, 70, 66, 57);

        double[] usefulGone = ColumnFit.widths(LIST, 545);
        assertThat(usefulGone).containsExactly(160, 136, 68, 58, 66, 57);

        double[] all = ColumnFit.widths(LIST, 400);
        assertThat(all).as("issue 19: the essential ones keep their texts, the rest at its minimum: the table scrolls")
                .containsExactly(160, 136, 68, 55, 66, 57);
    }

    @ParameterizedTest
    @ValueSource(doubles = {300, 450, 500, 544, 545, 600, 650, 744, 745, 800, 1200})
    void theColumnsNeverAddUpToMoreThanTheTableUnlessEveryOneIsAtItsMinimum(double available) {
        double[] widths = ColumnFit.widths(LIST, available);
        double sum = Arrays.stream(widths).sum();
        double minimum = LIST.stream()
                .mapToDouble(w -> w.need() == Need.ESSENTIAL ? Math.min(w.keep(), w.wanted()) : w.min()).sum();

        assertThat(sum).isLessThanOrEqualTo(Math.max(available, minimum));
        for (int i = 0; i < widths.length; i++) {
            assertThat(widths[i]).isGreaterThanOrEqualTo(LIST.get(i).min()).isEqualTo(Math.floor(widths[i]));
        }
        if (available >= LIST.stream().mapToDouble(w -> Math.min(w.content(), w.max())).sum()) {
            assertThat(sum).as("the table is filled").isGreaterThan(available - widths.length);
        }
    }
}
