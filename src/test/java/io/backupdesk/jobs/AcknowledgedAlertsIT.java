package io.backupdesk.jobs;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Schedule;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.engine.Engine;
import io.backupdesk.stats.DatabaseHealth;
import io.backupdesk.store.Alerts;
import io.backupdesk.store.ProfileStore;
import io.backupdesk.store.Settings;
import io.backupdesk.testing.Cli;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import io.backupdesk.tray.TrayState;
import io.backupdesk.tray.TrayStatus;
import io.backupdesk.ui.Messages;
import io.backupdesk.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Acknowledged alerts on the real server, with the alerts going to a webhook on a loopback HTTP server: two
 * connections added two days ago, scheduled since and never backed up, are past an RPO of one hour. The one the user
 * acknowledges is not alerted, not even after a restart, and its tray colour is gone; a new failure of its scheduled
 * backup alerts and raises it again. The other one, not acknowledged, is alerted as before.
 */
@ExtendWith(PostgresServerExtension.class)
class AcknowledgedAlertsIT {
    private static final Instant TWO_DAYS_AGO = Instant.now().minus(Duration.ofDays(2));

    @TempDir
    Path dir;
    private WebhookReceiver hook;
    private Schedule shopSchedule;
    private String shopKey;

    private Path config() {
        return dir.resolve("config");
    }

    private Engine engine() {
        return new Engine(new AppPaths(config(), config()), dir.resolve("backups"), w -> { });
    }

    @BeforeEach
    void twoStaleConnectionsWithAWebhook(TestServer server) throws IOException {
        hook = WebhookReceiver.at("/hook");
        Engine engine = engine();
        Settings s = engine.settings().load();
        engine.settings().save(new Settings(s.schemaVersion(), s.backupRoot(), s.clientToolsDir(),
                s.verifyAfterBackup(), 1, s.theme(), s.defaultFormat(), s.defaultCompression(), s.background(),
                new Alerts(hook.url(), null), s.defaultMaxSize()));
        // added two days ago: the store stamps them then, and saving them again below keeps that
        ProfileStore twoDaysAgo = new ProfileStore(config(), w -> { }, Clock.fixed(TWO_DAYS_AGO, ZoneOffset.UTC));
        for (String name : List.of("shop", "crm")) {
            // a database that is not there yet: every backup of it fails on the real server
            ConnectionProfile profile = server.profile(name, server.reserveName());
            twoDaysAgo.save(profile);
            engine.saveProfile(profile, null, Optional.of(server.password()));
            Schedule schedule = Schedule.builder().id("nightly-" + name).profile(name).cron("30 2 * * *").zone("UTC")
                    .enabled(true).catchUp(Schedule.CatchUp.SKIP).createdAt(TWO_DAYS_AGO).build();
            engine.schedules().save(schedule);
            if (name.equals("shop")) {
                shopSchedule = schedule;
                shopKey = name + "/" + profile.database();
            }
        }
    }

    @AfterEach
    void stopHook() {
        hook.close();
    }

    private static TrayStatus tray(Engine engine) {
        return TrayStatus.of(false, false, engine.history().readAll(), engine.jobs().health().now(), 0,
                Optional.empty(), engine.clock().instant(), ZoneOffset.UTC, Messages::get);
    }

    private DatabaseHealth shop(Engine engine) {
        return engine.jobs().health().now().stream().filter(h -> h.key().equals(shopKey)).findFirst().orElseThrow();
    }

    private void failScheduledRun(Engine engine) {
        List<String> problems = new ArrayList<>();
        assertThatThrownBy(() -> engine.jobs().backup().scheduled(shopSchedule, shopSchedule.origin(),
                new Cancellation(), problems::add)).isInstanceOf(BackupDeskException.class);
    }

    @Test
    void anAcknowledgedStaleDatabaseIsNotSentToTheWebhookButANewFailureIs() {
        Cli.Run acknowledged = new Cli(config()).run("stats", "--acknowledge", shopKey);
        assertThat(acknowledged.code()).as(acknowledged.err()).isZero();
        assertThat(acknowledged.out()).contains("Acknowledged " + shopKey + ": past its RPO, no good backup yet");

        assertThat(engine().jobs().stale().look()).extracting(DatabaseHealth::profile).containsExactly("crm");
        assertThat(engine().jobs().stale().look()).as("after a restart").isEmpty();
        assertThat(hook.bodies()).as("issue 19: the acknowledged one is not sent").singleElement().asString()
                .contains("on crm has no backup");

        failScheduledRun(engine());

        assertThat(hook.bodies()).as("a new failure alerts").hasSize(2);
        assertThat(hook.bodies().get(1)).contains("Backup of " + shopKey.substring(5) + " on shop failed");
        assertThat(engine().jobs().stale().look()).as("its staleness is not sent again").isEmpty();
        assertThat(hook.bodies()).hasSize(2);
    }

    @Test
    void anAcknowledgementSurvivesARestartAndANewFailureRaisesItAgain() {
        failScheduledRun(engine());
        Engine before = engine();
        DatabaseHealth failing = shop(before);
        assertThat(failing.failing()).isTrue();
        assertThat(tray(before).failedDatabases()).contains(shopKey);

        before.jobs().health().acknowledge(List.of(failing.condition()));

        Engine restarted = engine();
        assertThat(shop(restarted).acknowledged()).as("stored across restarts").isTrue();
        assertThat(shop(restarted).needsAttention()).isFalse();
        assertThat(tray(restarted).failedDatabases()).doesNotContain(shopKey);
        assertThat(restarted.stats().health()).filteredOn(h -> h.key().equals(shopKey))
                .singleElement().satisfies(h -> assertThat(h.acknowledged()).as("the dashboard agrees").isTrue());
        Cli.Run stats = new Cli(config()).run("stats");
        assertThat(stats.out()).as("the command line agrees").contains(shopKey).contains("[acknowledged ");

        failScheduledRun(restarted);

        DatabaseHealth again = shop(engine());
        assertThat(again.acknowledged()).as("a new failure is something new").isFalse();
        assertThat(again.needsAttention()).isTrue();
        assertThat(tray(engine()).failedDatabases()).contains(shopKey);
        assertThat(tray(engine()).state()).isEqualTo(TrayState.FAILED);
    }
}
