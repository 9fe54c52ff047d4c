package io.backupdesk.app;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.Ids;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.SslMode;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.engine.Engine;
import io.backupdesk.schedule.BackupScheduler;
import io.backupdesk.store.Alerts;
import io.backupdesk.store.ProfileStore;
import io.backupdesk.store.Settings;
import io.backupdesk.store.SmtpPasswordStore;
import io.backupdesk.testing.Cli;
import io.backupdesk.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A database past its recovery-point objective is told by webhook and e-mail wherever the schedules run: by the app
 * with no tray at all (the engine's watch, started with the schedules) and by {@code schedule run-due}; once per
 * episode. Real HTTP server on loopback, real SMTP server (GreenMail).
 */
class StaleAlertsWithoutTrayTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("desk@example.com", "desk", "s3cret"));

    @TempDir
    Path dir;
    private WebhookReceiver hook;

    @BeforeEach
    void staleDatabaseWithAlertChannels() throws IOException {
        hook = WebhookReceiver.at("/hook");
        Engine engine = engine();
        // its only run failed two days ago: with an RPO of one hour it is long past it
        Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
        // added then: a database's RPO clock starts no sooner than its connection was added
        new ProfileStore(config(), w -> { }, Clock.fixed(twoDaysAgo, ZoneOffset.UTC)).save(new ConnectionProfile("shop",
                "db.example.invalid", 5432, "shop", "dba", SslMode.PREFER, null));
        new SmtpPasswordStore(config()).store("s3cret");
        Settings s = engine.settings().load();
        engine.settings().save(new Settings(s.schemaVersion(), s.backupRoot(), s.clientToolsDir(),
                s.verifyAfterBackup(), 1, s.theme(), s.defaultFormat(), s.defaultCompression(), s.background(),
                new Alerts(hook.url(), new Alerts.MailServer(
                        "127.0.0.1", SMTP.getSmtp().getPort(), "none", "desk", "desk@example.com", "dba@example.com")), s.defaultMaxSize()));
        engine.history().append(new JobRun(JobRun.SCHEMA_VERSION, Ids.newId(), JobRun.KIND_BACKUP, "shop", "shop",
                "schedule:nightly", twoDaysAgo, twoDaysAgo.plusSeconds(3), JobStatus.FAILED, 0, null,
                ErrorKind.CONNECTION, "could not connect"));
    }

    @AfterEach
    void stopHook() {
        hook.close();
    }

    private Path config() {
        return dir.resolve("config");
    }

    private Engine engine() {
        return new Engine(new AppPaths(config(), config()), null, warning -> { });
    }

    @Test
    void theAppWithNoTrayTellsAStaleDatabaseOnceItRunsTheSchedules() throws Exception {
        Engine engine = engine();
        try (BackupScheduler scheduler = engine.newScheduler(problem -> { });
             ScheduleStarter starter = new ScheduleStarter(scheduler, engine.jobs().stale(), engine.jobs().copy(),
                     engine.paths().runsDir())) {
            starter.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> !hook.bodies().isEmpty()
                    && SMTP.getReceivedMessages().length > 0);
        }
        assertThat(hook.bodies()).singleElement().asString().contains("shop").contains("has no backup");
        assertThat(SMTP.getReceivedMessages()).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).contains("shop").contains("has no backup"));
    }

    @Test
    void runDueTellsAStaleDatabaseOncePerEpisode() throws Exception {
        Cli.Run first = runDue();
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.err()).contains("warning: shop/shop is past its recovery-point objective: it has no good backup.");
        assertThat(hook.bodies()).singleElement().asString().contains("shop");
        assertThat(SMTP.getReceivedMessages()).hasSize(1);

        Cli.Run second = runDue();
        assertThat(second.err()).doesNotContain("past its recovery-point objective");
        assertThat(hook.bodies()).as("told once per episode, also across processes").hasSize(1);
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }

    private Cli.Run runDue() {
        return new Cli(config()).run("schedule", "run-due");
    }
}
