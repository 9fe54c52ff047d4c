package io.backupdesk.backup;

import io.backupdesk.core.ProgressUpdate;
import io.backupdesk.pg.TableInfo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DumpProgressTest {
    private static final TableInfo A = new TableInfo(11, "public", "a", 100, 1_000);
    private static final TableInfo B = new TableInfo(12, "public", "b", 300, 3_000);
    private static final List<TableInfo> TABLES = List.of(A, B);

    private static DumpProgress progressOf(List<TableInfo> tables, boolean parallel) {
        DumpProgress progress = new DumpProgress(parallel);
        progress.tablesKnown(tables);
        return progress;
    }

    private static String started(String table) {
        return "pg_dump: dumping contents of table \"" + table + "\"";
    }

    @Test
    void withoutTablesTheFractionIsUnknown() {
        DumpProgress progress = progressOf(List.of(), false);
        progress.onStderr(started("public.a"));

        ProgressUpdate update = progress.snapshot(77);

        assertThat(update.fraction()).isEqualTo(-1);
        assertThat(update.currentItem()).isEqualTo("public.a");
        assertThat(update.bytesDone()).isEqualTo(77);
    }

    @Test
    void withoutTablesTheFinishingPhaseIsNamed() {
        DumpProgress progress = progressOf(List.of(), false);
        progress.dataDone();

        assertThat(progress.snapshot(0).currentItem()).isEqualTo("Writing the archive");
    }

    @Test
    void tablesStartedBeforeTheListArrivedStillCount() {
        DumpProgress progress = new DumpProgress(false);
        progress.onStderr(started("public.a"));
        progress.onStderr(started("public.b"));
        assertThat(progress.snapshot(0).fraction()).isEqualTo(-1);

        progress.tablesKnown(TABLES);

        ProgressUpdate update = progress.snapshot(0);
        assertThat(update.fraction()).isGreaterThan(0);
        assertThat(update.currentItem()).isEqualTo("public.b");
    }

    @Test
    void beforeAnyDataNothingIsDoneAndTheSchemaIsBeingRead() {
        ProgressUpdate update = progressOf(TABLES, false).snapshot(0);

        assertThat(update.fraction()).isZero();
        assertThat(update.currentItem()).isEqualTo("Reading the database schema");
        assertThat(update.eta()).isNull();
    }

    @Test
    void sequentiallyATableIsDoneWhenTheNextOneStarts() {
        DumpProgress progress = progressOf(TABLES, false);

        progress.onStderr(started("public.a"));
        assertThat(progress.snapshot(0).fraction()).isZero();
        assertThat(progress.snapshot(0).currentItem()).isEqualTo("public.a");

        progress.onStderr(started("public.b"));
        assertThat(progress.snapshot(0).fraction()).isCloseTo(0.25, within(1e-9));
        assertThat(progress.snapshot(0).currentItem()).isEqualTo("public.b");
    }

    @Test
    void copyProgressMovesTheBarWithinATable() {
        DumpProgress progress = progressOf(TABLES, false);
        progress.onStderr(started("public.a"));
        progress.onStderr(started("public.b"));

        progress.onCopyProgress(Map.of(12L, 1_500L));

        assertThat(progress.snapshot(0).fraction()).isCloseTo((100 + 300 * 0.5) / 400, within(1e-9));
    }

    @Test
    void aCopyThatEndsBeforeTheNextTableStartsKeepsItsShare() {
        DumpProgress progress = progressOf(TABLES, false);
        progress.onStderr(started("public.b"));
        progress.onCopyProgress(Map.of(12L, 1_500L));
        double during = progress.snapshot(0).fraction();

        progress.onCopyProgress(Map.of());

        assertThat(progress.snapshot(0).fraction()).isEqualTo(during).isPositive();
    }

    @Test
    void copyProgressBeyondTheEstimateCountsAsAlmostDoneOnly() {
        DumpProgress progress = progressOf(TABLES, false);
        progress.onStderr(started("public.b"));

        progress.onCopyProgress(Map.of(12L, 10_000L));

        assertThat(progress.snapshot(0).fraction()).isCloseTo(300 * 0.99 / 400, within(1e-9));
    }

    @Test
    void copyProgressOfAnUnanalysedTableIsIgnored() {
        TableInfo neverAnalysed = new TableInfo(13, "public", "c", 400, -1);
        DumpProgress progress = progressOf(List.of(neverAnalysed), false);
        progress.onStderr(started("public.c"));

        progress.onCopyProgress(Map.of(13L, 500L));

        assertThat(progress.snapshot(0).fraction()).isZero();
    }

    @Test
    void inParallelModeATableIsDoneWhenPgDumpFinishesItsItem() {
        DumpProgress progress = progressOf(TABLES, true);
        progress.onStderr(started("public.a"));
        progress.onStderr(started("public.b"));
        assertThat(progress.snapshot(0).fraction()).isZero();
        assertThat(progress.snapshot(0).currentItem()).isEqualTo("public.a, public.b");

        progress.onStderr("pg_dump: finished item 3358 TABLE DATA b");

        assertThat(progress.snapshot(0).fraction()).isCloseTo(0.75, within(1e-9));
        assertThat(progress.snapshot(0).currentItem()).isEqualTo("public.a");
    }

    @Test
    void aFinishedItemForATableNotInFlightChangesNothing() {
        DumpProgress progress = progressOf(TABLES, true);
        progress.onStderr(started("public.a"));

        progress.onStderr("pg_dump: finished item 3357 TABLE DATA b");

        assertThat(progress.snapshot(0).fraction()).isZero();
    }

    @Test
    void theFractionStaysBelowOneUntilTheRunIsDone() {
        DumpProgress progress = progressOf(TABLES, false);
        progress.onStderr(started("public.a"));
        progress.onStderr(started("public.b"));
        progress.onCopyProgress(Map.of(12L, 3_000L));
        assertThat(progress.snapshot(0).fraction()).isLessThanOrEqualTo(0.99);

        progress.dataDone();

        ProgressUpdate update = progress.snapshot(0);
        assertThat(update.fraction()).isEqualTo(0.99);
        assertThat(update.currentItem()).isEqualTo("Writing the archive");
    }

    @Test
    void emptyTablesStillWeighSomething() {
        TableInfo empty = new TableInfo(14, "public", "empty", 0, 0);
        DumpProgress progress = progressOf(List.of(empty, A), false);
        progress.onStderr(started("public.empty"));
        progress.onStderr(started("public.a"));

        assertThat(progress.snapshot(0).fraction()).isCloseTo(1.0 / 101, within(1e-9));
    }

    @Test
    void unrelatedLinesAreIgnored() {
        DumpProgress progress = progressOf(TABLES, false);
        progress.onStderr("pg_dump: reading extensions");
        progress.onStderr("pg_dump: saving encoding = UTF8");

        assertThat(progress.snapshot(0).fraction()).isZero();
        assertThat(progress.snapshot(0).currentItem()).isEqualTo("Reading the database schema");
    }
}
