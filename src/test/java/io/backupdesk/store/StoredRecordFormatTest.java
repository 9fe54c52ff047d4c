package io.backupdesk.store;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.Compression;
import io.backupdesk.core.DumpFlags;
import io.backupdesk.core.DumpScope;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.RestoreRecord;
import io.backupdesk.core.RetentionPolicy;
import io.backupdesk.core.Schedule;
import io.backupdesk.core.TableCount;
import io.backupdesk.core.Verification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact text the records take in sidecars, history lines, restore records and the schedules file. Files written
 * by earlier versions sit in backup folders shared between desks, so a change to a record's methods must not add,
 * drop, rename or reorder a field: every component is set here, and the text is compared whole. The records are made
 * with their builders, as the app makes them; the expected text is what the records wrote before they had builders.
 * Fields are only ever added last (the keys to encrypt to, and whether and to what a backup is encrypted, issue 16),
 * which earlier versions read past: they ignore fields they do not know.
 */
class StoredRecordFormatTest {
    private static final Instant AT = Instant.parse("2026-05-04T02:30:00Z");
    private static final String PUBLIC_KEY = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";

    private static final String OPTIONS_JSON = "{\"format\":\"DIRECTORY\",\"compression\":{\"method\":\"ZSTD\","
            + "\"level\":3,\"none\":false},\"jobs\":3,\"schemas\":[\"sales\"],\"excludeSchemas\":[\"tmp*\"],"
            + "\"tables\":[\"sales.orders\"],\"excludeTables\":[\"sales.audit\"],\"scope\":\"SCHEMA_ONLY\","
            + "\"globals\":true,\"label\":\"nightly\",\"timeout\":\"PT2H\",\"lockWaitTimeout\":\"PT30S\","
            + "\"encryptTo\":[\"ops-key\",\"" + PUBLIC_KEY + "\"],\"copyTo\":[\"nas\"],"
            + "\"dump\":{\"sections\":[\"pre-data\"],\"noOwner\":true,\"noPrivileges\":true,\"noTablespaces\":true,"
            + "\"excludeTableData\":[\"sales.log\"],\"largeObjects\":false,\"encoding\":\"UTF8\",\"role\":\"reader\","
            + "\"inserts\":false,\"columnInserts\":true,\"rowsPerInsert\":50,\"quoteAllIdentifiers\":true,"
            + "\"create\":false,\"clean\":false,\"ifExists\":false},\"maxSizeBytes\":1073741824}";

    private static BackupOptions options() {
        return BackupOptions.builder().format(BackupFormat.DIRECTORY).compression(Compression.parse("zstd:3")).jobs(3)
                .schemas(List.of("sales")).excludeSchemas(List.of("tmp*")).tables(List.of("sales.orders"))
                .excludeTables(List.of("sales.audit")).scope(DumpScope.SCHEMA_ONLY).globals(true).label("nightly")
                .timeout(Duration.ofHours(2)).lockWaitTimeout(Duration.ofSeconds(30))
                .encryptTo(List.of("ops-key", PUBLIC_KEY)).copyTo(List.of("nas"))
                .dump(new DumpFlags(List.of("pre-data"), true, true, true, List.of("sales.log"), false, "UTF8", "reader",
                        false, true, 50, true, false, false, false)).maxSizeBytes(1_073_741_824L).build();
    }

    @Test
    void aSidecarKeepsEveryFieldNameAndItsPlace() throws Exception {
        BackupRecord record = BackupRecord.builder().id("b1").profile("prod").host("db1").port(5433).database("sales")
                .serverVersion("16.2").pgDumpVersion("16.3").format(BackupFormat.DIRECTORY).compression("zstd:3")
                .options(options()).fileName("sales_20260504-023000_nightly").sizeBytes(2_411_724)
                .databaseSizeBytes(9_000_000).sha256("ab".repeat(32)).files(Map.of("toc.dat", "cd".repeat(32)))
                .globalsFile("sales_20260504-023000_nightly.globals.sql").globalsSha256("ef".repeat(32))
                .createdAt(AT).durationMillis(4_200).tables(List.of(new TableCount("sales", "orders", 300L)))
                .label("nightly").status(BackupStatus.OK)
                .verification(new Verification(BackupStatus.VERIFIED, AT.plusSeconds(5), "read in full"))
                .origin("schedule:s1").pinned(true).encrypted(true).recipients(List.of(PUBLIC_KEY)).set("set1").build();
        String json = "{\"schemaVersion\":1,\"id\":\"b1\",\"profile\":\"prod\",\"host\":\"db1\",\"port\":5433,"
                + "\"database\":\"sales\",\"serverVersion\":\"16.2\",\"pgDumpVersion\":\"16.3\","
                + "\"format\":\"DIRECTORY\",\"compression\":\"zstd:3\",\"options\":" + OPTIONS_JSON + ","
                + "\"fileName\":\"sales_20260504-023000_nightly\",\"sizeBytes\":2411724,"
                + "\"databaseSizeBytes\":9000000,\"sha256\":\"" + "ab".repeat(32) + "\","
                + "\"files\":{\"toc.dat\":\"" + "cd".repeat(32) + "\"},"
                + "\"globalsFile\":\"sales_20260504-023000_nightly.globals.sql\","
                + "\"globalsSha256\":\"" + "ef".repeat(32) + "\",\"createdAt\":\"2026-05-04T02:30:00Z\","
                + "\"durationMillis\":4200,\"tables\":[{\"schema\":\"sales\",\"name\":\"orders\",\"rows\":300}],"
                + "\"label\":\"nightly\",\"status\":\"OK\",\"verification\":{\"status\":\"VERIFIED\","
                + "\"at\":\"2026-05-04T02:30:05Z\",\"message\":\"read in full\"},\"origin\":\"schedule:s1\","
                + "\"pinned\":true,\"encrypted\":true,\"recipients\":[\"" + PUBLIC_KEY + "\"],\"set\":\"set1\"}";

        assertWrittenAndReadAs(record, json, BackupRecord.class);
    }

