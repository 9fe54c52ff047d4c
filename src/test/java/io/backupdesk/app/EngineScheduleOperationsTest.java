package io.backupdesk.app;

import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.RetentionPolicy;
import io.backupdesk.core.Schedule;
import io.backupdesk.core.SslMode;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.engine.Engine;
import io.backupdesk.schedule.BackupScheduler;
import io.backupdesk.testing.SidecarFiles;
import io.backupdesk.ui.schedules.ScheduleOperations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedules screen's retention preview plans the rules on the screen over the backups the edited schedule made,
 * together with the other schedules' rules, from the policies alone.
 */
class EngineScheduleOperationsTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final RetentionPolicy KEEP_ONE = new RetentionPolicy(1, null, null, null, null);

    @TempDir
    Path dir;
    private Engine engine;

    /** The edited schedule made three backups and has no rules stored; the other keeps its newest of two. */
    @BeforeEach
    void twoSchedulesWithBackups() throws Exception {
        engine = new Engine(new AppPaths(dir.resolve("config"), dir.resolve("config")), dir.resolve("backups"), w -> { });
        engine.profiles().save(new ConnectionProfile("prod", "db.example.internal", 5432, "sales", "backup",
                SslMode.PREFER, null));
        Schedule.Builder daily = Schedule.builder().profile("prod").zone("UTC").enabled(true)
                .createdAt(NOW.minus(10, ChronoUnit.DAYS));
        engine.schedules().save(daily.id("edited").cron("0 2 * * *").build());
        engine.schedules().save(daily.id("other").cron("0 3 * * *").retention(KEEP_ONE).build());
        backup("e00000000001", "schedule:edited", 9);
        backup("e00000000002", "schedule:edited", 8);
        backup("e00000000003", "schedule:edited", 7);
        backup("o00000000001", "schedule:other", 6);
        backup("o00000000002", "schedule:other", 5);
        backup("m00000000001", "manual", 4);
    }

    @Test
    void theEditedRulesPruneTheEditedSchedulesBackupsAndTheOtherRulesStillHold() {
        ScheduleOperations.Preview preview;
        try (BackupScheduler scheduler = engine.newScheduler(problem -> { })) {
            preview = new EngineScheduleOperations(engine, scheduler).preview("prod", KEEP_ONE, "edited", ZoneId.of("UTC"));
        }

        assertThat(preview.database()).isEqualTo("sales");
        assertThat(preview.otherRules()).isEqualTo(1);
        assertThat(preview.entries()).hasSize(6);
        assertThat(preview.entries()).filteredOn(ScheduleOperations.PreviewEntry::delete)
                .extracting(ScheduleOperations.PreviewEntry::backupId)
                .containsExactlyInAnyOrder("e00000000001", "e00000000002", "o00000000001");
        assertThat(engine.schedules().require("edited").retention().isNone()).as("a preview stores nothing").isTrue();
    }

    @Test
    void aNewScheduleHasMadeNoBackupsSoOnlyTheOtherRulesDecide() {
        ScheduleOperations.Preview preview;
        try (BackupScheduler scheduler = engine.newScheduler(problem -> { })) {
            preview = new EngineScheduleOperations(engine, scheduler).preview("prod", KEEP_ONE, null, ZoneId.of("UTC"));
        }

        assertThat(preview.otherRules()).as("the edited schedule has no rules stored").isEqualTo(1);
        assertThat(preview.entries()).filteredOn(ScheduleOperations.PreviewEntry::delete)
                .extracting(ScheduleOperations.PreviewEntry::backupId).containsExactly("o00000000001");
    }

    @Test
    void rulesThatKeepEverythingOnTheScreenDeleteNothingOfTheEditedSchedule() {
        ScheduleOperations.Preview preview;
        try (BackupScheduler scheduler = engine.newScheduler(problem -> { })) {
            preview = new EngineScheduleOperations(engine, scheduler)
                    .preview("prod", RetentionPolicy.none(), "other", ZoneId.of("UTC"));
        }

        assertThat(preview.otherRules()).as("the edited schedule's stored rules are replaced, not counted").isZero();
        assertThat(preview.entries()).noneMatch(ScheduleOperations.PreviewEntry::delete);
    }

    private void backup(String id, String origin, int hoursAgo) throws Exception {
        SidecarFiles.write(dir.resolve("backups"), id, "prod", "sales", origin, NOW.minus(hoursAgo, ChronoUnit.HOURS));
    }
}
