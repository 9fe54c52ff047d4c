package io.backupdesk.alert;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.store.Alerts;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * Turns what Angus Mail throws into a sentence a user can act on. Its exceptions nest the real cause (a refused
 * connection, a timeout, a TLS failure) a level or two down, and their own messages are protocol talk.
 */
final class MailErrors {
    private static final String PORTS = "Port 465 usually takes SSL, 587 STARTTLS and 25 none.";

    private final String server;
    private final Duration timeout;

    MailErrors(Alerts.MailServer settings, Duration timeout) {
        this.server = settings.host() + ":" + settings.port();
        this.timeout = timeout;
    }

    BackupDeskException translate(MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return fail(ErrorKind.AUTHENTICATION, "The SMTP server " + server + " refused the login"
                    + said(e) + ".", "Check the SMTP user and password under Settings, Alerts; many providers want"
                    + " an app password here, not the account's own.", e);
        }
        if (e instanceof SendFailedException sendFailed && hasAddresses(sendFailed)) {
            return fail(ErrorKind.CONFIGURATION, "The SMTP server " + server + " refused to deliver to "
                    + addresses(sendFailed) + said(e) + ".", "Check the To address, and that the server lets this"
                    + " login send from the From address.", e);
        }
        if (Failures.find(e, CertificateException.class) != null) {
            return fail(ErrorKind.CONNECTION, "The SMTP server " + server + " showed a certificate that Java on this"
                    + " computer does not trust, or that is made out to another host; nothing was sent.",
                    "Use the host name the certificate names. A company's own certificate authority must be added"
                    + " to Java's trusted certificates.", e);
        }
        SSLException tls = Failures.find(e, SSLException.class);
        if (tls != null) {
            return fail(ErrorKind.CONNECTION, "The secure connection to the SMTP server " + server + " failed: "
                    + tls.getMessage(), "Check the security setting. " + PORTS, e);
        }
        if (Failures.find(e, SocketTimeoutException.class) != null) {
            String within = Failures.words(timeout);
            if (e instanceof MailConnectException) {
                return fail(ErrorKind.TIMEOUT, "Could not connect to the SMTP server " + server + " within " + within
                        + ".", "Check the host and port, and that this computer may reach them (firewall, VPN).", e);
            }
            return fail(ErrorKind.TIMEOUT, "The SMTP server " + server + " did not answer within " + within + ".",
                    "Check the security setting: a server that expects SSL waits silently for a plain greeting. "
                    + PORTS, e);
        }
        if (Failures.find(e, ConnectException.class) != null) {
            return fail(ErrorKind.CONNECTION, "Could not connect to the SMTP server " + server
                    + ": the connection was refused.", "Check the host and the port. " + PORTS, e);
        }
        if (Failures.find(e, UnknownHostException.class) != null) {
            return fail(ErrorKind.CONNECTION, "Could not connect to the SMTP server " + server
                    + ": the host name is unknown.", "Check the spelling of the host, and the network.", e);
        }
        String text = String.valueOf(e.getMessage());
        if (text.toLowerCase(Locale.ROOT).contains("starttls")) {
            return fail(ErrorKind.CONNECTION, "The SMTP server " + server + " does not offer STARTTLS, so the login"
                    + " and the message would travel unencrypted; nothing was sent.", "Choose SSL if the server"
                    + " expects TLS from the start, or none only for a relay on a network you trust. " + PORTS, e);
        }
        return fail(ErrorKind.CONNECTION, "The SMTP server " + server + " did not take the e-mail: " + oneLine(text),
                "If the server wants a login, set the SMTP user and password; " + PORTS, e);
    }

    private static BackupDeskException fail(ErrorKind kind, String message, String hint, MessagingException e) {
        return new BackupDeskException(kind, message, hint, List.of(), e);
    }

    /** The server's own words, when it gave any: "535 5.7.8 Authentication credentials invalid". */
    private static String said(MessagingException e) {
        String text = e.getMessage();
        return text == null || text.isBlank() || text.equalsIgnoreCase("failed") ? "" : " (" + oneLine(text) + ")";
    }

    private static boolean hasAddresses(SendFailedException e) {
        return e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0
                || e.getValidUnsentAddresses() != null && e.getValidUnsentAddresses().length > 0;
    }

    private static String addresses(SendFailedException e) {
        Address[] refused = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0
                ? e.getInvalidAddresses() : e.getValidUnsentAddresses();
        return Arrays.stream(refused).map(Address::toString).collect(Collectors.joining(", "));
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
