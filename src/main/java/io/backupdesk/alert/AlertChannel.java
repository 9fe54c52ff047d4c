package io.backupdesk.alert;

/** One way of telling the user about an {@link Alert} beyond the desktop. Implementations are thread-safe. */
public interface AlertChannel {
    enum Kind {
        WEBHOOK("webhook"),
        MAIL("e-mail");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** How logs and messages name the channel. */
        public String label() {
            return label;
        }
    }

    Kind kind();

    /** Where it sends to, fit for a log line: a webhook URL without its secret path, or the address and server. */
    String target();

    /**
     * Delivers the alert, blocking until the other side has taken it or a timeout has passed.
     *
     * @throws io.backupdesk.core.BackupDeskException saying what failed and what to check
     */
    void send(Alert alert);
}
