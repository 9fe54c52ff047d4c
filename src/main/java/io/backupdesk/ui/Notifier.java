package io.backupdesk.ui;

import io.backupdesk.core.ConnectionProfile;

import java.util.Optional;

/**
 * How ViewModels tell the user something that outlives their screen: a job that failed, or a password to ask for.
 * The desktop shows dialogs; tests record. Call on the UI thread.
 */
public interface Notifier {
    /** A failure as a readable message with its hint and, folded away, the tool's words. */
    void error(String title, Throwable failure);

    /**
     * How a job the user started here ended well, e.g. "prod/shop: 2.3 MB, verified in 4 s": the desktop shows it in
     * the status bar, where the job ran, until the next job starts.
     */
    void done(String outcome);

    /** The password for this profile, asked now; empty when the user declines. */
    Optional<String> askPassword(ConnectionProfile profile);
}
