package io.backupdesk.store;

import java.time.Duration;

/**
 * The user's settings ({@code settings.json}).
 *
 * @param backupRoot        folder that holds the backups; null for the default under the data folder
 * @param clientToolsDir    a folder with pg_dump and friends to prefer over the discovered ones; null for none
 * @param verifyAfterBackup read every new backup back in full, so it is "verified" only when it was; null means yes
 * @param rpoHours          the recovery-point objective: a database whose newest backup is older is not healthy;
 *                          null for {@value #DEFAULT_RPO_HOURS} hours (a daily backup with two hours of slack)
 * @param theme             "light", "dark" or null to follow the system
 * @param defaultFormat     the format a backup takes when none is chosen ("custom", "directory", "tar", "plain");
 *                          null for custom
 * @param defaultCompression the compression a backup takes when none is chosen, as {@code --compress} takes it; null
 *                          for the format's default
 * @param background        scheduler, tray and start-at-login settings; null for their defaults
 * @param alerts            webhook and e-mail reports of failures; null for none
 * @param defaultMaxSize    the size a backup may grow to when its options set none, as {@code --max-size} takes it
 *                          ("20GB"); past it the backup is stopped and removed. Null for no limit
 */
public record Settings(int schemaVersion, String backupRoot, String clientToolsDir, Boolean verifyAfterBackup,
                       Integer rpoHours, String theme, String defaultFormat, String defaultCompression,
                       Background background, Alerts alerts, String defaultMaxSize) {
    public static final int VERSION = 1;
    public static final int DEFAULT_RPO_HOURS = 26;
    /** A year and a day: more is a typing error, not an objective. */
    public static final int MAX_RPO_HOURS = 24 * 366;
    /** Each job is a pg_dump or pg_restore with its own connections; more at once starves the desk. */
    public static final int MAX_CONCURRENT_JOBS = 8;

    public static Settings defaults() {
        return new Settings(VERSION, null, null, null, null, null, null, null, null, null, null);
    }

    public Duration rpo() {
        return Duration.ofHours(rpoHours == null || rpoHours < 1 ? DEFAULT_RPO_HOURS : rpoHours);
    }

    public boolean verifiesAfterBackup() {
        return verifyAfterBackup == null || verifyAfterBackup;
    }

    public Background backgroundOrDefaults() {
        return background == null ? Background.defaults() : background;
    }

    public Alerts alertsOrNone() {
        return alerts == null ? Alerts.none() : alerts;
    }

    public Settings withBackground(Background changed) {
        return new Settings(schemaVersion, backupRoot, clientToolsDir, verifyAfterBackup, rpoHours, theme, defaultFormat,
                defaultCompression, changed, alerts, defaultMaxSize);
    }

    public Settings withAlerts(Alerts changed) {
        return new Settings(schemaVersion, backupRoot, clientToolsDir, verifyAfterBackup, rpoHours, theme, defaultFormat,
                defaultCompression, background, changed, defaultMaxSize);
    }
}
