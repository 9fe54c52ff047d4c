package io.backupdesk.ui.dashboard;

import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.stats.DashboardStats;
import io.backupdesk.stats.DatabaseHealth;
import io.backupdesk.stats.Health;
import io.backupdesk.ui.SyncTaskRunner;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DashboardViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final long GB = 1024L * 1024 * 1024;
    private final SyncTaskRunner runner = new SyncTaskRunner();

    @Test
    void cardsShowCountSizeAgeAndRatesWithTheirTone() {
        DashboardViewModel model = model(() -> stats(NOW.minus(Duration.ofHours(3)), 0.97, 0.7));

        model.refresh();

        assertThat(model.cards()).extracting(DashboardViewModel.Card::value)
                .containsExactly("1,234", "3 h ago", "–", "97%", "1 min 30 s", "8.0×", "50 GB");
        assertThat(model.cards().get(0).detail()).isEqualTo("60 GB in total");
        assertThat(model.cards().get(1).tone()).isEqualTo(DashboardViewModel.Tone.GOOD);
        assertThat(model.cards().get(2).detail()).isEqualTo("No schedule");
        assertThat(model.cards().get(3).tone()).isEqualTo(DashboardViewModel.Tone.GOOD);
        assertThat(model.cards().get(3).detail()).isEqualTo("7 days: 70%");
        assertThat(model.cards().get(4).detail()).as("the runs the average is over").isEqualTo("1 successful run, 30 days");
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.updatedAtProperty().get()).isEqualTo(NOW);
    }

    @Test
    void aLastBackupOlderThanTheRpoAndAPoorRateAreBad() {
        DashboardViewModel model = model(() -> stats(NOW.minus(Duration.ofHours(30)), 0.5, 0.5));

        model.refresh();

        assertThat(model.cards().get(1).tone()).isEqualTo(DashboardViewModel.Tone.BAD);
        assertThat(model.cards().get(3).tone()).isEqualTo(DashboardViewModel.Tone.BAD);
    }

    @Test
    void healthRowsSayWhyADatabaseIsRed() {
        DashboardViewModel model = model(() -> stats(NOW, 1.0, 1.0));

        model.refresh();

        assertThat(model.health()).extracting(DashboardViewModel.HealthRow::database, DashboardViewModel.HealthRow::health,
                DashboardViewModel.HealthRow::note).containsExactly(
                org.assertj.core.groups.Tuple.tuple("prod/crm", Health.RED, "Newest good backup 2 days ago"),
                org.assertj.core.groups.Tuple.tuple("prod/new", Health.RED, "No good backup yet"),
                org.assertj.core.groups.Tuple.tuple("prod/newer", Health.AMBER, "No good backup yet; new, so within the RPO"),
                org.assertj.core.groups.Tuple.tuple("prod/sales", Health.GREEN, "Verified backup within the RPO"));
    }

    @Test
    void recentActivityNamesTheJobAndItsError() {
        DashboardViewModel model = model(() -> stats(NOW, 1.0, 1.0));

        model.refresh();

        assertThat(model.recent()).first().satisfies(row -> {
            assertThat(row.what()).isEqualTo("Backup of prod/crm");
            assertThat(row.status()).isEqualTo(JobStatus.FAILED);
            assertThat(row.detail()).isEqualTo("connection refused");
        });
    }

    @Test
    void chartsCarryTheSeriesInOneUnitAndTheBarsLargestFirst() {
        DashboardViewModel model = model(() -> stats(NOW, 1.0, 1.0));

        model.refresh();

        assertThat(model.storageUnitProperty().get()).isEqualTo("GB");
        assertThat(model.storage()).extracting(ChartSeries::name).containsExactly("prod/crm", "prod/sales");
        assertThat(model.storage().get(1).points()).last().satisfies(p -> assertThat(p.value()).isCloseTo(40.0, within(1e-9)));
        assertThat(model.daily()).hasSize(2).allSatisfy(s -> assertThat(s.points()).hasSize(30));
        assertThat(model.storageByDatabase()).singleElement().satisfies(s -> assertThat(s.points())
                .extracting(ChartSeries.Point::label).containsExactly("prod/sales", "prod/crm"));
        assertThat(model.durations()).singleElement().satisfies(s -> assertThat(s.points()).singleElement()
                .satisfies(p -> assertThat(p.value()).as("90 s in seconds").isCloseTo(90, within(1e-9))));
        ChartFrames frames = model.chartFramesProperty().get();
        assertThat(frames.storageTitle()).isEqualTo("Storage over time (GB)");
        assertThat(frames.storage().upper()).as("room above 40 GB").isEqualTo(50);
        assertThat(frames.byDatabaseTitle()).isEqualTo("Storage by database (GB)");
        assertThat(frames.durationTitle()).isEqualTo("Backup duration (seconds)");
        assertThat(frames.durations().upper()).isEqualTo(100);
        assertThat(frames.daily().tick()).isEqualTo(1);
    }

    @Test
    void theDurationsAreChartedInTheUnitThatGivesPlainNumbers() {
        // issue 19: a few seconds were charted as 0.00-0.07 minutes
        assertThat(durationFrames(Duration.ofSeconds(4), Duration.ofSeconds(7)))
                .isEqualTo(new Object[]{"Backup duration (seconds)", 7.0, 8.0});
        assertThat(durationFrames(Duration.ofSeconds(40), Duration.ofMinutes(4)))
                .isEqualTo(new Object[]{"Backup duration (minutes)", 4.0, 5.0});
        assertThat(durationFrames(Duration.ofMinutes(50), Duration.ofMinutes(150)))
                .isEqualTo(new Object[]{"Backup duration (hours)", 2.5, 3.0});
    }

    @Test
    void storageIsChartedInOneUnitChosenFromTheLargestValue() {
        assertThat(storageUnit(900L * 1024)).isEqualTo("KB");
        assertThat(storageUnit(5L * 1024 * 1024)).isEqualTo("MB");
        assertThat(storageUnit(1023L * 1024 * 1024)).isEqualTo("MB");
        assertThat(storageUnit(40 * GB)).isEqualTo("GB");
        assertThat(storageUnit(3 * 1024 * GB)).as("3 TB, not 3072 GB").isEqualTo("TB");
    }

    private String storageUnit(long largest) {
        LocalDate today = LocalDate.of(2026, 11, 21);
        DashboardStats s = stats(NOW, 1.0, 1.0);
        DashboardViewModel model = model(() -> new DashboardStats(s.computedAt(), s.backups(), largest, s.lastSuccess(),
                s.successRate7d(), s.successRate30d(), s.averageDuration(), s.compressionRatio(), s.freeBytes(),
                s.health(), Map.of("prod/sales", List.of(new DashboardStats.DayValue(today, largest / 2),
                new DashboardStats.DayValue(today, largest))), s.durations(), s.daily(),
                Map.of("prod/sales", largest), s.recent()));
        model.refresh();
        assertThat(model.chartFramesProperty().get().storageTitle()).endsWith("(" + model.storageUnitProperty().get() + ")");
        double top = model.storage().get(0).points().get(1).value();
        assertThat(top).isBetween(1.0, 1024.0);
        return model.storageUnitProperty().get();
    }

    /** The duration chart's title, its highest point and the top of its axis, for runs of these lengths. */
    private Object[] durationFrames(Duration shorter, Duration longer) {
        DashboardStats s = stats(NOW, 1.0, 1.0);
        DashboardViewModel model = model(() -> new DashboardStats(s.computedAt(), s.backups(), s.totalBytes(),
                s.lastSuccess(), s.successRate7d(), s.successRate30d(), s.averageDuration(), s.compressionRatio(),
                s.freeBytes(), s.health(), s.storageOverTime(),
                List.of(new DashboardStats.DurationPoint(NOW.minus(Duration.ofDays(3)), "prod/sales", shorter),
                        new DashboardStats.DurationPoint(NOW, "prod/crm", longer)), s.daily(), s.storageByDatabase(),
                s.recent()));
        model.refresh();
        double highest = model.durations().stream().flatMap(c -> c.points().stream())
                .mapToDouble(ChartSeries.Point::value).max().orElseThrow();
        return new Object[]{model.chartFramesProperty().get().durationTitle(), highest,
                model.chartFramesProperty().get().durations().upper()};
    }

    @Test
    void aFailureToReadIsShownAndTheNextRefreshClearsIt() {
        AtomicInteger calls = new AtomicInteger();
        DashboardViewModel model = model(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("disk gone");
            }
            return stats(NOW, 1.0, 1.0);
        });

        model.refresh();
        assertThat(model.errorProperty().get()).isEqualTo("The numbers could not be read: disk gone");
        assertThat(model.loadingProperty().get()).isFalse();

        model.refresh();
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void theNumbersAreReadAgainWhenAJobEnds() {
        AtomicInteger calls = new AtomicInteger();
        DashboardViewModel model = model(() -> {
            calls.incrementAndGet();
            return stats(NOW, 1.0, 1.0);
        });
        model.refresh();

        runner.run("Backing up prod/sales", (progress, cancel) -> "done", done -> { }, failed -> { });

        assertThat(calls).hasValue(2);
    }

    @Test
    void theNextRunCardNamesTheConnectionAndHowSoon() {
        Instant at = NOW.plus(Duration.ofHours(9));
        DashboardViewModel model = new DashboardViewModel(() -> stats(NOW, 1.0, 1.0), () -> Duration.ofHours(26),
                () -> Optional.of(new DashboardViewModel.NextRun("prod", at)), runner);

        model.refresh();

        DashboardViewModel.Card next = model.cards().get(2);
        assertThat(next.title()).isEqualTo("Next run");
        assertThat(next.value()).isEqualTo("in 9 h");
        assertThat(next.detail()).isEqualTo("prod, " + io.backupdesk.ui.Formats.soon(at, NOW));
    }

    @Test
    void theNextRunCardSaysWhenTheSchedulesArePaused() {
        Instant since = NOW.minus(Duration.ofHours(3));
        DashboardViewModel model = new DashboardViewModel(() -> stats(NOW, 1.0, 1.0), () -> Duration.ofHours(26),
                () -> Optional.of(DashboardViewModel.NextRun.paused(since)), runner);

        model.refresh();

        DashboardViewModel.Card next = model.cards().get(2);
        assertThat(next.value()).isEqualTo("Paused");
        assertThat(next.detail()).isEqualTo("since " + io.backupdesk.ui.Formats.time(since));
        assertThat(next.tone()).isEqualTo(DashboardViewModel.Tone.WARNING);
    }

    @Test
    void theCopiesCardCountsWhatWaitsInTheColourOfTheWorst() {
        List<DashboardViewModel.Card> failed = cardsWith(Optional.of(new DashboardViewModel.Copies(2, 1)));
        List<DashboardViewModel.Card> pending = cardsWith(Optional.of(new DashboardViewModel.Copies(3, 0)));
        List<DashboardViewModel.Card> none = cardsWith(Optional.of(new DashboardViewModel.Copies(0, 0)));

        assertThat(failed.get(2)).isEqualTo(new DashboardViewModel.Card("Copies waiting", "3", "2 pending, 1 failed",
                DashboardViewModel.Tone.BAD));
        assertThat(pending.get(2).tone()).isEqualTo(DashboardViewModel.Tone.WARNING);
        assertThat(none.get(2)).isEqualTo(new DashboardViewModel.Card("Copies waiting", "0", "All copies confirmed",
                DashboardViewModel.Tone.GOOD));
        assertThat(cardsWith(Optional.empty())).as("nothing is copied off this desk: no card")
                .extracting(DashboardViewModel.Card::title).doesNotContain("Copies waiting");
    }

    @Test
    void aCopyLedgerThatCannotBeReadCostsTheCardNotTheDashboard() {
        DashboardViewModel model = new DashboardViewModel(() -> stats(NOW, 1.0, 1.0), () -> Duration.ofHours(26),
                Optional::empty, () -> {
                    throw new IllegalStateException("copies.jsonl unreadable");
                }, runner);

        model.refresh();

        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.cards()).isNotEmpty().extracting(DashboardViewModel.Card::title)
                .doesNotContain("Copies waiting");
    }

    private List<DashboardViewModel.Card> cardsWith(Optional<DashboardViewModel.Copies> copies) {
        DashboardViewModel model = new DashboardViewModel(() -> stats(NOW, 1.0, 1.0), () -> Duration.ofHours(26),
                Optional::empty, () -> copies, runner);
        model.refresh();
        return List.copyOf(model.cards());
    }

    private DashboardViewModel model(java.util.function.Supplier<DashboardStats> stats) {
        return new DashboardViewModel(stats, () -> Duration.ofHours(26), Optional::empty, runner);
    }

    private static DashboardStats stats(Instant lastSuccess, double rate30, double rate7) {
        LocalDate today = LocalDate.of(2026, 11, 21);
        Map<String, List<DashboardStats.DayValue>> storage = new LinkedHashMap<>();
        storage.put("prod/crm", List.of(new DashboardStats.DayValue(today, 20 * GB)));
        storage.put("prod/sales", List.of(new DashboardStats.DayValue(today.minusDays(1), 30 * GB),
                new DashboardStats.DayValue(today, 40 * GB)));
        List<DashboardStats.DayRuns> daily = new ArrayList<>();
        for (int i = 29; i >= 0; i--) {
            daily.add(new DashboardStats.DayRuns(today.minusDays(i), 1, 0));
        }
        Map<String, Long> byDatabase = new LinkedHashMap<>();
        byDatabase.put("prod/sales", 40 * GB);
        byDatabase.put("prod/crm", 20 * GB);
        return new DashboardStats(NOW, 1234, 60 * GB, lastSuccess, rate7, rate30, Duration.ofSeconds(90), 8.0, 50 * GB,
                List.of(new DatabaseHealth("prod", "crm", NOW.minus(Duration.ofDays(2)), null, NOW, Health.RED),
                        new DatabaseHealth("prod", "new", null, null, NOW, Health.RED),
                        new DatabaseHealth("prod", "newer", null, null, NOW, Health.AMBER),
                        new DatabaseHealth("prod", "sales", NOW, NOW, null, Health.GREEN)),
                storage, List.of(new DashboardStats.DurationPoint(NOW, "prod/sales", Duration.ofSeconds(90))), daily,
                byDatabase, List.of(JobRun.builder().id("r1").kind(JobRun.KIND_BACKUP).profile("prod").database("crm")
                        .origin("manual").startedAt(NOW).finishedAt(NOW).status(JobStatus.FAILED)
                        .errorKind(ErrorKind.CONNECTION).error("connection refused").build()));
    }
}
