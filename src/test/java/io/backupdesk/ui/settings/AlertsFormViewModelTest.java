package io.backupdesk.ui.settings;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.backupdesk.alert.MailSecurity;
import io.backupdesk.store.Alerts;
import io.backupdesk.store.Background;
import io.backupdesk.store.Settings;
import io.backupdesk.ui.SyncTaskRunner;
import io.backupdesk.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The alerts part of the settings screen over real files, a loopback HTTP server and a real SMTP server. */
class AlertsFormViewModelTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("desk@example.com", "desk", "s3cret"));

    @TempDir
    Path dir;
    private FolderSettings settings;
    private SettingsViewModel model;
    private AlertsFormViewModel alerts;
    private WebhookReceiver webhook;

    @BeforeEach
    void setUp() throws IOException {
        settings = new FolderSettings(dir);
        model = new SettingsViewModel(settings, new SyncTaskRunner(), theme -> { });
        alerts = model.alerts();
        webhook = WebhookReceiver.at("/hooks/");
    }

    @AfterEach
    void stopWebhook() {
        webhook.close();
    }

    private String webhookUrl() {
        return webhook.url("T1/s3cr3t");
    }

    private void fillMail(String user, String password) {
        alerts.hostProperty().set("127.0.0.1");
        alerts.portProperty().set(String.valueOf(SMTP.getSmtp().getPort()));
        alerts.securityProperty().set(MailSecurity.NONE);
        alerts.userProperty().set(user);
        alerts.passwordProperty().set(password);
        alerts.fromProperty().set("desk@example.com");
        alerts.toProperty().set("dba@example.com, oncall@example.com");
    }

    @Test
    void alertsAreSavedWithTheOtherSettingsAndThePasswordApartFromThem() throws IOException {
        model.load();
        // the tray changes its group of settings while the screen is open
        Background tray = new Background(2, true, true, false);
        settings.store.save(settings.store.load().withBackground(tray));
        alerts.webhookUrlProperty().set(webhookUrl());
        fillMail("desk", "s3cret");
        model.rpoHoursProperty().set("12");

        model.save();

        Settings saved = settings.store.load();
        assertThat(saved.alerts()).isEqualTo(new Alerts(webhookUrl(), new Alerts.MailServer("127.0.0.1",
                SMTP.getSmtp().getPort(), "none", "desk", "desk@example.com", "dba@example.com, oncall@example.com")));
        assertThat(saved.rpoHours()).isEqualTo(12);
        assertThat(saved.background()).isEqualTo(tray);
        assertThat(Files.readString(dir.resolve("settings.json"))).doesNotContain("s3cret");
        assertThat(settings.smtpPassword.read()).contains("s3cret");
        assertThat(alerts.passwordProperty().get()).isEmpty();
        assertThat(alerts.passwordStoredProperty().get()).isTrue();
    }

    @Test
    void theFormShowsTheSavedAlertsAndAnEmptyPortMeansTheUsualOne() {
        settings.store.save(Settings.defaults().withAlerts(new Alerts(null, new Alerts.MailServer("smtp.example.com",
                465, "ssl", "desk", "desk@example.com", "dba@example.com"))));
        settings.smtpPassword.store("s3cret");

        model.load();

        assertThat(alerts.hostProperty().get()).isEqualTo("smtp.example.com");
        assertThat(alerts.securityProperty().get()).isEqualTo(MailSecurity.SSL);
        assertThat(alerts.portProperty().get()).isEmpty();
        assertThat(alerts.defaultPort().get()).isEqualTo("465");
        assertThat(alerts.passwordStoredProperty().get()).isTrue();
        assertThat(alerts.passwordProperty().get()).isEmpty();

        alerts.securityProperty().set(MailSecurity.STARTTLS);
        model.save();

        assertThat(settings.store.load().alerts().mail().port()).isEqualTo(587);
        assertThat(settings.smtpPassword.read()).as("an empty password field keeps the stored one").contains("s3cret");
    }

    @Test
    void withoutAUserTheStoredPasswordIsForgotten() {
        settings.smtpPassword.store("s3cret");
        model.load();
        fillMail("", "");

        model.save();

        assertThat(settings.store.load().alerts().mail().user()).isNull();
        assertThat(settings.smtpPassword.read()).isEmpty();
        assertThat(alerts.passwordStoredProperty().get()).isFalse();
    }

    @Test
    void anEmptyFormTurnsAlertsOff() {
        settings.store.save(Settings.defaults().withAlerts(new Alerts("https://hooks.example.com/x", null)));
        model.load();

        alerts.webhookUrlProperty().set("");
        model.save();

        assertThat(settings.store.load().alerts()).isNull();
    }

    @Test
    void wrongValuesAreNamedAsTheyAreTypedAndKeepSaveDisabled() {
        model.load();
        assertThat(model.canSave().get()).isTrue();

        alerts.webhookUrlProperty().set("ftp://hooks.example.com/x");
        assertThat(alerts.webhookError().get()).isEqualTo("A URL that starts with https:// or http://, with a host.");
        assertThat(alerts.canTestWebhook().get()).isFalse();
        assertThat(model.canSave().get()).isFalse();
        alerts.webhookUrlProperty().set("https://hooks.example.com/services/x");
        assertThat(alerts.webhookError().get()).isEmpty();
        assertThat(alerts.canTestWebhook().get()).isTrue();

        alerts.fromProperty().set("desk");
        assertThat(alerts.hostError().get()).startsWith("The SMTP server that sends the e-mails");
        assertThat(alerts.fromError().get()).startsWith("One address");
        assertThat(alerts.toError().get()).startsWith("One or more addresses");
        assertThat(alerts.canTestMail().get()).isFalse();

        alerts.hostProperty().set("smtp.example.com");
        alerts.portProperty().set("70000");
        alerts.fromProperty().set("desk@example.com");
        alerts.toProperty().set("dba@example.com, oncall");
        assertThat(alerts.portError().get()).startsWith("A port number from 1 to 65535");
        assertThat(alerts.toError().get()).startsWith("One or more addresses");
        assertThat(model.canSave().get()).isFalse();

        alerts.portProperty().set("");
        alerts.toProperty().set("dba@example.com, oncall@example.com");
        assertThat(alerts.canTestMail().get()).isTrue();
        assertThat(model.canSave().get()).isTrue();
    }

    @Test
    void aTestWebhookSaysWhereItWentOrWhyNot() {
        model.load();
        alerts.webhookUrlProperty().set(webhookUrl());

        alerts.sendTestWebhook();

        int port = webhook.port();
        assertThat(alerts.webhookOutcomeProperty().get())
                .isEqualTo(new AlertsFormViewModel.SendOutcome(true, "Sent to http://127.0.0.1:" + port + "/…"));

        webhook.answer(404);
        alerts.sendTestWebhook();

        assertThat(alerts.webhookOutcomeProperty().get().sent()).isFalse();
        assertThat(alerts.webhookOutcomeProperty().get().text()).startsWith("The webhook at http://127.0.0.1:" + port
                + "/… answered HTTP 404. Check the URL").doesNotContain("s3cr3t");
        assertThat(alerts.sendingWebhookProperty().get()).isFalse();
    }

    @Test
    void aTestMailUsesThePasswordAsTypedBeforeItIsSaved() throws Exception {
        model.load();
        fillMail("desk", "s3cret");

        alerts.sendTestMail();

        assertThat(alerts.mailOutcomeProperty().get().text())
                .isEqualTo("Sent to dba@example.com, oncall@example.com via 127.0.0.1:" + SMTP.getSmtp().getPort());
        assertThat(SMTP.waitForIncomingEmail(5000, 2)).isTrue();
        assertThat(SMTP.getReceivedMessages()[0].getSubject()).isEqualTo("[Backup Desk] Test alert from Backup Desk");
        assertThat(settings.smtpPassword.read()).as("testing saves nothing").isEmpty();

        alerts.passwordProperty().set("wrong");
        alerts.sendTestMail();

        assertThat(alerts.mailOutcomeProperty().get().sent()).isFalse();
        assertThat(alerts.mailOutcomeProperty().get().text()).contains("refused the login")
                .contains("Check the SMTP user and password");
    }
}
