package io.backupdesk.alert;

import io.backupdesk.core.BackupDeskException;

/** How the connection to the SMTP server is protected, as {@code Alerts.MailServer.security} names it. */
public enum MailSecurity {
    /** Plain SMTP, for a relay on the local network; port 25. */
    NONE("none", 25),
    /** Plain at first, then upgraded with STARTTLS before anything else is said; port 587. Refused without it. */
    STARTTLS("starttls", 587),
    /** TLS from the first byte ("SMTPS", implicit TLS); port 465. */
    SSL("ssl", 465);

    private final String settingName;
    private final int defaultPort;

    MailSecurity(String settingName, int defaultPort) {
        this.settingName = settingName;
        this.defaultPort = defaultPort;
    }

    public String settingName() {
        return settingName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The setting's value; null or blank is STARTTLS, what mail providers want on their submission port. */
    public static MailSecurity parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return STARTTLS;
        }
        for (MailSecurity s : values()) {
            if (s.settingName.equalsIgnoreCase(setting.trim())) {
                return s;
            }
        }
        throw BackupDeskException.configuration("Unknown mail security \"" + setting + "\".",
                "Use none, starttls or ssl.");
    }
}
