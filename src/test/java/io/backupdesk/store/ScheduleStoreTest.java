package io.backupdesk.store;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.Compression;
import io.backupdesk.core.RetentionPolicy;
import io.backupdesk.core.Schedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleStoreTest {
    @TempDir
    Path config;

    private final List<String> warnings = new ArrayList<>();

    private ScheduleStore store() {
        return new ScheduleStore(config, warnings::add);
    }

    private static Schedule schedule(String id, String profile) {
        BackupOptions options = BackupOptions.builder().format(BackupFormat.DIRECTORY)
                .compression(Compression.parse("3")).jobs(2).schemas(List.of("sales"))
                .excludeTables(List.of("sales.audit_*")).globals(true).label("nightly").timeout(Duration.ofHours(2))
                .build();
        return Schedule.builder().id(id).profile(profile).cron("30 2 * * *").zone("Europe/Berlin").enabled(true)
                .options(options).retention(new RetentionPolicy(7, 14, 8, 12, Duration.ofDays(400)))
                .catchUp(Schedule.CatchUp.SKIP).testRestore(true).createdAt(Instant.parse("2026-11-01T10:00:00Z"))
                .build();
    }

    @Test
    void aScheduleComesBackAsItWasSaved() {
        Schedule saved = schedule("s1", "prod");
        store().save(saved);

        assertThat(store().require("s1")).isEqualTo(saved);
        assertThat(warnings).isEmpty();
    }

    @Test
    void savingTheSameIdReplacesAndRemoveForgets() {
        store().save(schedule("s1", "prod"));
        store().save(schedule("s2", "dev"));
        store().save(schedule("s1", "prod").withEnabled(false, null));

        assertThat(store().list()).extracting(Schedule::id).containsExactly("s2", "s1");
        assertThat(store().require("s1").enabled()).isFalse();
        assertThat(store().remove("s2")).isTrue();
        assertThat(store().remove("s2")).isFalse();
        assertThat(store().list()).extracting(Schedule::id).containsExactly("s1");
    }

    @Test
    void leftOutFieldsTakeTheirDefaults() throws Exception {
        Files.writeString(config.resolve("schedules.json"), """
                {"schemaVersion":1,"schedules":[{"id":"a","profile":"prod","cron":"0 * * * *","enabled":true}]}""");

        Schedule read = store().require("a");
        assertThat(read.options()).isEqualTo(BackupOptions.defaults());
        assertThat(read.retention().isNone()).isTrue();
        assertThat(read.catchUp()).isEqualTo(Schedule.CatchUp.RUN_ONCE);
        assertThat(read.origin()).isEqualTo("schedule:a");
    }

    @Test
    void aRemovedScheduleLeavesItsNameConnectionAndIdBehindAndThePauseStays() {
        store().save(schedule("s1", "prod").toBuilder().name("nightly").build());
        store().save(schedule("s2", "dev"));
        Instant paused = Instant.parse("2026-11-02T10:00:00Z");
        store().pause(paused);

        assertThat(store().remove("s1", paused.plusSeconds(60))).isTrue();
        assertThat(store().remove("s2", paused.plusSeconds(120))).isTrue();
        assertThat(store().remove("s2", paused.plusSeconds(180))).as("gone already").isFalse();

        assertThat(store().list()).isEmpty();
        assertThat(store().removed()).containsExactly(
                new ScheduleStore.Removed("s1", "nightly", "prod", paused.plusSeconds(60)),
                new ScheduleStore.Removed("s2", null, "dev", paused.plusSeconds(120)));
        assertThat(store().pausedSince()).contains(paused);
    }

    @Test
    void aFileWithoutNamesOrRemovedSchedulesStillLoadsAndAnEditedRemovedListKeepsWhatItCan() throws Exception {
        Files.writeString(config.resolve("schedules.json"), """
                {"schemaVersion":1,"schedules":[{"id":"a","profile":"prod","cron":"0 * * * *","enabled":true,
                 "options":{"format":"TAR"}}],
                 "removed":[null,{"name":"no id"},{"id":"b","name":"\\u0007bell","profile":"prod"},
                            {"id":"c","name":"weekly","profile":"dev"}]}""");

        Schedule read = store().require("a");

        assertThat(read.name()).isNull();
        assertThat(read.optionsFrom()).as("what a schedule of that time did").isEqualTo(Schedule.OptionsFrom.OWN);
        assertThat(read.options().format()).isEqualTo(BackupFormat.TAR);
        assertThat(store().removed()).extracting(ScheduleStore.Removed::id, ScheduleStore.Removed::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b", null),
                        org.assertj.core.groups.Tuple.tuple("c", "weekly"));
        assertThat(warnings).isEmpty();
    }

    @Test
    void anUnknownIdIsAConfigurationErrorNamingTheListCommand() {
        assertThatThrownBy(() -> store().require("nope")).hasMessageContaining("no schedule 'nope'")
                .satisfies(e -> {
                    io.backupdesk.core.BackupDeskException bde = (io.backupdesk.core.BackupDeskException) e;
                    assertThat(bde.hint()).doesNotContain("backupdesk");
                    assertThat(bde.commandLineHint()).contains("backupdesk schedule list");
                });
    }
}
