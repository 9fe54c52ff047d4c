package io.backupdesk.ui.settings;

import io.backupdesk.alert.AlertChannel;
import io.backupdesk.alert.MailSecurity;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.store.Alerts;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The "Failure alerts" part of the settings: the webhook URL, the SMTP server and addresses, each validated as the
 * user types, and "Send test" for either channel off the UI thread with the form as it is, saved or not. The SMTP
 * password is typed here but stored apart from the settings; an empty field keeps the stored one.
 */
public final class AlertsFormViewModel {
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s,]+@[^@\\s,]+");

    /** What "Send test" found: sent, with where to; or why not. */
    public record SendOutcome(boolean sent, String text) { }

    /** What saving does with the SMTP password. */
    enum PasswordChange { KEEP, STORE, FORGET }

    private final SettingsOperations operations;
    private final TaskRunner runner;
    private final StringProperty webhookUrl = new SimpleStringProperty("");
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("");
    private final ObjectProperty<MailSecurity> security = new SimpleObjectProperty<>(MailSecurity.STARTTLS);
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty passwordStored = new SimpleBooleanProperty();
    private final StringProperty from = new SimpleStringProperty("");
    private final StringProperty to = new SimpleStringProperty("");
    private final BooleanProperty sendingWebhook = new SimpleBooleanProperty();
    private final BooleanProperty sendingMail = new SimpleBooleanProperty();
    private final ObjectProperty<SendOutcome> webhookOutcome = new SimpleObjectProperty<>();
    private final ObjectProperty<SendOutcome> mailOutcome = new SimpleObjectProperty<>();
    private final StringBinding defaultPort;
    private final StringBinding webhookError;
    private final BooleanBinding mailInUse;
    private final StringBinding hostError;
    private final StringBinding portError;
    private final StringBinding fromError;
    private final StringBinding toError;
    private final BooleanBinding valid;
    private final BooleanBinding canTestWebhook;
    private final BooleanBinding canTestMail;

    public AlertsFormViewModel(SettingsOperations operations, TaskRunner runner) {
        this.operations = operations;
        this.runner = runner;
        defaultPort = Bindings.createStringBinding(() -> String.valueOf(securityOrDefault().defaultPort()), security);
        webhookError = Bindings.createStringBinding(() -> blank(webhookUrl) || isWebUrl(webhookUrl.get().trim()) ? ""
                : Messages.get("settings.alerts.error.webhook"), webhookUrl);
        mailInUse = Bindings.createBooleanBinding(() -> !blank(host) || !blank(user) || !blank(from) || !blank(to),
                host, user, from, to);
        hostError = Bindings.createStringBinding(() -> mailInUse.get() && blank(host)
                ? Messages.get("settings.alerts.error.host") : "", mailInUse, host);
        portError = Bindings.createStringBinding(() -> blank(port) || portNumber().isPresent() ? ""
                : Messages.get("settings.alerts.error.port"), port);
        fromError = Bindings.createStringBinding(() -> mailInUse.get() && !ADDRESS.matcher(from.get().trim()).matches()
                ? Messages.get("settings.alerts.error.from") : "", mailInUse, from);
        toError = Bindings.createStringBinding(() -> mailInUse.get() && !areAddresses(to.get())
                ? Messages.get("settings.alerts.error.to") : "", mailInUse, to);
        valid = webhookError.isEmpty().and(hostError.isEmpty()).and(portError.isEmpty()).and(fromError.isEmpty())
                .and(toError.isEmpty());
        canTestWebhook = Bindings.createBooleanBinding(() -> !blank(webhookUrl) && webhookError.get().isEmpty(),
                webhookUrl, webhookError);
        canTestMail = mailInUse.and(hostError.isEmpty()).and(portError.isEmpty()).and(fromError.isEmpty())
                .and(toError.isEmpty());
    }

    /** Shows the saved alert settings; the password field starts empty either way. */
    void fill(Alerts alerts, boolean hasStoredPassword) {
        webhookUrl.set(nullToEmpty(alerts.webhookUrl()));
        Alerts.MailServer mail = alerts.mail();
        MailSecurity savedSecurity = mail == null ? MailSecurity.STARTTLS : parseOrStarttls(mail.security());
        security.set(savedSecurity);
        host.set(mail == null ? "" : nullToEmpty(mail.host()));
        port.set(mail == null || mail.port() == savedSecurity.defaultPort() ? "" : String.valueOf(mail.port()));
        user.set(mail == null ? "" : nullToEmpty(mail.user()));
        from.set(mail == null ? "" : nullToEmpty(mail.from()));
        to.set(mail == null ? "" : nullToEmpty(mail.to()));
        password.set("");
        passwordStored.set(hasStoredPassword);
        webhookOutcome.set(null);
        mailOutcome.set(null);
    }

    /** The alert settings the form makes; null when neither channel is set. Call only when {@link #valid()}. */
    Alerts alerts() {
        String url = blank(webhookUrl) ? null : webhookUrl.get().trim();
        Alerts.MailServer mail = mailInUse.get() ? mailServer() : null;
        return url == null && mail == null ? null : new Alerts(url, mail);
    }

    private Alerts.MailServer mailServer() {
        return new Alerts.MailServer(host.get().trim(), portNumber().orElse(securityOrDefault().defaultPort()),
                securityOrDefault().settingName(), blank(user) ? null : user.get().trim(), from.get().trim(),
                to.get().trim());
    }

    PasswordChange passwordChange() {
        if (!mailInUse.get() || blank(user)) {
            return PasswordChange.FORGET;
        }
        return password.get().isEmpty() ? PasswordChange.KEEP : PasswordChange.STORE;
    }

    String typedPassword() {
        return password.get();
    }

    /** After saving: the typed password is stored (or forgotten) and leaves the field. */
    void saved(boolean hasStoredPassword) {
        password.set("");
        passwordStored.set(hasStoredPassword);
    }

    /** Sends a test alert by webhook; a second click while one is on its way is ignored. */
    public void sendTestWebhook() {
        send(AlertChannel.Kind.WEBHOOK, sendingWebhook, webhookOutcome, "settings.alerts.job.webhook");
    }

    /** Sends a test e-mail; a second click while one is on its way is ignored. */
    public void sendTestMail() {
        send(AlertChannel.Kind.MAIL, sendingMail, mailOutcome, "settings.alerts.job.mail");
    }

    private void send(AlertChannel.Kind channel, BooleanProperty sending, ObjectProperty<SendOutcome> outcome,
                      String title) {
        // the button stays enabled while sending: disabling it would move the focus, and the page with it
        if (sending.get()) {
            return;
        }
        Alerts only = channel == AlertChannel.Kind.WEBHOOK ? new Alerts(webhookUrl.get().trim(), null)
                : new Alerts(null, mailServer());
        Optional<String> typed = password.get().isEmpty() ? Optional.empty() : Optional.of(password.get());
        sending.set(true);
        outcome.set(null);
        runner.run(Messages.get(title), (progress, cancel) -> operations.sendTestAlert(only, channel, typed), target -> {
            sending.set(false);
            outcome.set(new SendOutcome(true, Messages.get("settings.alerts.sent", target)));
        }, failure -> {
            sending.set(false);
            outcome.set(new SendOutcome(false, failure instanceof BackupDeskException e
                    ? (e.getMessage() + " " + e.hint()).strip() : String.valueOf(failure.getMessage())));
        });
    }

    private MailSecurity securityOrDefault() {
        return security.get() == null ? MailSecurity.STARTTLS : security.get();
    }

    private Optional<Integer> portNumber() {
        try {
            int n = Integer.parseInt(port.get().trim());
            return n > 0 && n <= 65535 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static MailSecurity parseOrStarttls(String setting) {
        try {
            return MailSecurity.parse(setting);
        } catch (BackupDeskException e) {
            return MailSecurity.STARTTLS;
        }
    }

    private static boolean isWebUrl(String text) {
        try {
            URI uri = new URI(text);
            return uri.getHost() != null && ("https".equalsIgnoreCase(uri.getScheme())
                    || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean areAddresses(String text) {
        return !text.isBlank() && Arrays.stream(text.split(",")).map(String::trim)
                .allMatch(address -> ADDRESS.matcher(address).matches());
    }

    private static boolean blank(StringProperty field) {
        return field.get() == null || field.get().isBlank();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    public StringProperty webhookUrlProperty() {
        return webhookUrl;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public ObjectProperty<MailSecurity> securityProperty() {
        return security;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyBooleanProperty passwordStoredProperty() {
        return passwordStored;
    }

    public StringProperty fromProperty() {
        return from;
    }

    public StringProperty toProperty() {
        return to;
    }

    /** The port used while the field is empty, for its prompt. */
    public StringBinding defaultPort() {
        return defaultPort;
    }

    public StringBinding webhookError() {
        return webhookError;
    }

    public StringBinding hostError() {
        return hostError;
    }

    public StringBinding portError() {
        return portError;
    }

    public StringBinding fromError() {
        return fromError;
    }

    public StringBinding toError() {
        return toError;
    }

    public BooleanBinding valid() {
        return valid;
    }

    public BooleanBinding canTestWebhook() {
        return canTestWebhook;
    }

    public BooleanBinding canTestMail() {
        return canTestMail;
    }

    public ReadOnlyBooleanProperty sendingWebhookProperty() {
        return sendingWebhook;
    }

    public ReadOnlyBooleanProperty sendingMailProperty() {
        return sendingMail;
    }

    public ReadOnlyObjectProperty<SendOutcome> webhookOutcomeProperty() {
        return webhookOutcome;
    }

    public ReadOnlyObjectProperty<SendOutcome> mailOutcomeProperty() {
        return mailOutcome;
    }
}
