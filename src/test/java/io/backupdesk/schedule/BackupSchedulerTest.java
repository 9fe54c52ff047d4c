package io.backupdesk.schedule;

import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.Schedule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

import static io.backupdesk.schedule.SchedulerRig.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The scheduler's timing over a hand-moved clock: when runs start, and which are skipped or caught up. */
class BackupSchedulerTest {
    private static final String BERLIN = "Europe/Berlin";

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    @Test
    void firesAtTheRightInstantsAcrossAWeek() {
        // Monday 5 January 2026, midnight in Berlin (UTC+1 in winter)
        SchedulerRig rig = new SchedulerRig(at("2026-01-04T23:00:00Z"));
        rig.schedules.add(schedule("nightly", "sales", "30 2 * * *", BERLIN, null, rig.time.instant()));
        rig.schedules.add(schedule("weekdays", "crm", "0 */6 * * 1-5", BERLIN, null, rig.time.instant()));
        rig.schedules.add(schedule("sunday", "dwh", "15 4 * * 0", BERLIN, null, rig.time.instant()));
        try (BackupScheduler scheduler = rig.inline(1)) {
            scheduler.start();
            rig.time.advance(Duration.ofDays(7).minusMinutes(1));
        }

        assertThat(rig.ranAt("nightly")).containsExactly(at("2026-01-05T01:30:00Z"), at("2026-01-06T01:30:00Z"),
                at("2026-01-07T01:30:00Z"), at("2026-01-08T01:30:00Z"), at("2026-01-09T01:30:00Z"),
                at("2026-01-10T01:30:00Z"), at("2026-01-11T01:30:00Z"));
        // 06, 12, 18 on Monday, then 00, 06, 12, 18 Tuesday to Friday; nothing at the weekend
        assertThat(rig.ranAt("weekdays")).hasSize(19).startsWith(at("2026-01-05T05:00:00Z"))
                .endsWith(at("2026-01-09T17:00:00Z"))
                .allSatisfy(t -> assertThat(t.atZone(java.time.ZoneId.of(BERLIN)).getDayOfWeek().getValue()).isLessThan(6));
        assertThat(rig.ranAt("sunday")).containsExactly(at("2026-01-11T03:15:00Z"));
        assertThat(rig.skipped()).isEmpty();
    }

    @Test
    void aRunInTheSpringForwardGapRunsOnceWhenTheClocksJump() {
        // on 29 March 2026 Berlin's clocks jump from 02:00 to 03:00: 02:30 does not exist that night
        SchedulerRig rig = new SchedulerRig(at("2026-03-28T12:00:00Z"));
        rig.schedules.add(schedule("nightly", "sales", "30 2 * * *", BERLIN, null, rig.time.instant()));
        try (BackupScheduler scheduler = rig.inline(1)) {
            scheduler.start();
            rig.time.advance(Duration.ofDays(2));
        }

        assertThat(rig.ranAt("nightly")).containsExactly(
                at("2026-03-29T01:00:00Z"),   // 03:00 CEST, the instant the clocks jumped
                at("2026-03-30T00:30:00Z"));  // 02:30 CEST
    }

    @Test
    void aRunInTheRepeatedFallBackHourRunsOnceAtItsFirstOccurrence() {
        // on 25 October 2026 Berlin's clocks go back from 03:00 to 02:00: 02:30 happens twice
        SchedulerRig rig = new SchedulerRig(at("2026-10-23T12:00:00Z"));
        rig.schedules.add(schedule("nightly", "sales", "30 2 * * *", BERLIN, null, rig.time.instant()));
        try (BackupScheduler scheduler = rig.inline(1)) {
            scheduler.start();
            rig.time.advance(Duration.ofDays(3));
        }

        assertThat(rig.ranAt("nightly")).containsExactly(
                at("2026-10-24T00:30:00Z"),   // 02:30 CEST
                at("2026-10-25T00:30:00Z"),   // 02:30 CEST, the first of the two; not again at 01:30Z
                at("2026-10-26T01:30:00Z"));  // 02:30 CET
    }

