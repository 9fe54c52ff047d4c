package io.backupdesk.alert;

/**
 * What became of an alert on one channel.
 *
 * @param error null when it was delivered; else the reason, as a sentence with its hint
 */
public record Delivery(AlertChannel.Kind channel, String error) {
    public boolean delivered() {
        return error == null;
    }
}
