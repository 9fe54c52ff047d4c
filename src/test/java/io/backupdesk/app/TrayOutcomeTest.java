package io.backupdesk.app;

import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TrayOutcomeTest {
    private static final Instant START = Instant.parse("2026-05-04T14:00:00Z");

    private static JobRun run(JobStatus status) {
        return JobRun.builder().id("r1").kind(JobRun.KIND_BACKUP).profile("shop").database("orders").origin("manual")
                .startedAt(START).finishedAt(START.plusMillis(4_200)).status(status).sizeBytes(2_411_724).backupId("b1")
                .build();
    }

    @Test
    void aBackupStartedFromTheTraySaysItBeganAndWhatItMade() {
        assertThat(TrayOutcome.started("shop").title()).isEqualTo("Backing up shop");

        TrayOutcome done = TrayOutcome.finished(run(JobStatus.OK));

        assertThat(done.title()).isEqualTo("Backup of shop/orders done");
        assertThat(done.text()).isEqualTo("2.3 MB in 4.2 s.");
    }

    @Test
    void aFailedRunIsLeftToTheFailureNotice() {
        assertThat(TrayOutcome.finished(run(JobStatus.FAILED))).isNull();
    }
}
