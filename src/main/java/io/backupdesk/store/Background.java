package io.backupdesk.store;

/**
 * How the app behaves while it runs in the background: scheduled jobs, the tray, start at login.
 *
 * @param maxConcurrentJobs how many scheduled or tray-started jobs may run at once, across all databases; null for 1
 * @param startAtLogin      start hidden in the tray when the user logs in; null means no
 * @param trayNoticeShown   the one-time "still running in the tray" notification was shown
 * @param notifyOnSuccess   a desktop notification after each successful scheduled backup, not only on failure
 */
public record Background(Integer maxConcurrentJobs, Boolean startAtLogin, Boolean trayNoticeShown,
                         Boolean notifyOnSuccess) {
    public static Background defaults() {
        return new Background(null, null, null, null);
    }

    public int concurrentJobs() {
        return maxConcurrentJobs == null || maxConcurrentJobs < 1 ? 1 : maxConcurrentJobs;
    }

    public boolean startsAtLogin() {
        return Boolean.TRUE.equals(startAtLogin);
    }

    public boolean notifiesOnSuccess() {
        return Boolean.TRUE.equals(notifyOnSuccess);
    }

    public Background withStartAtLogin(boolean enabled) {
        return new Background(maxConcurrentJobs, enabled, trayNoticeShown, notifyOnSuccess);
    }

    /** The two settings the settings screen shows besides start at login. */
    public Background withJobsAndSuccessNotice(int jobs, boolean notifySuccess) {
        return new Background(jobs, startAtLogin, trayNoticeShown, notifySuccess);
    }

    public Background withTrayNoticeShown() {
        return new Background(maxConcurrentJobs, startAtLogin, true, notifyOnSuccess);
    }
}