    @Test
    void runsMissedInASleepAreCaughtUpOnceOnWake() {
        SchedulerRig rig = new SchedulerRig(at("2026-05-04T10:10:00Z"));
        rig.schedules.add(schedule("hourly", "sales", "0 * * * *", "UTC", Schedule.CatchUp.RUN_ONCE, rig.time.instant()));
        try (BackupScheduler scheduler = rig.inline(1)) {
            scheduler.start();
            rig.time.advanceTo(at("2026-05-04T10:59:00Z"));
            rig.time.sleep(Duration.ofMinutes(4 * 60 + 58)); // the lid is closed over five hourly runs, until 15:57
            rig.time.advanceTo(at("2026-05-04T16:00:30Z"));

            // the clock watch ticks within a minute of waking: one run for all that was missed, then on schedule
            assertThat(rig.ranAt("hourly")).containsExactly(at("2026-05-04T15:58:00Z"), at("2026-05-04T16:00:00Z"));
            assertThat(scheduler.nextRun()).contains(at("2026-05-04T17:00:00Z"));
        }
        assertThat(rig.skipped()).isEmpty();
    }

    @Test
    void aScheduleThatDoesNotCatchUpRecordsTheMissedRunAsSkippedOnce() {
        SchedulerRig rig = new SchedulerRig(at("2026-05-04T10:10:00Z"));
        rig.schedules.add(schedule("hourly", "sales", "0 * * * *", "UTC", Schedule.CatchUp.SKIP, rig.time.instant()));
        try (BackupScheduler scheduler = rig.inline(1)) {
            scheduler.start();
            rig.time.advanceTo(at("2026-05-04T10:59:00Z"));
            rig.time.sleep(Duration.ofMinutes(4 * 60 + 58));
            rig.time.advanceTo(at("2026-05-04T16:00:30Z"));
        }

        assertThat(rig.ranAt("hourly")).containsExactly(at("2026-05-04T16:00:00Z"));
        assertThat(rig.skipped()).singleElement().satisfies(skip -> {
            assertThat(skip.origin()).isEqualTo("schedule:hourly");
            assertThat(skip.error()).contains("2026-05-04 11:00 UTC").contains("missed");
        });
    }

    @Test
    void runsMissedWhileTheAppWasClosedAreCaughtUpOnceAtStart() {
        SchedulerRig rig = new SchedulerRig(at("2026-05-04T10:10:00Z"));
        Instant created = at("2026-04-01T00:00:00Z");
        rig.schedules.add(schedule("hourly", "sales", "0 * * * *", "UTC", Schedule.CatchUp.RUN_ONCE, created));
        rig.schedules.add(schedule("daily", "crm", "0 3 * * *", "UTC", Schedule.CatchUp.SKIP, created));
        rig.schedules.add(schedule("fresh", "dwh", "0 3 * * *", "UTC", Schedule.CatchUp.RUN_ONCE, at("2026-05-04T09:00:00Z")));
        // the app last ran the hourly schedule two days ago, and never the daily one
        rig.history.add(new JobRun(JobRun.SCHEMA_VERSION, "old", JobRun.KIND_BACKUP, "sales", "sales", "schedule:hourly",
                at("2026-05-02T08:00:00Z"), at("2026-05-02T08:01:00Z"), JobStatus.OK, 1, null, null, null));
        try (BackupScheduler scheduler = rig.inline(1)) {
            scheduler.start();
            rig.time.advance(Duration.ofMinutes(5));
        }

        assertThat(rig.ranAt("hourly")).containsExactly(at("2026-05-04T10:10:00Z"));
        assertThat(rig.ranAt("daily")).isEmpty();
        assertThat(rig.skipped()).singleElement().extracting(JobRun::origin).isEqualTo("schedule:daily");
        assertThat(rig.ranAt("fresh")).as("created after its last due time: nothing was missed").isEmpty();
    }

