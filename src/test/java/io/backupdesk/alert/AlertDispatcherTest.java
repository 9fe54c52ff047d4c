package io.backupdesk.alert;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.store.Alerts;
import io.backupdesk.store.Settings;
import io.backupdesk.store.SettingsStore;
import io.backupdesk.store.SmtpPasswordStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every configured channel gets the alert, whatever the others do; the settings say which are configured. */
class AlertDispatcherTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("desk@example.com", "desk", "s3cret"));

    @TempDir
    Path config;

    private static final Alert ALERT = new Alert("Backup of sales on prod failed", "Error: boom",
            Instant.parse("2026-11-21T03:00:00Z"), Alert.Severity.FAILURE);

    /** Remembers what it was given; or fails as told. */
    private static final class Recording implements AlertChannel {
        final List<Alert> sent = new ArrayList<>();
        private final Kind kind;
        private final RuntimeException failure;

        Recording(Kind kind, RuntimeException failure) {
            this.kind = kind;
            this.failure = failure;
        }

        @Override
        public Kind kind() {
            return kind;
        }

        @Override
        public String target() {
            return "a recording";
        }

        @Override
        public void send(Alert alert) {
            if (failure != null) {
                throw failure;
            }
            sent.add(alert);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private Alerts.MailServer mailServer() {
        return new Alerts.MailServer("127.0.0.1", SMTP.getSmtp().getPort(), "none", "desk", "desk@example.com",
                "dba@example.com");
    }

    @Test
    void aFailingWebhookDoesNotStopTheMailAndNothingIsThrown() throws Exception {
        new SmtpPasswordStore(config).store("s3cret");
        Alerts alerts = new Alerts("http://127.0.0.1:" + closedPort() + "/hook/secret", mailServer());

        List<Delivery> deliveries = AlertDispatcher.of(alerts, new SmtpPasswordStore(config)::read).send(ALERT);

        assertThat(deliveries).extracting(Delivery::channel)
                .containsExactly(AlertChannel.Kind.WEBHOOK, AlertChannel.Kind.MAIL);
        assertThat(deliveries.get(0).delivered()).isFalse();
        assertThat(deliveries.get(0).error()).contains("the connection was refused").doesNotContain("secret");
        assertThat(deliveries.get(1).delivered()).isTrue();
        assertThat(SMTP.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(SMTP.getReceivedMessages()[0].getSubject()).isEqualTo("[Backup Desk] Backup of sales on prod failed");
    }

    @Test
    void anUnexpectedExceptionOfOneChannelIsAFailedDeliveryToo() {
        Recording broken = new Recording(AlertChannel.Kind.WEBHOOK, new IllegalStateException("bug"));
        Recording mail = new Recording(AlertChannel.Kind.MAIL, null);

        List<Delivery> deliveries = new AlertDispatcher(List.of(broken, mail)).send(ALERT);

        assertThat(deliveries).containsExactly(new Delivery(AlertChannel.Kind.WEBHOOK, "bug"),
                new Delivery(AlertChannel.Kind.MAIL, null));
        assertThat(mail.sent).containsExactly(ALERT);
    }

    @Test
    void onlyTheChannelsThatAreSetUpAreUsed() {
        Supplier<Optional<String>> password = new SmtpPasswordStore(config)::read;
        assertThat(AlertDispatcher.of(Alerts.none(), password).send(ALERT)).isEmpty();
        assertThat(AlertDispatcher.of(new Alerts(" ", null), password).send(ALERT)).isEmpty();

        List<Delivery> mailOnly = AlertDispatcher.of(new Alerts(null, mailServer()), password).send(ALERT);

        assertThat(mailOnly).extracting(Delivery::channel).containsExactly(AlertChannel.Kind.MAIL);
        assertThat(mailOnly.get(0).error()).isEqualTo("No SMTP password is stored for desk. Type the SMTP password"
                + " under Settings, Alerts, and save; or clear the user if the server needs no login.");
    }

    @Test
    void theSettingsFileIsReadAtEachAlertSoAChangeAppliesAtOnce() throws Exception {
        SettingsStore settings = new SettingsStore(config, warning -> { });
        AlertDispatcher dispatcher = AlertDispatcher.forSettings(settings, new SmtpPasswordStore(config));
        assertThat(dispatcher.send(ALERT)).isEmpty();

        settings.save(Settings.defaults().withAlerts(new Alerts(null, new Alerts.MailServer("127.0.0.1",
                SMTP.getSmtp().getPort(), "none", null, "desk@example.com", "dba@example.com"))));

        assertThat(dispatcher.send(ALERT)).containsExactly(new Delivery(AlertChannel.Kind.MAIL, null));
        assertThat(SMTP.waitForIncomingEmail(5000, 1)).isTrue();
    }

    @Test
    void aSettingsFileThatCannotBeReadIsLoggedNotThrown() throws IOException {
        Files.writeString(config.resolve("settings.json"), "{\"schemaVersion\": 99}");

        assertThat(AlertDispatcher.forSettings(new SettingsStore(config, warning -> { }), new SmtpPasswordStore(config))
                .send(ALERT)).isEmpty();
    }

    @Test
    void aTestAlertReportsItsFailureToTheCaller() throws IOException {
        AlertDispatcher dispatcher = AlertDispatcher.of(new Alerts("http://127.0.0.1:" + closedPort() + "/x", null),
                Optional::empty);

        assertThatThrownBy(() -> dispatcher.sendTest(AlertChannel.Kind.WEBHOOK)).isInstanceOf(BackupDeskException.class)
                .hasMessageContaining("the connection was refused");
        assertThatThrownBy(() -> dispatcher.sendTest(AlertChannel.Kind.MAIL)).isInstanceOf(BackupDeskException.class)
                .hasMessage("No SMTP server is set.");
    }

    @Test
    void aTestAlertThatArrivesSaysWhereItWent() throws Exception {
        String target = AlertDispatcher.of(new Alerts(null, mailServer()), () -> Optional.of("s3cret"))
                .sendTest(AlertChannel.Kind.MAIL);

        assertThat(target).isEqualTo("dba@example.com via 127.0.0.1:" + SMTP.getSmtp().getPort());
        assertThat(SMTP.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(SMTP.getReceivedMessages()[0].getSubject()).isEqualTo("[Backup Desk] Test alert from Backup Desk");
    }
}
