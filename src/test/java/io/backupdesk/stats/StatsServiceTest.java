package io.backupdesk.stats;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StatsServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final Duration RPO = Duration.ofHours(26);
    private final StatsService stats = new StatsService(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void cardsCountSizeAgeRateDurationAndCompression() {
        History h = new History()
                .run("sales", NOW.minus(Duration.ofDays(2)), JobStatus.OK, BackupStatus.VERIFIED, 100, 1_000, Duration.ofSeconds(30))
                .run("sales", NOW.minus(Duration.ofDays(1)), JobStatus.OK, BackupStatus.OK, 300, 2_000, Duration.ofSeconds(90))
                .failed("sales", NOW.minus(Duration.ofHours(3)))
                .run("crm", NOW.minus(Duration.ofDays(10)), JobStatus.OK, BackupStatus.MISSING, 500, 5_000, Duration.ofSeconds(60))
                .run("crm", NOW.minus(Duration.ofHours(1)), JobStatus.CANCELLED, null, 0, 0, Duration.ZERO);

        DashboardStats s = stats.compute(h.catalog, h.runs, RPO, 42L);

        assertThat(s.backups()).isEqualTo(3);
        assertThat(s.totalBytes()).as("a missing file takes no space").isEqualTo(400);
        assertThat(s.lastSuccess()).isEqualTo(NOW.minus(Duration.ofDays(1)));
        assertThat(s.successRate7d()).as("2 ok of 3 ended; the cancel does not count").isCloseTo(2.0 / 3, within(1e-9));
        assertThat(s.successRate30d()).isCloseTo(3.0 / 4, within(1e-9));
        assertThat(s.averageDuration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.compressionRatio()).isCloseTo(3_000.0 / 400, within(1e-9));
        assertThat(s.freeBytes()).isEqualTo(42L);
        assertThat(s.storageByDatabase()).containsExactly(Map.entry("prod/sales", 400L));
        assertThat(s.recent()).first().satisfies(r -> assertThat(r.status()).isEqualTo(JobStatus.CANCELLED));
    }

    @Test
    void healthIsGreenForAFreshVerifiedBackupAmberForAFreshUnverifiedOneAndRedOtherwise() {
        History h = new History()
                .ok("green", NOW.minus(Duration.ofHours(25)), BackupStatus.VERIFIED)
                .ok("amber", NOW.minus(Duration.ofHours(30)), BackupStatus.VERIFIED)
                .ok("amber", NOW.minus(Duration.ofHours(2)), BackupStatus.OK)
                .ok("stale", NOW.minus(Duration.ofHours(27)), BackupStatus.VERIFIED)
                .ok("corrupt", NOW.minus(Duration.ofHours(27)), BackupStatus.CORRUPT)
                .failed("never", NOW.minus(Duration.ofHours(27)));

        Map<String, Health> health = stats.compute(h.catalog, h.runs, RPO, -1).health().stream()
                .collect(java.util.stream.Collectors.toMap(DatabaseHealth::database, DatabaseHealth::health));

        assertThat(health).containsOnly(Map.entry("green", Health.GREEN), Map.entry("amber", Health.AMBER),
                Map.entry("stale", Health.RED), Map.entry("corrupt", Health.RED), Map.entry("never", Health.RED));
    }

    @Test
    void aNewDatabaseWhoseFirstRunFailedIsRedForTheFailureNotPastItsRpoUntilTheRpoHasPassed() {
        History h = new History()
                .failed("fresh", NOW.minus(Duration.ofHours(1)))
                .failed("old", NOW.minus(Duration.ofHours(27)))
                .failed("old", NOW.minus(Duration.ofHours(1)));

        Map<String, DatabaseHealth> health = stats.compute(h.catalog, h.runs, RPO, -1).health().stream()
                .collect(java.util.stream.Collectors.toMap(DatabaseHealth::database, d -> d));

        assertThat(health.get("fresh").health()).as("issue 19: a failure is red, said as a failure").isEqualTo(Health.RED);
        assertThat(health.get("fresh").failing()).isTrue();
        assertThat(health.get("fresh").stale()).as("issue 19: not past its RPO at once").isFalse();
        assertThat(health.get("fresh").error()).isEqualTo("pg_dump failed");
        assertThat(health.get("fresh").lastFailure()).isEqualTo(NOW.minus(Duration.ofHours(1)));
        assertThat(health.get("old").stale()).as("first seen longer than the RPO ago").isTrue();
        assertThat(health.get("old").failing()).isTrue();
    }

    @Test
    void aRemovedConnectionsDatabasesAreNotJudgedButTheirBackupsStillCount() {
        History h = new History()
                .ok("kept", NOW.minus(Duration.ofHours(2)), BackupStatus.VERIFIED)
                .profile("removed")
                .ok("gone", NOW.minus(Duration.ofDays(5)), BackupStatus.VERIFIED)
                .failed("gone", NOW.minus(Duration.ofHours(1)));

        DashboardStats s = stats.compute(h.catalog, h.runs, RPO, -1, new HealthScope(
                List.of(new HealthScope.Watched("prod", "kept", null)), Map.of()));

        assertThat(s.health()).as("issue 19: a removed connection stayed red").extracting(DatabaseHealth::key)
                .containsExactly("prod/kept");
        assertThat(s.backups()).isEqualTo(2);
    }

    @Test
    void nothingYetGivesEmptyCardsNotZeros() {
        DashboardStats s = stats.compute(List.of(), List.of(), RPO, -1);

        assertThat(s.backups()).isZero();
        assertThat(s.lastSuccess()).isNull();
        assertThat(s.successRate7d()).isNull();
        assertThat(s.averageDuration()).isNull();
        assertThat(s.compressionRatio()).isNull();
        assertThat(s.daily()).hasSize(30).allMatch(d -> d.succeeded() == 0 && d.failed() == 0);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void generatedHistoriesAgreeWithACountByHand(long seed) {
        History h = History.generated(seed, 45, NOW);

        DashboardStats s = stats.compute(h.catalog, h.runs, RPO, -1);

        LocalDate first = LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusDays(29);
        long okInWindow = h.runs.stream().filter(r -> r.status() == JobStatus.OK && !day(r).isBefore(first)).count();
        long failedInWindow = h.runs.stream().filter(r -> (r.status() == JobStatus.FAILED
                || r.status() == JobStatus.INTERRUPTED) && !day(r).isBefore(first)).count();
        assertThat(s.daily()).hasSize(30);
        assertThat(s.daily().stream().mapToInt(DashboardStats.DayRuns::succeeded).sum()).isEqualTo(okInWindow);
        assertThat(s.daily().stream().mapToInt(DashboardStats.DayRuns::failed).sum()).isEqualTo(failedInWindow);
        assertThat(s.storageByDatabase().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(s.totalBytes());
        s.storageOverTime().forEach((db, points) -> {
            assertThat(points).hasSize(30);
            assertThat(points).extracting(DashboardStats.DayValue::value).isSorted();
            assertThat(points.get(29).value()).isEqualTo(s.storageByDatabase().get(db));
        });
        for (DatabaseHealth d : s.health()) {
            assertThat(d.health()).isEqualTo(expectedHealth(h.catalog, h.runs, d.database()));
        }
        if (s.successRate30d() != null) {
            long ended = h.runs.stream().filter(r -> r.startedAt().isAfter(NOW.minus(Duration.ofDays(30))))
                    .filter(r -> r.status() != JobStatus.CANCELLED && r.status() != JobStatus.SKIPPED).count();
            long ok = h.runs.stream().filter(r -> r.startedAt().isAfter(NOW.minus(Duration.ofDays(30))))
                    .filter(r -> r.status() == JobStatus.OK).count();
            assertThat(s.successRate30d()).isCloseTo((double) ok / ended, within(1e-9));
        }
    }

    /** The rule, written out plainly against the catalog and the runs. */
    private static Health expectedHealth(List<BackupCatalog.Entry> catalog, List<JobRun> runs, String database) {
        Optional<JobRun> newestRun = runs.stream().filter(r -> r.database().equals(database))
                .filter(r -> r.status() == JobStatus.OK || r.status() == JobStatus.FAILED
                        || r.status() == JobStatus.INTERRUPTED).max(java.util.Comparator.comparing(JobRun::startedAt));
        if (newestRun.isPresent() && newestRun.get().status() != JobStatus.OK) {
            return Health.RED;
        }
        Instant limit = NOW.minus(RPO);
        List<BackupCatalog.Entry> fresh = catalog.stream().filter(e -> e.record().database().equals(database))
                .filter(e -> e.record().createdAt().isAfter(limit)).toList();
        Optional<BackupCatalog.Entry> verified = fresh.stream().filter(e -> e.status() == BackupStatus.VERIFIED).findAny();
        Optional<BackupCatalog.Entry> ok = fresh.stream().filter(e -> e.status() == BackupStatus.OK).findAny();
        return verified.isPresent() ? Health.GREEN : ok.isPresent() ? Health.AMBER : Health.RED;
    }

    private static LocalDate day(JobRun r) {
        return LocalDate.ofInstant(r.startedAt(), ZoneId.of("UTC"));
    }
}
