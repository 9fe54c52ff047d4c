package io.backupdesk.tray;

import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.stats.DatabaseHealth;
import io.backupdesk.stats.Health;
import io.backupdesk.ui.Messages;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TrayStatusTest {
    private static final Instant NOW = Instant.parse("2026-05-04T14:00:00Z");
    /** The desktop's own texts: the tooltips below are what a user reads. */
    private static final TrayTexts TEXTS = Messages::get;

    private static JobRun run(String database, String at, JobStatus status) {
        Instant start = Instant.parse(at);
        return JobRun.builder().id(at).kind(JobRun.KIND_BACKUP).profile("prod").database(database).origin("schedule:s")
                .startedAt(start).finishedAt(start.plusSeconds(30)).status(status).sizeBytes(10)
                .error(status == JobStatus.FAILED ? "boom" : null).build();
    }

    private static DatabaseHealth health(String database, Health health) {
        return new DatabaseHealth("prod", database, null, null, null, health);
    }

    /** A database whose newest run failed, as the health judges it. */
    private static DatabaseHealth failing(String database, Instant at) {
        return new DatabaseHealth("prod", database, null, null, at, Health.RED, at, true, false, "boom", null);
    }

    private static TrayStatus status(boolean running, List<JobRun> history, List<DatabaseHealth> health) {
        return TrayStatus.of(running, false, history, health, 0, Optional.of(Instant.parse("2026-05-05T02:30:00Z")),
                NOW, ZoneOffset.UTC, TEXTS);
    }

    @Test
    void allGoodSaysTheLastAndNextRun() {
        TrayStatus s = status(false, List.of(run("sales", "2026-05-04T02:30:00Z", JobStatus.OK)),
                List.of(health("sales", Health.GREEN)));

        assertThat(s.state()).isEqualTo(TrayState.OK);
        assertThat(s.tooltip()).isEqualTo("Backup Desk: all good · last sales ok 02:30 · next Tue 02:30");
        assertThat(s.alerts()).isEmpty();
    }

    @Test
    void aFailingDatabaseTurnsTheIconRedWithItsNameAndItsConditionToAcknowledge() {
        Instant at = Instant.parse("2026-05-04T02:30:00Z");
        List<JobRun> history = List.of(run("sales", "2026-05-04T02:30:00Z", JobStatus.FAILED));

        TrayStatus s = status(false, history, List.of(failing("sales", at), health("crm", Health.GREEN)));

        assertThat(s.state()).isEqualTo(TrayState.FAILED);
        assertThat(s.tooltip()).startsWith("Backup Desk: the last backup of prod/sales failed");
        assertThat(s.alerts()).containsExactly(failing("sales", at).condition());
    }

    @Test
    void anAcknowledgedAlertNoLongerColoursTheIcon() {
        Instant at = Instant.parse("2026-05-04T02:30:00Z");
        List<DatabaseHealth> acknowledged = List.of(failing("sales", at).acknowledgedAt(NOW),
                health("crm", Health.RED).acknowledgedAt(NOW));

        TrayStatus s = status(false, List.of(run("sales", "2026-05-04T02:30:00Z", JobStatus.FAILED)), acknowledged);

        assertThat(s.state()).as("issue 19: red until something new happens").isEqualTo(TrayState.OK);
        assertThat(s.alerts()).isEmpty();
    }

    @Test
    void aDatabaseTheHealthDoesNotWatchNoLongerTurnsTheTrayRed() {
        List<JobRun> history = List.of(run("sales", "2026-05-04T02:30:00Z", JobStatus.FAILED));

        TrayStatus removed = TrayStatus.of(false, false, history, List.of(), 0, Optional.empty(), NOW,
                ZoneOffset.UTC, TEXTS);

        assertThat(removed.state()).as("issue 19: a removed connection's last failure").isEqualTo(TrayState.OK);
        assertThat(removed.failedDatabases()).isEmpty();
    }

    @Test
    void runningBeatsFailedAndFailedBeatsStale() {
        List<JobRun> failed = List.of(run("sales", "2026-05-04T02:30:00Z", JobStatus.FAILED));
        List<DatabaseHealth> stale = List.of(health("crm", Health.RED), health("sales", Health.AMBER));
        List<DatabaseHealth> staleAndFailing = List.of(health("crm", Health.RED),
                failing("sales", Instant.parse("2026-05-04T02:30:00Z")));

        assertThat(status(true, failed, staleAndFailing).state()).isEqualTo(TrayState.RUNNING);
        assertThat(status(true, failed, staleAndFailing).tooltip())
                .isEqualTo("Backup Desk: a backup is running · last sales failed 02:30 · next Tue 02:30");
        assertThat(status(false, failed, staleAndFailing).state()).isEqualTo(TrayState.FAILED);
        TrayStatus onlyStale = status(false, List.of(), stale);
        assertThat(onlyStale.state()).isEqualTo(TrayState.STALE);
        assertThat(onlyStale.staleDatabases()).containsExactly("prod/crm");
        assertThat(onlyStale.tooltip()).isEqualTo("Backup Desk: prod/crm past the RPO · next Tue 02:30");
    }

    @Test
    void failedCopiesOffTheDeskAreAWarningThatABackupFailureOrAStaleDatabaseOutranks() {
        List<JobRun> good = List.of(run("sales", "2026-05-04T02:30:00Z", JobStatus.OK));

        TrayStatus copies = TrayStatus.of(false, false, good, List.of(), 2, Optional.empty(), NOW, ZoneOffset.UTC, TEXTS);
        TrayStatus staleToo = TrayStatus.of(false, false, good, List.of(health("crm", Health.RED)), 2,
                Optional.empty(), NOW, ZoneOffset.UTC, TEXTS);
        TrayStatus failedToo = TrayStatus.of(false, false, List.of(run("sales", "2026-05-04T02:30:00Z",
                JobStatus.FAILED)), List.of(failing("sales", Instant.parse("2026-05-04T02:30:00Z"))), 2,
                Optional.empty(), NOW, ZoneOffset.UTC, TEXTS);

        assertThat(copies.state()).isEqualTo(TrayState.STALE);
        assertThat(copies.tooltip()).startsWith("Backup Desk: 2 copies off the desk failed · last sales ok 02:30");
        assertThat(staleToo.tooltip()).startsWith("Backup Desk: prod/crm past the RPO");
        assertThat(failedToo.state()).isEqualTo(TrayState.FAILED);
    }

    @Test
    void pausedSchedulesAreSaidAndLongTooltipsAreCutForWindows() {
        TrayStatus paused = TrayStatus.of(false, true, List.of(), List.of(), 0, Optional.empty(), NOW, ZoneOffset.UTC,
                TEXTS);
        assertThat(paused.tooltip()).endsWith("next paused");

        List<DatabaseHealth> many = java.util.stream.IntStream.range(0, 30).mapToObj(i -> health("database_" + i, Health.RED))
                .toList();
        assertThat(status(false, List.of(), many).tooltip()).hasSize(127).endsWith("…");
    }
}
