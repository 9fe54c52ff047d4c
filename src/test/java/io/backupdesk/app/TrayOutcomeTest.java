package io.backupdesk.app;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.Verification;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TrayOutcomeTest {
    private static final Instant START = Instant.parse("2026-05-04T14:00:00Z");

    private static JobRun run(JobStatus status) {
        return JobRun.builder().id("r1").kind(JobRun.KIND_BACKUP).profile("shop").database("orders").origin("manual")
                .startedAt(START).finishedAt(START.plusMillis(4_200)).status(status).sizeBytes(2_411_724)
                .backupId(status == JobStatus.OK ? "b1" : null)
                .error(status == JobStatus.OK ? null : "could not connect to server: Connection refused\nIs the server"
                        + " running on host \"db1\"?").build();
    }

    private static BackupCatalog.Entry verified() {
        BackupRecord record = BackupRecord.builder().id("b1").profile("shop").host("db1").port(5432).database("orders")
                .serverVersion("15.4").pgDumpVersion("15.4").format(BackupFormat.CUSTOM).compression("gzip:1")
                .options(BackupOptions.defaults()).fileName("orders.dump").sizeBytes(2_411_724).sha256("0".repeat(64))
                .createdAt(START).durationMillis(3_900).status(BackupStatus.OK)
                .verification(new Verification(BackupStatus.VERIFIED, START.plusSeconds(4), null))
                .origin(BackupRecord.ORIGIN_MANUAL).build();
        return new BackupCatalog.Entry(record, Path.of("/b/shop/orders/b1.backup.json"), BackupStatus.VERIFIED);
    }

    @Test
    void aBackupStartedFromTheTraySaysItBeganAndWhatItMadeInTheWindowsWords() {
        assertThat(TrayOutcome.started("shop").title()).isEqualTo("Backing up shop");

        TrayOutcome done = TrayOutcome.finished(run(JobStatus.OK), Optional.of(verified()), Optional.empty());

        assertThat(done.title()).isEqualTo("Backup of shop/orders done");
        assertThat(done.text()).as("issue 19: the outcome, read back or not").isEqualTo("shop/orders: 2.3 MB, verified in 3.9 s");
        assertThat(done.failed()).isFalse();
    }

    @Test
    void aBackupWhoseSidecarCannotBeReadSaysWhatTheRunKnows() {
        TrayOutcome done = TrayOutcome.finished(run(JobStatus.OK), Optional.empty(), Optional.empty());

        assertThat(done.text()).isEqualTo("shop/orders: 2.3 MB in 4.2 s");
    }

    @Test
    void aFailedRunSaysWhyBrieflyOnOneLine() {
        TrayOutcome failed = TrayOutcome.finished(run(JobStatus.FAILED), Optional.empty(), Optional.empty());
        TrayOutcome notRun = TrayOutcome.failed("shop", new BackupDeskException(ErrorKind.CONNECTION,
                "x".repeat(400), "Check the host."));

        assertThat(failed.failed()).isTrue();
        assertThat(failed.title()).isEqualTo("Backup of shop/orders failed");
        assertThat(failed.text()).isEqualTo("shop/orders failed: could not connect to server: Connection refused");
        assertThat(notRun.text()).startsWith("shop failed: xxx").endsWith("…").hasSizeLessThan(200);
    }
}
