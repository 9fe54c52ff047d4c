package io.backupdesk.alert;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.store.Alerts;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends alerts as plain-text e-mail over SMTP with Angus Mail: without encryption, with STARTTLS (required, never
 * skipped when the server does not offer it), or with TLS from the start; with AUTH when a user is set. The server's
 * certificate must be trusted by Java and name the host, so the password never goes to an impostor.
 */
public final class MailChannel implements AlertChannel {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final String SUBJECT_PREFIX = "[Backup Desk] ";

    private final Alerts.MailServer server;
    private final Supplier<Optional<String>> password;
    private final Duration timeout;
    private final SSLSocketFactory tls;

    /**
     * @param password the SMTP password, asked for only when sending with a user; read then, so that a failure to
     *                 read it is one more reason the channel reports, not an exception where it is built
     */
    public MailChannel(Alerts.MailServer server, Supplier<Optional<String>> password) {
        this(server, password, TIMEOUT, null);
    }

    /** @param tls the sockets for TLS; null for Java's own, which trust the system's certificate authorities */
    MailChannel(Alerts.MailServer server, Supplier<Optional<String>> password, Duration timeout, SSLSocketFactory tls) {
        this.server = server;
        this.password = password;
        this.timeout = timeout;
        this.tls = tls;
    }

    @Override
    public Kind kind() {
        return Kind.MAIL;
    }

    @Override
    public String target() {
        return server.to() + " via " + server.host() + ":" + server.port();
    }

    @Override
    public void send(Alert alert) {
        if (server.host() == null || server.host().isBlank()) {
            throw BackupDeskException.configuration("No SMTP server is set.", "Enter it under Settings, Alerts.");
        }
        if (server.port() < 1 || server.port() > 65535) {
            throw BackupDeskException.configuration("The SMTP port " + server.port() + " is not a port number.",
                    "Use the port your mail provider names: usually 587 for STARTTLS, 465 for SSL.");
        }
        MailSecurity security = MailSecurity.parse(server.security());
        InternetAddress[] from = addresses(server.from(), "From");
        if (from.length != 1) {
            throw BackupDeskException.configuration("Give one From address, not " + from.length + ".",
                    "Use the address of the SMTP login; many servers refuse any other.");
        }
        InternetAddress[] to = addresses(server.to(), "To");
        Optional<Login> login = login();
        Session session = Session.getInstance(properties(security, login.isPresent()));
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from[0]);
            message.setRecipients(Message.RecipientType.TO, to);
            message.setSubject(SUBJECT_PREFIX + alert.title(), StandardCharsets.UTF_8.name());
            message.setText(alert.body() + "\n", StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect(server.host(), server.port(), login.map(Login::user).orElse(null),
                        login.map(Login::password).orElse(null));
                transport.sendMessage(message, message.getAllRecipients());
            }
        } catch (MessagingException e) {
            throw new MailErrors(server, timeout).translate(e);
        }
    }

    private record Login(String user, String password) { }

    private Optional<Login> login() {
        if (server.user() == null || server.user().isBlank()) {
            return Optional.empty();
        }
        String stored = password.get().orElseThrow(() -> BackupDeskException.configuration(
                "No SMTP password is stored for " + server.user().trim() + ".",
                "Type the SMTP password under Settings, Alerts, and save; or clear the user if the server needs no"
                        + " login."));
        return Optional.of(new Login(server.user().trim(), stored));
    }

    private Properties properties(MailSecurity security, boolean auth) {
        Properties p = new Properties();
        String ms = String.valueOf(timeout.toMillis());
        p.put("mail.smtp.connectiontimeout", ms);
        p.put("mail.smtp.timeout", ms);
        p.put("mail.smtp.writetimeout", ms);
        p.put("mail.smtp.auth", String.valueOf(auth));
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        if (security == MailSecurity.SSL) {
            p.put("mail.smtp.ssl.enable", "true");
        } else if (security == MailSecurity.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (tls != null) {
            p.put("mail.smtp.ssl.socketFactory", tls);
        }
        return p;
    }

    /** @param field "From" or "To", as the settings screen labels it */
    private static InternetAddress[] addresses(String text, String field) {
        try {
            InternetAddress[] parsed = InternetAddress.parse(text == null ? "" : text, true);
            if (parsed.length > 0) {
                return parsed;
            }
        } catch (AddressException e) {
            throw BackupDeskException.configuration("The " + field + " address is not valid: " + e.getMessage(),
                    "Write addresses as name@example.com, several separated by commas.");
        }
        throw BackupDeskException.configuration("No " + field + " address is set.",
                "Write addresses as name@example.com, several separated by commas.");
    }
}
