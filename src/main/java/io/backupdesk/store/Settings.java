package io.backupdesk.store;

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
 */
public record Settings(int schemaVersion, String backupRoot, String clientToolsDir, Boolean verifyAfterBackup,
                       Integer rpoHours, String theme, String defaultFormat, String defaultCompression) {
    public static final int VERSION = 1;
    public static final int DEFAULT_RPO_HOURS = 26;

    public static Settings defaults() {
        return new Settings(VERSION, null, null, null, null, null, null, null);
    }

    public java.time.Duration rpo() {
        return java.time.Duration.ofHours(rpoHours == null || rpoHours < 1 ? DEFAULT_RPO_HOURS : rpoHours);
    }

    public boolean verifiesAfterBackup() {
        return verifyAfterBackup == null || verifyAfterBackup;
    }
}
