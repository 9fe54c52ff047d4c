package io.backupdesk.restore;

import io.backupdesk.core.ProgressUpdate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RestoreProgressTest {
    private final List<ProgressUpdate> updates = new ArrayList<>();
    private final RestoreProgress progress = new RestoreProgress(updates::add, 10,
            Map.of("public.big", 900L, "public.small", 100L));

    @Test
    void rowsTheServerReportsCopiedMoveTheBarWithinATable() {
        progress.line("pg_restore: processing data for table \"public.big\"");

        progress.copied(Map.of("public.big", 450L));
        progress.report(true);

        // one of ten objects begun (20% weight), 450 of 1000 rows (80% weight)
        assertThat(last()).isCloseTo(0.2 * 0.1 + 0.8 * 0.45, within(1e-9));
    }

    @Test
    void aCopyThatLeavesTheServersViewKeepsItsShareUntilTheTableIsDone() {
        progress.line("pg_restore: processing data for table \"public.big\"");
        progress.copied(Map.of("public.big", 450L));
        progress.report(true);
        double during = last();

        progress.copied(Map.of());
        progress.report(true);
        assertThat(last()).isEqualTo(during);

        progress.line("pg_restore: processing data for table \"public.small\"");
        progress.report(true);
        assertThat(last()).isGreaterThan(during);
    }

    @Test
    void moreRowsThanTheBackupRecordedCountOnlyAsTheTableItself() {
        progress.line("pg_restore: processing data for table \"public.small\"");

        progress.copied(Map.of("public.small", 5_000L));
        progress.report(true);

        assertThat(last()).isCloseTo(0.2 * 0.1 + 0.8 * 0.1, within(1e-9));
    }

    private double last() {
        return updates.get(updates.size() - 1).fraction();
    }
}
