package io.backupdesk.schedule;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.Origin;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.Schedule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import static io.backupdesk.schedule.SchedulerRig.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A backup that belongs to no schedule (the tray's "Back up now") runs through the scheduler as a request of its own:
 * a profile, options, an origin and a key, with no schedule made up for it.
 */
class RunRequestSchedulerTest {
    private static final Instant START = Instant.parse("2026-05-04T10:00:30Z");

    /** What the listeners heard, as "event key origin". */
    private static final class Heard implements BackupScheduler.Listener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void runStarted(RunRequest run) {
            events.add("started " + run.key() + " " + run.origin());
        }

        @Override
        public void runFinished(RunRequest run, JobRun result) {
            events.add("finished " + run.key() + " " + result.origin() + " " + result.profile());
        }

        @Override
        public void runSkipped(RunRequest run, JobRun skipped) {
            events.add("skipped " + run.key() + " " + skipped.origin() + " " + skipped.profile());
        }
    }

    @Test
    void aBackupOutsideTheSchedulesReachesTheJobWithItsOptionsAndTheListenersUnderItsKey() {
        SchedulerRig rig = new SchedulerRig(START);
        rig.schedules.add(schedule("nightly", "sales", "30 2 * * *", "UTC", null, START));
        BackupOptions plain = BackupOptions.ofFormat(BackupFormat.PLAIN);
        Heard heard = new Heard();
        try (BackupScheduler scheduler = rig.inline(1)) {
            scheduler.addListener(heard);
            scheduler.start();

            boolean started = scheduler.runNow(RunRequest.fromTray("crm", plain));

            assertThat(started).isTrue();
            assertThat(scheduler.states()).as("the schedules' list knows nothing of it")
                    .singleElement().satisfies(s -> assertThat(s.schedule().id()).isEqualTo("nightly"));
        }
        assertThat(rig.ran).singleElement().satisfies(ran -> {
            assertThat(ran.schedule()).isEqualTo("now-crm");
            assertThat(ran.origin()).as("issue 19: the tray's backups were told as by hand").isEqualTo(Origin.TRAY);
            assertThat(ran.options()).isEqualTo(plain);
        });
        assertThat(heard.events).containsExactly("started now-crm manual:tray", "finished now-crm manual:tray crm");
        assertThat(rig.history).singleElement().satisfies(line -> {
            assertThat(line.profile()).isEqualTo("crm");
            assertThat(line.status()).isEqualTo(JobStatus.OK);
        });
    }

    @Test
    void aBackupOutsideTheSchedulesIsSkippedWhileAScheduledRunHoldsItsDatabase() {
        SchedulerRig rig = new SchedulerRig(START);
        rig.schedules.add(schedule("a", "sales", "1 10 * * *", "UTC", Schedule.CatchUp.SKIP, START));
        rig.hold = new CountDownLatch(1);
        Heard heard = new Heard();
        try (BackupScheduler scheduler = rig.threaded(2)) {
            scheduler.addListener(heard);
            scheduler.start();
            rig.time.advanceTo(Instant.parse("2026-05-04T10:01:10Z"));
            await().until(() -> rig.runningNow.get() == 1);

            boolean started = scheduler.runNow(RunRequest.fromTray("sales", null));

            assertThat(started).isFalse();
            rig.hold.countDown();
            await().until(() -> !scheduler.anyRunning());
        }
        assertThat(rig.ran).extracting(SchedulerRig.Ran::schedule).containsExactly("a");
        assertThat(rig.skipped()).singleElement().satisfies(skip -> {
            assertThat(skip.origin()).isEqualTo(Origin.TRAY);
            assertThat(skip.profile()).isEqualTo("sales");
            assertThat(skip.error()).contains("still running");
        });
        assertThat(heard.events).contains("skipped now-sales manual:tray sales");
    }

    @Test
    void aRunOfAScheduleCarriesTheScheduleItsOptionsAndItsIdAsKey() {
        Schedule nightly = schedule("nightly", "sales", "30 2 * * *", "UTC", null, START);

        RunRequest own = RunRequest.of(nightly);
        RunRequest byHand = RunRequest.of(nightly, "manual");
        RunRequest outside = RunRequest.fromTray("sales", null);

        assertThat(own.key()).isEqualTo("nightly");
        assertThat(own.origin()).isEqualTo("schedule:nightly");
        assertThat(own.schedule()).contains(nightly);
        assertThat(own.options()).isEqualTo(nightly.options());
        assertThat(byHand.origin()).isEqualTo("manual");
        assertThat(byHand.schedule()).contains(nightly);
        assertThat(outside.schedule()).isEmpty();
        assertThat(outside.options()).as("no options: the defaults").isEqualTo(BackupOptions.defaults());
    }
}