    @Test
    void aHistoryLineKeepsEveryFieldNameAndItsPlace() throws Exception {
        JobRun run = JobRun.builder().id("r1").kind(JobRun.KIND_BACKUP).profile("prod").database("sales")
                .origin("schedule:s1").startedAt(AT).finishedAt(AT.plusSeconds(42)).status(JobStatus.FAILED)
                .sizeBytes(1234).backupId("b1").errorKind(ErrorKind.DISK_FULL).error("disk full").build();
        String json = "{\"schemaVersion\":1,\"id\":\"r1\",\"kind\":\"backup\",\"profile\":\"prod\","
                + "\"database\":\"sales\",\"origin\":\"schedule:s1\",\"startedAt\":\"2026-05-04T02:30:00Z\","
                + "\"finishedAt\":\"2026-05-04T02:30:42Z\",\"status\":\"FAILED\",\"sizeBytes\":1234,"
                + "\"backupId\":\"b1\",\"errorKind\":\"DISK_FULL\",\"error\":\"disk full\"}";

        assertWrittenAndReadAs(run, json, JobRun.class);
    }

    @Test
    void aRestoreRecordKeepsEveryFieldNameAndItsPlace() throws Exception {
        RestoreRecord restore = RestoreRecord.builder().id("x1").backupId("b1").profile("prod").database("sales")
                .mode("safe-replace").startedAt(AT).finishedAt(AT.plusSeconds(600)).outcome("complete")
                .asideDatabase("sales_aside").safetyBackupId("b0").rolledBackAt(AT.plusSeconds(900))
                .restoredCopy("sales_restored").build();
        String json = "{\"schemaVersion\":1,\"id\":\"x1\",\"backupId\":\"b1\",\"profile\":\"prod\","
                + "\"database\":\"sales\",\"mode\":\"safe-replace\",\"startedAt\":\"2026-05-04T02:30:00Z\","
                + "\"finishedAt\":\"2026-05-04T02:40:00Z\",\"outcome\":\"complete\",\"asideDatabase\":\"sales_aside\","
                + "\"safetyBackupId\":\"b0\",\"rolledBackAt\":\"2026-05-04T02:45:00Z\","
                + "\"restoredCopy\":\"sales_restored\"}";

        assertWrittenAndReadAs(restore, json, RestoreRecord.class);
    }

    @Test
    void aScheduleKeepsEveryFieldNameAndItsPlace() throws Exception {
        Schedule schedule = Schedule.builder().id("s1").profile("prod").cron("30 2 * * *").zone("Europe/Berlin")
                .enabled(true).options(options()).retention(new RetentionPolicy(7, 7, 4, 12, Duration.ofDays(400)))
                .catchUp(Schedule.CatchUp.SKIP).testRestore(true).createdAt(AT).enabledAt(AT.plusSeconds(60)).preset("lean")
                .name("nightly").build();
        String json = "{\"id\":\"s1\",\"profile\":\"prod\",\"cron\":\"30 2 * * *\",\"zone\":\"Europe/Berlin\","
                + "\"enabled\":true,\"options\":" + OPTIONS_JSON + ",\"retention\":{\"keepLast\":7,\"daily\":7,"
                + "\"weekly\":4,\"monthly\":12,\"maxAge\":\"PT9600H\",\"none\":false},\"catchUp\":\"SKIP\","
                + "\"testRestore\":true,\"createdAt\":\"2026-05-04T02:30:00Z\","
                + "\"enabledAt\":\"2026-05-04T02:31:00Z\",\"preset\":\"lean\",\"name\":\"nightly\","
                + "\"optionsFrom\":\"PRESET\"}";

        assertWrittenAndReadAs(schedule, json, Schedule.class);
    }

