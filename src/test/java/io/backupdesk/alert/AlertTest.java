package io.backupdesk.alert;

import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.pg.ToolErrors;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The words of an alert: read on a phone by someone who did not see the app. */
class AlertTest {
    private static final Instant STARTED = Instant.parse("2026-11-21T02:00:00Z");
    private static final Instant ENDED = Instant.parse("2026-11-21T02:03:00Z");

    private static JobRun run(String kind, String origin, JobStatus status, ErrorKind errorKind, String error) {
        return JobRun.builder().id("run-42").kind(kind).profile("prod").database("sales").origin(origin)
                .startedAt(STARTED).finishedAt(ENDED).status(status).errorKind(errorKind).error(error).build();
    }

    @Test
    void aFailedScheduledBackupNamesDatabaseProfileErrorAndHint() {
        Alert alert = Alert.failedRun(run(JobRun.KIND_BACKUP, "schedule:nightly", JobStatus.FAILED, ErrorKind.AUTHENTICATION,
                "Could not log in to prod: the password was rejected."));

        assertThat(alert.title()).isEqualTo("Backup of sales on prod failed");
        assertThat(alert.severity()).isEqualTo(Alert.Severity.FAILURE);
        assertThat(alert.time()).isEqualTo(ENDED);
        assertThat(alert.body()).startsWith("The scheduled backup of database sales (connection profile prod) failed at ")
                .contains("Error: Could not log in to prod: the password was rejected.\n")
                .contains("What to do: " + ToolErrors.hintFor(ErrorKind.AUTHENTICATION) + "\n")
                .endsWith("Run run-42");
    }

    @Test
    void anInterruptedRunSaysSoAndARestoreIsNotCalledABackup() {
        Alert alert = Alert.failedRun(run(JobRun.KIND_RESTORE, "manual", JobStatus.INTERRUPTED, null,
                "Backup Desk was closed while it ran."));

        assertThat(alert.title()).isEqualTo("Restore of sales on prod was interrupted");
        assertThat(alert.body()).startsWith("The restore of database sales").doesNotContain("What to do");
    }

    @Test
    void aStaleDatabaseSaysHowOldItsNewestBackupIsAgainstTheRpo() {
        Instant now = Instant.parse("2026-11-22T09:30:00Z");

        Alert alert = Alert.stale("prod", "sales", Instant.parse("2026-11-21T02:00:00Z"), Duration.ofHours(26), now);

        assertThat(alert.title()).isEqualTo("sales on prod has no backup for 31 hours");
        assertThat(alert.severity()).isEqualTo(Alert.Severity.WARNING);
        assertThat(alert.time()).isEqualTo(now);
        assertThat(alert.body()).contains("The recovery-point objective is 26 hours.");
    }

    @Test
    void aDatabaseWithoutAnyBackupIsStaleToo() {
        Alert alert = Alert.stale("prod", "sales", null, Duration.ofHours(26), ENDED);

        assertThat(alert.title()).isEqualTo("sales on prod has no backup");
        assertThat(alert.body()).startsWith("Database sales (connection profile prod) has no good backup at all.");
    }

    @Test
    void spansAreSaidAsAPersonSaysThem() {
        assertThat(Alert.span(Duration.ofMinutes(1))).isEqualTo("1 minute");
        assertThat(Alert.span(Duration.ofMinutes(90))).isEqualTo("90 minutes");
        assertThat(Alert.span(Duration.ofHours(71))).isEqualTo("71 hours");
        assertThat(Alert.span(Duration.ofDays(9))).isEqualTo("9 days");
    }

    @Test
    void theTextForAChatIsTitleThenBody() {
        Alert alert = Alert.test(ENDED);

        assertThat(alert.text()).startsWith("Test alert from Backup Desk\n\nThis is a test.");
        assertThat(alert.severity()).isEqualTo(Alert.Severity.INFO);
    }
}