    @Test
    void aRunThatWouldOverlapTheStillRunningOneIsRecordedAsSkipped() {
        SchedulerRig rig = new SchedulerRig(at("2026-05-04T10:00:30Z"));
        rig.schedules.add(schedule("minutely", "sales", "* * * * *", "UTC", null, rig.time.instant()));
        rig.schedules.add(schedule("other", "sales", "30 10 * * *", "UTC", null, rig.time.instant()));
        CountDownLatch longBackup = new CountDownLatch(1);
        rig.hold = longBackup;
        try (BackupScheduler scheduler = rig.threaded(4)) {
            scheduler.start();
            rig.time.advanceTo(at("2026-05-04T10:01:10Z"));
            await().until(() -> rig.runningNow.get() == 1);
            rig.time.advanceTo(at("2026-05-04T10:03:10Z"));

            assertThat(rig.skipped()).hasSize(2).allSatisfy(skip -> {
                assertThat(skip.status()).isEqualTo(JobStatus.SKIPPED);
                assertThat(skip.error()).contains("still running");
            });
            assertThat(scheduler.anyRunning()).isTrue();
            longBackup.countDown();
            rig.hold = null;
            await().until(() -> !scheduler.anyRunning());
            rig.time.advanceTo(at("2026-05-04T10:04:10Z"));
            await().until(() -> rig.ranAt("minutely").size() == 2);
        }
        // a job on its own thread notes the clock when it gets going, up to the ten seconds the test moved it on
        assertThat(rig.ranAt("minutely")).hasSize(2).satisfiesExactly(
                first -> assertThat(first).isBetween(at("2026-05-04T10:01:00Z"), at("2026-05-04T10:01:10Z")),
                second -> assertThat(second).isBetween(at("2026-05-04T10:04:00Z"), at("2026-05-04T10:04:10Z")));
        assertThat(rig.mostAtOnce).hasValue(1);
    }

    @Test
    void aSecondScheduleOfTheSameDatabaseIsSkippedWhileTheFirstRuns() {
        SchedulerRig rig = new SchedulerRig(at("2026-05-04T10:00:30Z"));
        rig.schedules.add(schedule("a", "sales", "1 10 * * *", "UTC", null, rig.time.instant()));
        rig.schedules.add(schedule("b", "sales", "2 10 * * *", "UTC", null, rig.time.instant()));
        rig.hold = new CountDownLatch(1);
        try (BackupScheduler scheduler = rig.threaded(4)) {
            scheduler.start();
            rig.time.advanceTo(at("2026-05-04T10:01:10Z"));
            await().until(() -> rig.runningNow.get() == 1);
            rig.time.advanceTo(at("2026-05-04T10:02:10Z"));
            rig.hold.countDown();
            await().until(() -> !scheduler.anyRunning());
        }
        assertThat(rig.ranAt("b")).isEmpty();
        assertThat(rig.skipped()).singleElement().extracting(JobRun::origin).isEqualTo("schedule:b");
    }

    @Test
    void theGlobalLimitMakesJobsOfOtherDatabasesWaitTheirTurn() {
        SchedulerRig rig = new SchedulerRig(at("2026-05-04T10:00:30Z"));
        rig.schedules.add(schedule("a", "sales", "1 10 * * *", "UTC", null, rig.time.instant()));
        rig.schedules.add(schedule("b", "crm", "1 10 * * *", "UTC", null, rig.time.instant()));
        CountDownLatch first = new CountDownLatch(1);
        rig.hold = first;
        try (BackupScheduler scheduler = rig.threaded(1)) {
            scheduler.start();
            rig.time.advanceTo(at("2026-05-04T10:01:10Z"));
            await().until(() -> rig.runningNow.get() == 1);
            assertThat(rig.ran).hasSize(1);
            rig.hold = null;
            first.countDown();
            await().until(() -> rig.ran.size() == 2 && !scheduler.anyRunning());
        }
        assertThat(rig.mostAtOnce).hasValue(1);
        assertThat(rig.skipped()).isEmpty();
    }

    @Test
    void pausedSchedulesDoNotRunAndResumingDoesNotCatchUpThePause() {
        SchedulerRig rig = new SchedulerRig(at("2026-05-04T10:10:00Z"));
        rig.schedules.add(schedule("hourly", "sales", "0 * * * *", "UTC", Schedule.CatchUp.RUN_ONCE, rig.time.instant()));
        try (BackupScheduler scheduler = rig.inline(1)) {
            scheduler.start();
            scheduler.pause();
            assertThat(scheduler.paused()).isTrue();
            assertThat(scheduler.nextRun()).isEmpty();
            assertThat(scheduler.states()).singleElement().extracting(BackupScheduler.State::nextRun).isNull();
            rig.time.advanceTo(at("2026-05-04T13:30:00Z"));
            assertThat(rig.ran).isEmpty();

            scheduler.resume();
            assertThat(scheduler.nextRun()).contains(at("2026-05-04T14:00:00Z"));
            rig.time.advanceTo(at("2026-05-04T14:30:00Z"));
        }
        assertThat(rig.ranAt("hourly")).containsExactly(at("2026-05-04T14:00:00Z"));
        assertThat(rig.skipped()).isEmpty();
    }

