package io.backupdesk.backup;

import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.RetentionPolicy;
import io.backupdesk.core.Schedule;
import io.backupdesk.store.JobHistory;
import io.backupdesk.testing.SidecarFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Retention is planned from rules over an origin's backups; it needs no schedule to plan with. */
class OriginRetentionTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final RetentionPolicy KEEP_ONE = new RetentionPolicy(1, null, null, null, null);

    @TempDir
    Path dir;
    private RetentionService retention;

    /** Three backups schedule a made, two of schedule b, one made by hand; the newest is the hand-made one. */
    @BeforeEach
    void backupsOfThreeOrigins() throws Exception {
        write("a1", "schedule:a", 6);
        write("a2", "schedule:a", 5);
        write("a3", "schedule:a", 4);
        write("b1", "schedule:b", 3);
        write("b2", "schedule:b", 2);
        write("m1", BackupRecord.ORIGIN_MANUAL, 1);
        BackupCatalog catalog = new BackupCatalog(new BackupLayout(dir.resolve("backups")), w -> { });
        retention = new RetentionService(catalog, new JobHistory(dir.resolve("config"), w -> { }), Clock.systemUTC());
    }

    @Test
    void aPolicyPrunesOnlyTheBackupsOfItsOriginAndKeepsTheOthers() {
        RetentionPlan plan = retention.plan("p", "db", List.of(new OriginRetention("schedule:a", KEEP_ONE, UTC)));

        assertThat(plan.toDelete()).extracting(e -> e.record().id()).containsExactlyInAnyOrder("b00000000a1", "b00000000a2");
        assertThat(plan.decisions()).filteredOn(d -> !d.entry().record().origin().equals("schedule:a"))
                .hasSize(3).allSatisfy(d -> assertThat(d.reason()).startsWith("kept: made by hand"));
    }

    @Test
    void rulesThatKeepEverythingDeleteNothing() {
        RetentionPlan plan = retention.plan("p", "db", List.of(new OriginRetention("schedule:a", null, UTC),
                new OriginRetention("schedule:b", RetentionPolicy.none(), UTC)));

        assertThat(plan.decisions()).hasSize(6);
        assertThat(plan.toDelete()).isEmpty();
    }

    @Test
    void theRulesOfAProfilesSchedulesAreThoseWithRulesOfThatProfileOnly() {
        Schedule a = schedule("a", "p", KEEP_ONE, "Europe/Berlin");
        Schedule b = schedule("b", "p", null, null);
        Schedule elsewhere = schedule("c", "q", KEEP_ONE, null);

        List<OriginRetention> rules = OriginRetention.ofSchedules("p", List.of(a, b, elsewhere));

        assertThat(rules).containsExactly(new OriginRetention("schedule:a", KEEP_ONE, ZoneId.of("Europe/Berlin")));
        assertThat(retention.plan("p", "db", rules).toDelete()).extracting(e -> e.record().id())
                .containsExactlyInAnyOrder("b00000000a1", "b00000000a2");
    }

    private static Schedule schedule(String id, String profile, RetentionPolicy policy, String zone) {
        return Schedule.builder().id(id).profile(profile).cron("0 2 * * *").zone(zone).enabled(true).retention(policy)
                .createdAt(NOW.minusSeconds(86_400)).build();
    }

    private void write(String name, String origin, int hoursAgo) throws Exception {
        SidecarFiles.write(dir.resolve("backups"), "b00000000" + name, "p", "db", origin, NOW.minus(hoursAgo, ChronoUnit.HOURS));
    }
}
