package io.backupdesk.backup;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.RetentionPolicy;
import io.backupdesk.core.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The retention decisions: exact cases, and the "never" rules held over many generated histories and policies. */
class RetentionRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final ZoneId UTC = ZoneOffset.UTC;

    @Test
    void keepLastKeepsTheNewestGoodOnesAndLetsTheRestGo() {
        List<BackupCatalog.Entry> daily = days(10, BackupStatus.VERIFIED);

        RetentionPlan plan = plan(daily, new RetentionPolicy(3, null, null, null, null), false);

        assertThat(plan.toDelete()).hasSize(7);
        assertThat(kept(plan)).extracting(e -> e.record().createdAt())
                .containsExactlyInAnyOrder(ago(0), ago(1), ago(2));
    }

    @Test
    void gfsKeepsTheNewestOfEachDayWeekAndMonth() {
        List<BackupCatalog.Entry> twiceADay = new ArrayList<>();
        for (int d = 0; d < 90; d++) {
            twiceADay.add(backup(ago(d), BackupStatus.VERIFIED, false));
            twiceADay.add(backup(ago(d).minus(Duration.ofHours(6)), BackupStatus.VERIFIED, false));
        }

        RetentionPlan plan = plan(twiceADay, new RetentionPolicy(null, 7, 4, 3, null), false);

        List<BackupCatalog.Entry> kept = kept(plan);
        assertThat(kept).allMatch(e -> e.record().createdAt().atZone(UTC).getHour() == 12);
        assertThat(kept.size()).isBetween(7 + 1, 7 + 4 + 3);
    }

    @Test
    void theMaximumAgeLetsOldOnesGoButNeverTheNewestVerified() {
        List<BackupCatalog.Entry> old = days(40, BackupStatus.OK);
        old.set(30, backup(ago(30), BackupStatus.VERIFIED, false));

        RetentionPlan plan = plan(old, new RetentionPolicy(null, null, null, null, Duration.ofDays(14)), false);

        assertThat(kept(plan)).hasSize(15 + 1);
        assertThat(plan.decisions()).filteredOn(d -> d.entry().record().createdAt().equals(ago(30)))
                .singleElement().satisfies(d -> assertThat(d.reason()).isEqualTo("kept: the newest verified backup"));
    }

    @Test
    void gfsCountsOfZeroAreNoRuleSoAMaximumAgeAloneKeepsWhatIsYounger() {
        RetentionPlan plan = plan(days(20, BackupStatus.OK), new RetentionPolicy(null, 0, 0, 0, Duration.ofDays(30)), false);

        assertThat(plan.toDelete()).isEmpty();
    }

    @Test
    void theNewestGoodBackupStaysEvenWhenAnOlderOneIsTheNewestVerified() {
        List<BackupCatalog.Entry> backups = days(5, BackupStatus.OK);
        backups.set(3, backup(ago(3), BackupStatus.VERIFIED, false));

        RetentionPlan plan = plan(backups, new RetentionPolicy(null, null, null, null, Duration.ofHours(1)), false);

        assertThat(kept(plan)).extracting(e -> e.record().createdAt()).containsExactlyInAnyOrder(ago(0), ago(3));
    }

    @Test
    void aFailedLatestRunDeletesNothingWhateverThePolicy() {
        RetentionPlan plan = plan(days(30, BackupStatus.VERIFIED), new RetentionPolicy(1, null, null, null,
                Duration.ofDays(1)), true);

        assertThat(plan.toDelete()).isEmpty();
        assertThat(plan.decisions()).allMatch(d -> d.reason().contains("latest backup run of this database failed"));
    }

    @Test
    void withoutARuleNothingGoes() {
        assertThat(plan(days(5, BackupStatus.OK), RetentionPolicy.none(), false).toDelete()).isEmpty();
    }

    static Stream<Long> seeds() {
        return LongStream.range(1, 201).boxed();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theNeverRulesHoldForAnyHistoryAndPolicy(long seed) {
        Random random = new Random(seed);
        List<BackupCatalog.Entry> history = new ArrayList<>();
        BackupStatus[] statuses = {BackupStatus.VERIFIED, BackupStatus.VERIFIED, BackupStatus.OK, BackupStatus.CORRUPT,
                BackupStatus.MISSING};
        int count = random.nextInt(60);
        for (int i = 0; i < count; i++) {
            history.add(backup(NOW.minus(Duration.ofHours(random.nextInt(24 * 400))), statuses[random.nextInt(statuses.length)],
                    random.nextInt(10) == 0));
        }
        RetentionPolicy policy = new RetentionPolicy(random.nextBoolean() ? 1 + random.nextInt(5) : null,
                random.nextBoolean() ? random.nextInt(10) : null, random.nextBoolean() ? random.nextInt(6) : null,
                random.nextBoolean() ? random.nextInt(4) : null,
                random.nextBoolean() ? Duration.ofDays(1 + random.nextInt(100)) : null);
        boolean failed = random.nextInt(5) == 0;

        RetentionPlan plan = plan(history, policy, failed);
        List<BackupCatalog.Entry> deleted = plan.toDelete();

        assertThat(plan.decisions()).hasSize(history.size());
        assertThat(deleted).noneMatch(e -> e.record().pinned());
        assertThat(deleted).allMatch(e -> e.status() == BackupStatus.OK || e.status() == BackupStatus.VERIFIED);
        if (failed) {
            assertThat(deleted).isEmpty();
        }
        history.stream().filter(e -> e.status() == BackupStatus.VERIFIED)
                .max(Comparator.comparing(e -> e.record().createdAt()))
                .ifPresent(newestVerified -> assertThat(deleted).doesNotContain(newestVerified));
        long good = history.stream().filter(e -> e.status() == BackupStatus.OK || e.status() == BackupStatus.VERIFIED).count();
        if (good > 0) {
            assertThat(good - deleted.size()).as("at least one good backup stays").isPositive();
        }
        if (policy.keepLast() != null && policy.maxAge() == null) {
            assertThat(good - deleted.size()).isGreaterThanOrEqualTo(Math.min(policy.keepLast(), good));
        }
        if (policy.isNone()) {
            assertThat(deleted).isEmpty();
        }
    }

    private static RetentionPlan plan(List<BackupCatalog.Entry> backups, RetentionPolicy policy, boolean failed) {
        return RetentionRules.plan("prod", "sales", backups, policy, failed, NOW, UTC);
    }

    private static List<BackupCatalog.Entry> kept(RetentionPlan plan) {
        return plan.decisions().stream().filter(d -> !d.delete()).map(RetentionPlan.Decision::entry).toList();
    }

    private static List<BackupCatalog.Entry> days(int count, BackupStatus status) {
        List<BackupCatalog.Entry> list = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            list.add(backup(ago(d), status, false));
        }
        return list;
    }

    private static Instant ago(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    private static BackupCatalog.Entry backup(Instant at, BackupStatus status, boolean pinned) {
        String id = Long.toHexString(at.toEpochMilli()) + status.ordinal() + (pinned ? "p" : "");
        BackupRecord r = BackupRecord.builder().id(id).profile("prod").host("db1").port(5432).database("sales")
                .serverVersion("15").pgDumpVersion("15").format(BackupFormat.CUSTOM).compression("gzip:1")
                .options(BackupOptions.defaults()).fileName(id + ".dump").sizeBytes(1000).databaseSizeBytes(10_000)
                .sha256("0".repeat(64)).createdAt(at).durationMillis(1000).status(BackupStatus.OK)
                .verification(status == BackupStatus.VERIFIED
                        ? new Verification(BackupStatus.VERIFIED, at, null) : null)
                .origin(BackupRecord.ORIGIN_MANUAL).pinned(pinned).build();
        return new BackupCatalog.Entry(r, Path.of("/backups/prod/sales/" + id + ".backup.json"), status);
    }
}