    @Test
    void aPauseOutlastsARestartAndResumingAfterItCatchesNothingUp() {
        SchedulerRig rig = new SchedulerRig(at("2026-05-04T10:10:00Z"));
        rig.schedules.add(schedule("hourly", "sales", "0 * * * *", "UTC", Schedule.CatchUp.RUN_ONCE, rig.time.instant()));
        try (BackupScheduler scheduler = rig.inline(1)) {
            scheduler.start();
            scheduler.pause();
        }
        assertThat(rig.pausedSince).isEqualTo(at("2026-05-04T10:10:00Z"));

        rig.time.advanceTo(at("2026-05-04T13:30:00Z"));   // the app closed, the machine rebooted, the app started again
        try (BackupScheduler scheduler = rig.inline(1)) {
            java.util.concurrent.atomic.AtomicBoolean pausedWhenTold = new java.util.concurrent.atomic.AtomicBoolean();
            scheduler.addListener(new BackupScheduler.Listener() {
                @Override
                public void stateChanged() {
                    pausedWhenTold.set(scheduler.paused());
                }
            });
            scheduler.start();
            assertThat(pausedWhenTold).as("the tray hears of the stored pause at start").isTrue();
            assertThat(scheduler.paused()).isTrue();
            assertThat(scheduler.nextRun()).isEmpty();
            rig.time.advanceTo(at("2026-05-04T14:30:00Z"));
            assertThat(rig.ran).as("no catch-up and no run while paused").isEmpty();

            scheduler.resume();
            assertThat(rig.pausedSince).isNull();
            rig.time.advanceTo(at("2026-05-04T15:30:00Z"));
        }
        assertThat(rig.ranAt("hourly")).containsExactly(at("2026-05-04T15:00:00Z"));
    }

    @Test
    void whatFellIntoAPauseEndedWhileTheAppWasClosedIsNotCaughtUp() {
        SchedulerRig rig = new SchedulerRig(at("2026-05-04T14:50:00Z"));
        rig.schedules.add(schedule("hourly", "sales", "0 * * * *", "UTC", Schedule.CatchUp.RUN_ONCE,
                at("2026-05-04T09:30:00Z")));
        rig.resumedAt = at("2026-05-04T14:05:00Z");   // paused at 10:00, resumed with 'schedule resume'
        try (BackupScheduler scheduler = rig.inline(1)) {
            scheduler.start();
            assertThat(rig.ran).as("11:00 to 14:00 fell into the pause").isEmpty();
            rig.time.advanceTo(at("2026-05-04T15:30:00Z"));
        }
        assertThat(rig.ranAt("hourly")).containsExactly(at("2026-05-04T15:00:00Z"));
    }

    @Test
    void aScheduleSwitchedOnAgainDoesNotCatchUpWhatCameDueWhileItWasOff() {
        SchedulerRig rig = new SchedulerRig(at("2026-05-04T10:10:00Z"));
        Schedule nightly = schedule("nightly", "sales", "30 2 * * *", "UTC", Schedule.CatchUp.RUN_ONCE,
                at("2026-01-01T00:00:00Z"));
        rig.ranOk("nightly", at("2026-02-01T02:30:00Z"));
        // switched off on 1 February, switched on again this morning at 09:00, with the app closed since
        rig.schedules.add(nightly.withEnabled(false, null).withEnabled(true, at("2026-05-04T09:00:00Z")));
        try (BackupScheduler scheduler = rig.inline(1)) {
            scheduler.start();
            assertThat(rig.ran).as("three months off are not three months missed").isEmpty();
            rig.time.advanceTo(at("2026-05-05T03:00:00Z"));
        }
        assertThat(rig.ranAt("nightly")).containsExactly(at("2026-05-05T02:30:00Z"));
    }

