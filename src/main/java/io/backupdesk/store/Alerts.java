package io.backupdesk.store;

/**
 * Where failures are reported beyond the desktop. Each channel is off while it is null. The SMTP password is not
 * kept here: like every password it never enters our JSON ({@link SmtpPasswordStore} keeps it).
 *
 * @param webhookUrl a Slack-compatible incoming-webhook URL that gets {@code {"text": ...}} on each failure
 * @param mail       the SMTP server and addresses for failure e-mails
 */
public record Alerts(String webhookUrl, MailServer mail) {
    public static Alerts none() {
        return new Alerts(null, null);
    }

    /**
     * @param security "none", "starttls" or "ssl"; null for starttls
     * @param user     the SMTP login, or null to send without one
     * @param from     the one sender address
     * @param to       the recipients, separated by commas
     */
    public record MailServer(String host, int port, String security, String user, String from, String to) { }
}
