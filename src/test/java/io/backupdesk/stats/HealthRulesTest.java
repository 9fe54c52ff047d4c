package io.backupdesk.stats;

import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The health rules over the watched databases: failures, the RPO clock, and acknowledgements. */
class HealthRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final Duration RPO = Duration.ofHours(26);

    private static DatabaseHealth judge(History h, HealthScope.Watched watched, Map<String, Instant> acknowledged,
                                        Instant at) {
        return new StatsService(Clock.fixed(at, ZoneOffset.UTC)).health(h.catalog, h.runs, RPO,
                new HealthScope(List.of(watched), acknowledged)).get(0);
    }

    private static DatabaseHealth judge(History h, HealthScope.Watched watched) {
        return judge(h, watched, Map.of(), NOW);
    }

    private static HealthScope.Watched sales(Instant since) {
        return new HealthScope.Watched("prod", "sales", since);
    }

    @Test
    void aNewDatabaseIsAmberUntilTheRpoHasPassedSinceItsClockStartedThenPastItsRpo() {
        Instant added = NOW.minus(Duration.ofHours(25));

        DatabaseHealth fresh = judge(new History(), sales(added));
        DatabaseHealth later = judge(new History(), sales(added), Map.of(), NOW.plus(Duration.ofHours(2)));

        assertThat(fresh.health()).as("issue 19: new, not at once past its RPO").isEqualTo(Health.AMBER);
        assertThat(fresh.stale()).isFalse();
        assertThat(fresh.condition()).isNull();
        assertThat(later.health()).isEqualTo(Health.RED);
        assertThat(later.stale()).isTrue();
        assertThat(later.failing()).isFalse();
    }

    @Test
    void aFirstBackupThatFailsIsAFailureAtOnceAndAGoodRunAfterItMendsIt() {
        Instant added = NOW.minus(Duration.ofHours(2));
        History failed = new History().failed("sales", NOW.minus(Duration.ofHours(1)));
        History mended = new History().failed("sales", NOW.minus(Duration.ofHours(1)))
                .ok("sales", NOW.minus(Duration.ofMinutes(30)), BackupStatus.VERIFIED);

        DatabaseHealth red = judge(failed, sales(added));

        assertThat(red.health()).isEqualTo(Health.RED);
        assertThat(red.failing()).isTrue();
        assertThat(red.stale()).as("a failure, not past its RPO").isFalse();
        assertThat(red.error()).isEqualTo("pg_dump failed");
        assertThat(judge(mended, sales(added)).health()).isEqualTo(Health.GREEN);
        assertThat(judge(mended, sales(added)).failing()).isFalse();
    }

    @Test
    void skippedAndCancelledRunsNeitherFailNorMendADatabase() {
        History h = new History().failed("sales", NOW.minus(Duration.ofHours(3)))
                .run("sales", NOW.minus(Duration.ofHours(2)), JobStatus.SKIPPED, null, 0, 0, Duration.ZERO)
                .run("sales", NOW.minus(Duration.ofHours(1)), JobStatus.CANCELLED, null, 0, 0, Duration.ZERO);

        assertThat(judge(h, sales(NOW.minus(Duration.ofDays(1)))).failing()).isTrue();
    }

    @Test
    void whatARemovedNamesakeLeftBeforeTheClockStartedSaysNothingOfTheNewConnection() {
        // a connection of the same name was removed; its backups stay in the catalog and its last run had failed
        History h = new History().ok("sales", NOW.minus(Duration.ofDays(40)), BackupStatus.VERIFIED)
                .failed("sales", NOW.minus(Duration.ofDays(30)));

        DatabaseHealth readded = judge(h, sales(NOW.minus(Duration.ofHours(1))));

        assertThat(readded.failing()).as("the namesake's failure").isFalse();
        assertThat(readded.lastFailure()).isNull();
        assertThat(readded.stale()).as("its clock started an hour ago").isFalse();
        assertThat(readded.health()).isEqualTo(Health.AMBER);
    }

    @Test
    void withoutAClockStartTheClockStartsAtTheFirstBackupOrRun() {
        History h = new History().failed("sales", NOW.minus(Duration.ofHours(27)));

        assertThat(judge(h, sales(null)).since()).isEqualTo(NOW.minus(Duration.ofHours(27)));
        assertThat(judge(h, sales(null)).stale()).isTrue();
    }

    @Test
    void aClockStartInTheFutureFromAHandEditedFileStartsNow() {
        DatabaseHealth h = judge(new History(), sales(NOW.plus(Duration.ofDays(3650))));

        assertThat(h.since()).isEqualTo(NOW);
        assertThat(judge(new History(), sales(NOW.plus(Duration.ofDays(3650))), Map.of(),
                NOW.plus(Duration.ofHours(27))).stale()).as("judged against its own start, not ten years on")
                .isFalse();
    }

    @Test
    void anAcknowledgementHoldsForTheConditionAsItWasAndANewFailureRaisesItAgain() {
        Instant added = NOW.minus(Duration.ofHours(5));
        History once = new History().failed("sales", NOW.minus(Duration.ofHours(2)));
        String condition = judge(once, sales(added)).condition();

        DatabaseHealth acknowledged = judge(once, sales(added), Map.of(condition, NOW.minus(Duration.ofHours(1))), NOW);
        History twice = new History().failed("sales", NOW.minus(Duration.ofHours(2)))
                .failed("sales", NOW.minus(Duration.ofMinutes(10)));
        DatabaseHealth again = judge(twice, sales(added), Map.of(condition, NOW.minus(Duration.ofHours(1))), NOW);

        assertThat(acknowledged.acknowledgedAt()).isEqualTo(NOW.minus(Duration.ofHours(1)));
        assertThat(acknowledged.needsAttention()).isFalse();
        assertThat(acknowledged.health()).as("the truth is still shown").isEqualTo(Health.RED);
        assertThat(again.condition()).isNotEqualTo(condition);
        assertThat(again.acknowledged()).isFalse();
        assertThat(again.needsAttention()).isTrue();
    }

    @Test
    void anAcknowledgedFailureThatGoesPastTheRpoIsRaisedAgain() {
        Instant added = NOW.minus(Duration.ofHours(5));
        History h = new History().failed("sales", NOW.minus(Duration.ofHours(2)));
        String failure = judge(h, sales(added)).condition();

        DatabaseHealth crossed = judge(h, sales(added), Map.of(failure, NOW), NOW.plus(Duration.ofDays(1)));

        assertThat(crossed.stale()).isTrue();
        assertThat(crossed.acknowledged()).as("going past the RPO is something new").isFalse();
    }

    @Test
    void anAcknowledgedStaleDatabaseStaysQuietUntilAGoodBackupAndTheNextRpoCrossing() {
        History h = new History().ok("sales", NOW.minus(Duration.ofDays(3)), BackupStatus.VERIFIED);
        HealthScope.Watched watched = sales(NOW.minus(Duration.ofDays(10)));
        String stale = judge(h, watched).condition();

        DatabaseHealth dayLater = judge(h, watched, Map.of(stale, NOW), NOW.plus(Duration.ofDays(1)));
        h.ok("sales", NOW.plus(Duration.ofDays(2)), BackupStatus.VERIFIED);
        DatabaseHealth crossedAgain = judge(h, watched, Map.of(stale, NOW), NOW.plus(Duration.ofDays(4)));

        assertThat(dayLater.acknowledged()).as("the same episode, a day later").isTrue();
        assertThat(crossedAgain.stale()).isTrue();
        assertThat(crossedAgain.acknowledged()).isFalse();
    }

    @Test
    void aServerConnectionBeforeItsFirstSetIsJudgedByItsSetRuns() {
        History h = new History();
        Instant at = NOW.minus(Duration.ofHours(1));
        h.runs.add(JobRun.builder().id("set1").kind(JobRun.KIND_SET).profile("srv").origin("manual").startedAt(at)
                .finishedAt(at.plusSeconds(3)).status(JobStatus.FAILED).error("could not connect\nsecond line").build());

        DatabaseHealth server = judge(h, new HealthScope.Watched("srv", null, NOW.minus(Duration.ofHours(2))));

        assertThat(server.key()).isEqualTo("srv");
        assertThat(server.failing()).isTrue();
        assertThat(server.error()).as("its first line").isEqualTo("could not connect");
    }
}
