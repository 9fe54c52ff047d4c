package io.backupdesk.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The builders of the wide records against their canonical constructors. The full records below are built by
 * position on purpose: they are the reference each builder is checked against, with every component set to a value
 * of its own.
 */
class RecordBuildersTest {
    private static final Instant AT = Instant.parse("2026-05-04T02:30:00Z");

    private static BackupOptions fullOptions() {
        return new BackupOptions(BackupFormat.DIRECTORY, Compression.parse("zstd:3"), 3, List.of("sales"),
                List.of("tmp*"), List.of("sales.orders"), List.of("sales.audit"), DumpScope.SCHEMA_ONLY, true,
                "nightly", Duration.ofHours(2), Duration.ofSeconds(30), List.of("offsite", "age1example"),
                List.of("nas", "bucket"), new DumpFlags(List.of("data"), true, true, true, List.of("audit"), false,
                "UTF8", "reader", false, true, 50, true, false, false, false), 1_000_000L);
    }

    private static BackupRecord fullRecord() {
        return new BackupRecord(7, "b1", "prod", "db1", 5433, "sales", "16.2", "16.3", BackupFormat.DIRECTORY,
                "zstd:3", fullOptions(), "sales_20260504-023000_nightly", 2_411_724, 9_000_000, "ab".repeat(32),
                Map.of("toc.dat", "cd".repeat(32)), "sales.globals.sql", "ef".repeat(32), AT, 4_200,
                List.of(new TableCount("sales", "orders", 300L)), "nightly", BackupStatus.OK,
                new Verification(BackupStatus.VERIFIED, AT.plusSeconds(5), "read in full"), "schedule:s1", true, true, List.of("age1example"), "set1");
    }

    private static JobRun fullRun() {
        return new JobRun(7, "r1", JobRun.KIND_RESTORE, "prod", "sales", "schedule:s1", AT, AT.plusSeconds(42),
                JobStatus.FAILED, 1234, "b1", ErrorKind.DISK_FULL, "disk full");
    }

    private static RestoreRecord fullRestore() {
        return new RestoreRecord(7, "x1", "b1", "prod", "sales", "safe-replace", AT, AT.plusSeconds(600), "complete",
                "sales_aside", "b0", AT.plusSeconds(900), "sales_restored");
    }

    private static Schedule fullSchedule() {
        return new Schedule("s1", "prod", "30 2 * * *", "Europe/Berlin", true, fullOptions(),
                new RetentionPolicy(7, 7, 4, 12, Duration.ofDays(400)), Schedule.CatchUp.SKIP, true, AT,
                AT.plusSeconds(60), "lean", "nightly", Schedule.OptionsFrom.PRESET);
    }

    @Test
    void theBackupRecordBuilderSetsAndCopiesEveryComponent() {
        BuilderContract.assertCoversEveryComponent(fullRecord(), BackupRecord.builder().build(), BackupRecord::builder,
                BackupRecord::toBuilder);
    }

    @Test
    void theBackupOptionsBuilderSetsAndCopiesEveryComponent() {
        // the custom format alone would meet three parallel jobs, which only the directory format takes
        BuilderContract.assertCoversEveryComponent(fullOptions(), BackupOptions.builder().build(),
                BackupOptions::builder, BackupOptions::toBuilder, "format");
    }

    @Test
    void theJobRunBuilderSetsAndCopiesEveryComponent() {
        BuilderContract.assertCoversEveryComponent(fullRun(), JobRun.builder().build(), JobRun::builder,
                JobRun::toBuilder);
    }

    @Test
    void theRestoreRecordBuilderSetsAndCopiesEveryComponent() {
        BuilderContract.assertCoversEveryComponent(fullRestore(), RestoreRecord.builder().build(),
                RestoreRecord::builder, RestoreRecord::toBuilder);
    }

    @Test
    void theScheduleBuilderSetsAndCopiesEveryComponent() {
        // a preset is named only where the options come from one, so those two are set together
        BuilderContract.assertCoversEveryComponent(fullSchedule(), Schedule.builder().profile("other").build(),
                Schedule::builder, Schedule::toBuilder, "preset", "optionsFrom");
    }