    @Test
    void aRunMissedBeforeAPauseBeganIsStillCaughtUpAfterIt() {
        SchedulerRig rig = new SchedulerRig(at("2026-05-04T03:15:00Z"));
        rig.schedules.add(schedule("nightly", "sales", "0 2 * * *", "UTC", Schedule.CatchUp.RUN_ONCE,
                at("2026-05-01T00:00:00Z")));
        rig.ranOk("nightly", at("2026-05-03T02:00:00Z"));
        // the app was closed at 02:00; someone paused at 02:05 and resumed at 02:10
        rig.storePause(at("2026-05-04T02:05:00Z"));
        rig.storeResume(at("2026-05-04T02:10:00Z"));
        try (BackupScheduler scheduler = rig.inline(1)) {
            scheduler.start();
        }
        assertThat(rig.ranAt("nightly")).containsExactly(at("2026-05-04T03:15:00Z"));
    }

    @Test
    void aPauseStoredByAnotherProcessStopsARunDueBeforeTheNextLook() {
        SchedulerRig rig = new SchedulerRig(at("2026-05-04T01:59:30Z"));   // the watch looks at :30 each minute
        rig.schedules.add(schedule("nightly", "sales", "0 2 * * *", "UTC", Schedule.CatchUp.RUN_ONCE, rig.time.instant()));
        try (BackupScheduler scheduler = rig.inline(1)) {
            scheduler.start();
            rig.time.advanceTo(at("2026-05-04T01:59:45Z"));
            rig.storePause(rig.time.instant());                                // 'backupdesk schedule pause'
            rig.time.advanceTo(at("2026-05-04T02:01:00Z"));
            assertThat(scheduler.paused()).isTrue();
        }
        assertThat(rig.ran).isEmpty();
    }

    @Test
    void aResumeStoredByAnotherProcessJustBeforeARunStillRunsIt() {
        SchedulerRig rig = new SchedulerRig(at("2026-05-04T01:58:20Z"));   // the watch looks at :20 each minute
        rig.schedules.add(schedule("nightly", "sales", "0 2 * * *", "UTC", Schedule.CatchUp.RUN_ONCE,
                at("2026-05-01T00:00:00Z")));
        rig.ranOk("nightly", at("2026-05-03T02:00:00Z"));
        rig.storePause(at("2026-05-03T12:00:00Z"));
        try (BackupScheduler scheduler = rig.inline(1)) {
            scheduler.start();
            rig.time.advanceTo(at("2026-05-04T01:59:30Z"));
            rig.storeResume(rig.time.instant());                               // 'backupdesk schedule resume'
            rig.time.advanceTo(at("2026-05-04T02:01:00Z"));
        }
        assertThat(rig.ranAt("nightly")).as("02:00 came due after the resume, before the app looked")
                .containsExactly(at("2026-05-04T02:00:20Z"));
    }

    @Test
    void runDueRunsNothingWhilePausedAndNothingThatFellIntoThePause() {
        SchedulerRig rig = new SchedulerRig(at("2026-05-04T14:50:00Z"));
        rig.schedules.add(schedule("hourly", "sales", "0 * * * *", "UTC", null, at("2026-05-04T09:30:00Z")));
        DueRuns due = new DueRuns(rig, rig, RunRequest::profile, rig.claims, rig, rig.time);
        rig.storePause(at("2026-05-04T10:00:00Z"));
        assertThat(due.due()).isEmpty();

        rig.storeResume(at("2026-05-04T14:05:00Z"));
        assertThat(due.due()).as("14:00 was in the pause, 15:00 has not come").isEmpty();
        rig.time.advanceTo(at("2026-05-04T15:01:00Z"));
        assertThat(due.due()).extracting(Schedule::id).containsExactly("hourly");
    }

    @Test
    void aPauseAndResumeByAnotherProcessAreTakenOverWithinAMinute() {
        SchedulerRig rig = new SchedulerRig(at("2026-05-04T10:10:00Z"));
        rig.schedules.add(schedule("hourly", "sales", "0 * * * *", "UTC", Schedule.CatchUp.RUN_ONCE, rig.time.instant()));
        try (BackupScheduler scheduler = rig.inline(1)) {
            scheduler.start();
            rig.storePause(at("2026-05-04T10:20:00Z"));   // 'backupdesk schedule pause'
            rig.time.advanceTo(at("2026-05-04T10:22:00Z"));
            assertThat(scheduler.paused()).isTrue();
            assertThat(scheduler.nextRun()).isEmpty();
            rig.time.advanceTo(at("2026-05-04T12:10:00Z"));
            assertThat(rig.ran).isEmpty();

            rig.storeResume(at("2026-05-04T12:10:00Z"));    // 'backupdesk schedule resume'
            rig.time.advanceTo(at("2026-05-04T12:12:00Z"));
            assertThat(scheduler.paused()).isFalse();
            assertThat(scheduler.nextRun()).contains(at("2026-05-04T13:00:00Z"));
            rig.time.advanceTo(at("2026-05-04T13:30:00Z"));
        }
        assertThat(rig.ranAt("hourly")).containsExactly(at("2026-05-04T13:00:00Z"));
    }

