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

class JudgementTest {
    private static final ConnectionProfile PROD = new ConnectionProfile("prod", "db1", 5432, "sales", "dba", SslMode.PREFER, null);

    @Test
    void theErrorTheToolStoppedAtIsRealEvenWhenItsWordsSoundHarmless() {
        ToolOutput output = new ToolOutput();
        output.accept("pg_restore: creating SCHEMA \"information_schema\"");
        output.accept("pg_restore: error: could not execute query: ERROR:  schema \"information_schema\" already exists");

        RestoreReport report = Judgement.of("r1", plan(), "sales", new ToolRestore.Outcome(1, output), List.of(), null);

        assertThat(report.outcome()).isEqualTo(RestoreReport.Outcome.FAILED);
        assertThat(report.harmlessErrors()).isEmpty();
        assertThat(report.realErrors()).singleElement().asString().contains("information_schema\" already exists");
        assertThat(report.succeeded()).isFalse();
    }

    @Test
    void oneTableAndOneRowAreCountedInTheSingular() {
        ToolOutput output = new ToolOutput();

        RestoreReport report = Judgement.of("r1", plan(), "sales", new ToolRestore.Outcome(0, output),
                List.of(new TableComparison("public", "notes", 1L, 1L)), null);

        assertThat(report.summary()).contains("the one table and 1 row match the backup")
                .doesNotContain("all 1 tables").doesNotContain("1 rows");
    }

    @Test
    void rowsAreGroupedAsTheScreensShowThem() {
        RestoreReport report = Judgement.of("r1", plan(), "sales", new ToolRestore.Outcome(0, new ToolOutput()),
                List.of(new TableComparison("public", "orders", 305_000L, 305_000L),
                        new TableComparison("public", "notes", 2L, 2L)), null);

        assertThat(report.summary()).contains("all 2 tables and 305,002 rows match the backup");
    }

    private static RestorePlan plan() {
        BackupRecord record = BackupRecord.builder().id("b1").profile("prod").host("db1").port(5432).database("sales")
                .serverVersion("15.4").pgDumpVersion("15.4").format(BackupFormat.CUSTOM).compression("gzip:1")
                .options(BackupOptions.ofFormat(BackupFormat.CUSTOM)).fileName("sales.dump").sizeBytes(1000)
                .databaseSizeBytes(10_000).sha256("0".repeat(64)).createdAt(Instant.parse("2026-11-20T02:00:00Z"))
                .durationMillis(1000).status(BackupStatus.OK).origin(BackupRecord.ORIGIN_MANUAL).build();
        BackupCatalog.Entry entry = new BackupCatalog.Entry(record, Path.of("sales.backup.json"), BackupStatus.OK);
        return new RestorePlan(entry, PROD, "sales", RestoreMode.NEW_DATABASE, 1, false, false, false, List.of(),
                List.of(), true, false, Set.of());
    }
}