    @Test
    void anUntouchedOptionsBuilderGivesTheDefaults() {
        assertThat(BackupOptions.builder().build()).isEqualTo(BackupOptions.defaults());
        assertThat(BackupOptions.builder().format(BackupFormat.DIRECTORY).build().jobs())
                .isEqualTo(BackupOptions.defaultJobs());
    }

    @Test
    void theOptionsBuilderRefusesWhatTheConstructorRefuses() {
        assertThatThrownBy(() -> BackupOptions.builder().jobs(2).build())
                .isInstanceOf(BackupDeskException.class)
                .hasMessage("Parallel jobs need the directory format.");
    }

    @Test
    void theWorkerCountIsCopiedAsResolvedSoLeavingTheDirectoryFormatNamesItAgain() {
        BackupOptions directory = BackupOptions.builder().format(BackupFormat.DIRECTORY).jobs(3).build();

        assertThatThrownBy(() -> directory.toBuilder().format(BackupFormat.CUSTOM).build())
                .isInstanceOf(BackupDeskException.class);
        assertThat(directory.toBuilder().format(BackupFormat.CUSTOM).jobs(0).build().jobs()).isEqualTo(1);
    }

    @Test
    void theRecordsStartAtTheCurrentSchemaVersion() {
        assertThat(BackupRecord.builder().build().schemaVersion()).isEqualTo(BackupRecord.SCHEMA_VERSION);
        assertThat(JobRun.builder().build().schemaVersion()).isEqualTo(JobRun.SCHEMA_VERSION);
        assertThat(RestoreRecord.builder().build().schemaVersion()).isEqualTo(RestoreRecord.SCHEMA_VERSION);
    }

    @Test
    void anUntouchedBackupRecordHasEmptyListsNotNulls() {
        BackupRecord empty = BackupRecord.builder().build();

        assertThat(empty.files()).isEmpty();
        assertThat(empty.tables()).isEmpty();
        assertThat(empty.pinned()).isFalse();
    }

    @Test
    void aScheduleFromTheBuilderStillNeedsAProfileAndGetsTheDefaultsAround() {
        assertThatThrownBy(() -> Schedule.builder().id("s1").build())
                .isInstanceOf(BackupDeskException.class)
                .hasMessage("A schedule needs a connection profile.");

        Schedule minimal = Schedule.builder().profile("prod").build();
        assertThat(minimal.options()).isEqualTo(BackupOptions.defaults());
        assertThat(minimal.retention().isNone()).isTrue();
        assertThat(minimal.catchUp()).isEqualTo(Schedule.CatchUp.RUN_ONCE);
    }

    @Test
    void aListGivenToABuilderIsCopiedSoLaterChangesDoNotLeakIn() {
        List<TableCount> tables = new ArrayList<>(List.of(new TableCount("public", "a", 1L)));
        BackupRecord record = BackupRecord.builder().tables(tables).build();
        tables.add(new TableCount("public", "b", 2L));

        assertThat(record.tables()).extracting(TableCount::name).containsExactly("a");
    }

    @Test
    void theNamedCopiesChangeOnlyWhatTheySay() {
        BackupRecord record = fullRecord();
        Verification corrupt = new Verification(BackupStatus.CORRUPT, AT.plusSeconds(99), "checksum differs");

        assertThat(record.withVerification(corrupt).verification()).isEqualTo(corrupt);
        assertThat(record.withVerification(corrupt)).usingRecursiveComparison().ignoringFields("verification")
                .isEqualTo(record);
        assertThat(record.withPinned(false).pinned()).isFalse();
        assertThat(record.withPinned(false)).usingRecursiveComparison().ignoringFields("pinned").isEqualTo(record);
        assertThat(fullRestore().withoutAside()).isEqualTo(new RestoreRecord(7, "x1", "b1", "prod", "sales",
                "safe-replace", AT, AT.plusSeconds(600), "complete", null, "b0", AT.plusSeconds(900),
                "sales_restored"));
        assertThat(fullRestore().rolledBack(AT.plusSeconds(1000), "kept")).isEqualTo(new RestoreRecord(7, "x1", "b1",
                "prod", "sales", "safe-replace", AT, AT.plusSeconds(600), "complete", null, "b0",
                AT.plusSeconds(1000), "kept"));
    }
}