    @Test
    void aClockSetBackDoesNotRunTheSameOccurrenceTwice() {
        SchedulerRig rig = new SchedulerRig(at("2026-05-04T02:00:00Z"));
        rig.schedules.add(schedule("nightly", "sales", "30 2 * * *", "UTC", null, rig.time.instant()));
        try (BackupScheduler scheduler = rig.inline(1)) {
            scheduler.start();
            rig.time.advanceTo(at("2026-05-04T02:40:00Z"));
            rig.time.setWallClock(at("2026-05-04T01:40:00Z"));   // someone sets the clock back an hour
            rig.time.advance(Duration.ofHours(2));
            assertThat(scheduler.nextRun()).contains(at("2026-05-05T02:30:00Z"));
        }
        assertThat(rig.ranAt("nightly")).containsExactly(at("2026-05-04T02:30:00Z"));
    }

    @Test
    void disabledSchedulesNeverRunAndReloadArmsAChangedOne() {
        SchedulerRig rig = new SchedulerRig(at("2026-05-04T10:10:00Z"));
        rig.schedules.add(schedule("hourly", "sales", "0 * * * *", "UTC", null, rig.time.instant()).withEnabled(false, null));
        try (BackupScheduler scheduler = rig.inline(1)) {
            scheduler.start();
            rig.time.advanceTo(at("2026-05-04T12:30:00Z"));
            assertThat(rig.ran).isEmpty();

            rig.schedules.set(0, rig.schedules.get(0).withEnabled(true, rig.time.instant()));
            scheduler.reload("hourly");
            rig.time.advanceTo(at("2026-05-04T13:30:00Z"));
            rig.schedules.clear();
            scheduler.reload("hourly");
            rig.time.advanceTo(at("2026-05-04T15:30:00Z"));
        }
        assertThat(rig.ranAt("hourly")).containsExactly(at("2026-05-04T13:00:00Z"));
    }

    @Test
    void runNowObeysTheOneJobPerDatabaseRule() {
        SchedulerRig rig = new SchedulerRig(at("2026-05-04T10:10:00Z"));
        Schedule nightly = schedule("nightly", "sales", "30 2 * * *", "UTC", null, rig.time.instant());
        rig.schedules.add(nightly);
        rig.hold = new CountDownLatch(1);
        try (BackupScheduler scheduler = rig.threaded(2)) {
            scheduler.start();
            assertThat(scheduler.runNow(RunRequest.of(nightly, "manual"))).isTrue();
            await().until(() -> rig.runningNow.get() == 1);
            assertThat(scheduler.states()).singleElement().extracting(BackupScheduler.State::running).isEqualTo(true);
            assertThat(scheduler.runNow(RunRequest.of(nightly, "manual"))).isFalse();
            rig.hold.countDown();
            await().until(() -> !scheduler.anyRunning());
        }
        assertThat(rig.ran).extracting(SchedulerRig.Ran::origin).containsExactly("manual");
        assertThat(rig.skipped()).singleElement().extracting(JobRun::origin).isEqualTo("manual");
    }

    @Test
    void aSmallClockStepJustBeforeARunLeavesItOnTimeEvenForASkippingSchedule() {
        SchedulerRig rig = new SchedulerRig(at("2026-05-04T10:58:00Z"));
        rig.schedules.add(schedule("hourly", "sales", "0 * * * *", "UTC", Schedule.CatchUp.SKIP, rig.time.instant()));
        try (BackupScheduler scheduler = rig.inline(1)) {
            scheduler.start();
            rig.time.advanceTo(at("2026-05-04T10:59:50Z"));
            rig.time.setWallClock(at("2026-05-04T11:00:00Z"));   // NTP steps the clock ten seconds forward
            rig.time.advance(Duration.ofSeconds(30));
        }
        assertThat(rig.ranAt("hourly")).containsExactly(at("2026-05-04T11:00:10Z"));
        assertThat(rig.skipped()).isEmpty();
    }

