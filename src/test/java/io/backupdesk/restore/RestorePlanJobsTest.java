package io.backupdesk.restore;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.SslMode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RestorePlanJobsTest {
    private static final ConnectionProfile PROD = new ConnectionProfile("prod", "db1", 5432, "sales", "admin",
            SslMode.PREFER, null);

    @Test
    void anEncryptedBackupIsRestoredByOneWorkerUnlessMoreAreAskedFor() {
        assertThat(plan(backup(BackupFormat.CUSTOM, true), 0).jobs()).as("streamed into pg_restore").isOne();
        assertThat(RestorePlan.defaultJobs(backup(BackupFormat.CUSTOM, true))).isOne();
        assertThat(plan(backup(BackupFormat.CUSTOM, true), 2).jobs()).as("asked for: a decrypted copy").isEqualTo(2);
        assertThat(plan(backup(BackupFormat.CUSTOM, true), 0).streamable()).isTrue();
        assertThat(plan(backup(BackupFormat.CUSTOM, true), 2).streamable()).as("workers seek in a file").isFalse();
    }

    @Test
    void anUnencryptedArchiveKeepsTheDefaultOfItsFormat() {
        assertThat(plan(backup(BackupFormat.CUSTOM, false), 0).jobs())
                .isEqualTo(RestorePlan.defaultJobs(BackupFormat.CUSTOM));
        assertThat(RestorePlan.defaultJobs(backup(BackupFormat.TAR, false))).isOne();
    }

    @Test
    void rowsInPlaceInTheOrderOfTheirKeysNeverStreamSinceTheyMayBeReadOutOfTheArchivesOrder() {
        RestoreFlags rows = RestoreFlags.builder().dataOnly(true).build();
        RestoreFlags rowsAndKeys = RestoreFlags.builder().sections(List.of(RestoreSection.DATA,
                RestoreSection.POST_DATA)).build();

        assertThat(inPlace(rows).ordersRowsByForeignKeys()).isTrue();
        assertThat(inPlace(rows).streamable()).as("a pipe loads the rows it meets first, then stops").isFalse();
        assertThat(inPlace(rows).jobs()).isOne();
        assertThat(inPlace(rowsAndKeys).streamable()).as("the keys are dropped first: the archive's order").isTrue();
    }

    private static RestorePlan inPlace(RestoreFlags flags) {
        BackupCatalog.Entry entry = new BackupCatalog.Entry(backup(BackupFormat.CUSTOM, true), Path.of("s.backup.json"),
                BackupStatus.OK);
        return new RestorePlan(entry, PROD, "sales", RestoreMode.IN_PLACE, 0, false, false, false, List.of(),
                List.of(), true, false, Set.of(), flags);
    }

    private static RestorePlan plan(BackupRecord record, int jobs) {
        BackupCatalog.Entry entry = new BackupCatalog.Entry(record, Path.of("sales.backup.json"), BackupStatus.OK);
        return new RestorePlan(entry, PROD, "sales", RestoreMode.NEW_DATABASE, jobs, false, false, false, List.of(),
                List.of(), true, false, Set.of());
    }

    private static BackupRecord backup(BackupFormat format, boolean encrypted) {
        return BackupRecord.builder().id("b1").profile("prod").host("db1").port(5432).database("sales")
                .serverVersion("15.4").pgDumpVersion("15.4").format(format).compression("gzip:1")
                .options(BackupOptions.ofFormat(format)).fileName(encrypted ? "sales.dump.age" : "sales.dump")
                .sizeBytes(1000).databaseSizeBytes(10_000).sha256("0".repeat(64))
                .createdAt(Instant.parse("2026-11-20T02:00:00Z")).durationMillis(1000).status(BackupStatus.OK)
                .origin(BackupRecord.ORIGIN_MANUAL).encrypted(encrypted)
                .recipients(encrypted ? List.of("age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq") : List.of())
                .build();
    }
}
