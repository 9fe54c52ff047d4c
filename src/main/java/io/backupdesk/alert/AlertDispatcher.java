package io.backupdesk.alert;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.store.Alerts;
import io.backupdesk.store.SettingsStore;
import io.backupdesk.store.SmtpPasswordStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sends an alert to every channel the settings configure, one after the other. A failing channel never stops the
 * next one, and {@link #send} never throws: it is called from the scheduler's worker right after a failed run,
 * where an exception would only hide the failure it reports. Thread-safe.
 */
public final class AlertDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);

    private final Supplier<List<AlertChannel>> channels;

    /** Always these channels. */
    public AlertDispatcher(List<AlertChannel> channels) {
        List<AlertChannel> fixed = List.copyOf(channels);
        this.channels = () -> fixed;
    }

    private AlertDispatcher(Supplier<List<AlertChannel>> channels) {
        this.channels = channels;
    }

    /**
     * The channels these settings configure.
     *
     * @param smtpPassword asked when an e-mail is sent with a login: the stored password ({@code store::read}), or
     *                     one typed and not saved yet
     */
    public static AlertDispatcher of(Alerts alerts, Supplier<Optional<String>> smtpPassword) {
        return new AlertDispatcher(channels(alerts, smtpPassword));
    }

    /**
     * The channels the settings file configures at the moment of each alert, so that a changed setting applies
     * without a restart. When the file cannot be read, the alert is logged and goes nowhere.
     */
    public static AlertDispatcher forSettings(SettingsStore settings, SmtpPasswordStore password) {
        return new AlertDispatcher(() -> channels(settings.load().alertsOrNone(), password::read));
    }

    /** The webhook when it has a URL, e-mail when it has an SMTP server. */
    private static List<AlertChannel> channels(Alerts alerts, Supplier<Optional<String>> smtpPassword) {
        List<AlertChannel> configured = new ArrayList<>();
        if (alerts.webhookUrl() != null && !alerts.webhookUrl().isBlank()) {
            configured.add(new WebhookChannel(alerts.webhookUrl()));
        }
        if (alerts.mail() != null && alerts.mail().host() != null && !alerts.mail().host().isBlank()) {
            configured.add(new MailChannel(alerts.mail(), smtpPassword));
        }
        return configured;
    }

    /**
     * Sends the alert through every configured channel, if any, blocking for at most about ten seconds a channel
     * (twice that for a mail server that accepts the connection and then stalls). Never throws; failures are logged.
     *
     * @return what became of it on each channel, in the order of the channels
     */
    public List<Delivery> send(Alert alert) {
        List<Delivery> deliveries = new ArrayList<>();
        List<AlertChannel> configured;
        try {
            configured = channels.get();
        } catch (RuntimeException e) {
            LOG.warn("Alert \"{}\" was not sent: the alert settings could not be read: {}", alert.title(), e.getMessage());
            return deliveries;
        }
        for (AlertChannel channel : configured) {
            try {
                channel.send(alert);
                LOG.info("Alert \"{}\" sent by {} to {}", alert.title(), channel.kind().label(), channel.target());
                deliveries.add(new Delivery(channel.kind(), null));
            } catch (BackupDeskException e) {
                LOG.warn("Alert \"{}\" could not be sent by {}: {} {}", alert.title(), channel.kind().label(),
                        e.getMessage(), e.hint());
                deliveries.add(new Delivery(channel.kind(), (e.getMessage() + " " + e.hint()).strip()));
            } catch (RuntimeException e) {
                LOG.warn("Alert \"{}\" could not be sent by {}", alert.title(), channel.kind().label(), e);
                deliveries.add(new Delivery(channel.kind(), String.valueOf(e.getMessage())));
            }
        }
        return deliveries;
    }

    /**
     * Sends a test alert through one channel, for the "Send test" buttons: unlike {@link #send} it throws, so the
     * user reads why it failed.
     *
     * @return where it was sent, as {@link AlertChannel#target()} says
     * @throws BackupDeskException when the channel is not configured or the alert could not be delivered
     */
    public String sendTest(AlertChannel.Kind kind) {
        AlertChannel channel = channels.get().stream().filter(c -> c.kind() == kind).findFirst()
                .orElseThrow(() -> kind == AlertChannel.Kind.WEBHOOK
                        ? BackupDeskException.configuration("No webhook URL is set.", "Enter one under Settings, Alerts.")
                        : BackupDeskException.configuration("No SMTP server is set.", "Enter one under Settings, Alerts."));
        channel.send(Alert.test(Instant.now()));
        LOG.info("Test alert sent by {} to {}", kind.label(), channel.target());
        return channel.target();
    }
}