    @Test
    void nothingIsArmedOrRunBeforeStartAndPausingBeforeStartSkipsTheCatchUp() {
        SchedulerRig rig = new SchedulerRig(at("2026-05-04T10:10:00Z"));
        Schedule hourly = schedule("hourly", "sales", "0 * * * *", "UTC", Schedule.CatchUp.RUN_ONCE,
                at("2026-05-01T00:00:00Z"));
        rig.schedules.add(hourly);
        try (BackupScheduler scheduler = rig.inline(1)) {
            scheduler.reload("hourly");
            scheduler.pause();
            scheduler.resume();
            assertThat(scheduler.nextRun()).as("a run-due may hold the schedules until start").isEmpty();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> scheduler.runNow(RunRequest.of(hourly, "manual")))
                    .hasMessageContaining("not running in this app yet");
            rig.time.advanceTo(at("2026-05-04T12:30:00Z"));
            assertThat(rig.ran).isEmpty();

            scheduler.pause();
            scheduler.start();
            assertThat(rig.ran).as("paused before start: no catch-up").isEmpty();
            scheduler.resume();
            rig.time.advanceTo(at("2026-05-04T13:30:00Z"));
        }
        assertThat(rig.ranAt("hourly")).containsExactly(at("2026-05-04T13:00:00Z"));
    }

    @Test
    void aScheduleAddedByAnotherProcessIsArmedWithinAMinute() {
        SchedulerRig rig = new SchedulerRig(at("2026-05-04T10:10:00Z"));
        try (BackupScheduler scheduler = rig.inline(1)) {
            scheduler.start();
            rig.time.advance(Duration.ofMinutes(5));
            rig.schedules.add(schedule("added", "sales", "30 10 * * *", "UTC", null, rig.time.instant()));
            rig.version++;
            rig.time.advance(Duration.ofMinutes(1));
            assertThat(scheduler.nextRun()).contains(at("2026-05-04T10:30:00Z"));
            rig.time.advanceTo(at("2026-05-04T10:31:00Z"));
        }
        assertThat(rig.ranAt("added")).containsExactly(at("2026-05-04T10:30:00Z"));
    }

    @Test
    void aRunCancelledOrInterruptedLastTimeIsCaughtUpAtStart() {
        SchedulerRig rig = new SchedulerRig(at("2026-05-04T10:10:00Z"));
        rig.schedules.add(schedule("nightly", "sales", "30 2 * * *", "UTC", Schedule.CatchUp.RUN_ONCE,
                at("2026-04-01T00:00:00Z")));
        rig.ranOk("nightly", at("2026-05-03T02:30:00Z"));
        // the machine rebooted during last night's run: the next start recorded it as interrupted
        rig.history.add(new JobRun(JobRun.SCHEMA_VERSION, "cut", JobRun.KIND_BACKUP, "sales", "sales", "schedule:nightly",
                at("2026-05-04T02:30:00Z"), at("2026-05-04T10:09:00Z"), JobStatus.INTERRUPTED, 0, null, null, null));
        try (BackupScheduler scheduler = rig.inline(1)) {
            scheduler.start();
        }
        assertThat(rig.ranAt("nightly")).containsExactly(at("2026-05-04T10:10:00Z"));
    }

    @Test
    void aRestoreStartedOnAScreenMakesTheScheduledBackupOfThatDatabaseASkip() {
        SchedulerRig rig = new SchedulerRig(at("2026-05-04T10:00:30Z"));
        rig.schedules.add(schedule("a", "sales", "1 10 * * *", "UTC", null, rig.time.instant()));
        assertThat(rig.claims.claim("sales", "restore")).isTrue();
        try (BackupScheduler scheduler = rig.inline(1)) {
            scheduler.start();
            rig.time.advanceTo(at("2026-05-04T10:01:10Z"));
        }
        assertThat(rig.ran).isEmpty();
        assertThat(rig.skipped()).singleElement().extracting(JobRun::error)
                .isEqualTo("A restore of sales was still running.");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rig.claims.whileHolding("sales", "backup", () -> 1))
                .hasMessage("A restore of sales is running now.");
    }
}