    @Test
    void aScheduleWrittenBeforeNamesReadsWithoutOneAndDumpsAsItDidThen() throws Exception {
        String before = "{\"id\":\"s1\",\"profile\":\"prod\",\"cron\":\"30 2 * * *\",\"enabled\":true,"
                + "\"options\":" + OPTIONS_JSON + ",\"catchUp\":\"SKIP\",\"testRestore\":false,"
                + "\"createdAt\":\"2026-05-04T02:30:00Z\"";

        Schedule own = Json.mapper().readValue(before + "}", Schedule.class);
        Schedule withPreset = Json.mapper().readValue(before + ",\"preset\":\"lean\"}", Schedule.class);

        assertThat(own.name()).isNull();
        assertThat(own.optionsFrom()).as("its own options, as before").isEqualTo(Schedule.OptionsFrom.OWN);
        assertThat(own.describe()).isEqualTo("schedule of prod (s1)");
        assertThat(withPreset.name()).isNull();
        assertThat(withPreset.optionsFrom()).isEqualTo(Schedule.OptionsFrom.PRESET);
        assertThat(withPreset.preset()).isEqualTo("lean");
    }

    @Test
    void aStoredScheduleNameOrSourceThatCannotBeUsedIsLeftOutNotTheSchedule() throws Exception {
        String start = "{\"id\":\"s1\",\"profile\":\"prod\",\"cron\":\"30 2 * * *\",\"enabled\":true,";

        Schedule control = Json.mapper().readValue(start + "\"name\":\"a\\u001b[2Jb\"}", Schedule.class);
        Schedule tooLong = Json.mapper().readValue(start + "\"name\":\"" + "n".repeat(65) + "\"}", Schedule.class);
        Schedule blank = Json.mapper().readValue(start + "\"name\":\"  \"}", Schedule.class);
        Schedule padded = Json.mapper().readValue(start + "\"name\":\" nightly \"}", Schedule.class);
        Schedule presetless = Json.mapper().readValue(start + "\"optionsFrom\":\"PRESET\"}", Schedule.class);
        Schedule followsWithPreset = Json.mapper().readValue(start
                + "\"optionsFrom\":\"CONNECTION\",\"preset\":\"lean\"}", Schedule.class);

        assertThat(control.name()).as("a terminal escape in a name").isNull();
        assertThat(tooLong.name()).isNull();
        assertThat(blank.name()).isNull();
        assertThat(padded.name()).isEqualTo("nightly");
        assertThat(presetless.optionsFrom()).as("a preset named nowhere").isEqualTo(Schedule.OptionsFrom.OWN);
        assertThat(followsWithPreset.optionsFrom()).isEqualTo(Schedule.OptionsFrom.CONNECTION);
        assertThat(followsWithPreset.preset()).as("only a PRESET schedule names one").isNull();
    }

    @Test
    void optionsWrittenBeforeTheKeysToEncryptToReadAsNoKeys() throws Exception {
        String before = OPTIONS_JSON.substring(0, OPTIONS_JSON.indexOf(",\"encryptTo\"")) + "}";

        BackupOptions read = Json.mapper().readValue(before, BackupOptions.class);

        assertThat(read.encryptTo()).isEmpty();
        assertThat(read.copyTo()).isEmpty();
        assertThat(read.label()).isEqualTo("nightly");
    }

    @Test
    void aSidecarWrittenBeforeEncryptionReadsAsUnencrypted() throws Exception {
        String before = "{\"schemaVersion\":1,\"id\":\"b1\",\"profile\":\"prod\",\"database\":\"sales\","
                + "\"format\":\"CUSTOM\",\"fileName\":\"sales_20260504-023000.dump\",\"status\":\"OK\","
                + "\"createdAt\":\"2026-05-04T02:30:00Z\",\"pinned\":false}";

        BackupRecord read = Json.mapper().readValue(before, BackupRecord.class);

        assertThat(read.encrypted()).isFalse();
        assertThat(read.recipients()).isEmpty();
        assertThat(read.fileName()).isEqualTo("sales_20260504-023000.dump");
    }

    private static <T> void assertWrittenAndReadAs(T value, String json, Class<T> type) throws Exception {
        assertThat(Json.compact().writeValueAsString(value)).isEqualTo(json);
        assertThat(Json.mapper().readValue(json, type)).isEqualTo(value);
    }
}
