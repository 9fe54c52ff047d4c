package io.backupdesk.store;

/**
 * The user's settings ({@code settings.json}).
 *
 * @param backupRoot        folder that holds the backups; null for the default under the data folder
 * @param clientToolsDir    a folder with pg_dump and friends to prefer over the discovered ones; null for none
 * @param verifyAfterBackup read every new backup back in full, so it is "verified" only when it was; null means yes
 */
public record Settings(int schemaVersion, String backupRoot, String clientToolsDir, Boolean verifyAfterBackup) {
    public static final int VERSION = 1;

    public static Settings defaults() {
        return new Settings(VERSION, null, null, null);
    }

    public boolean verifiesAfterBackup() {
        return verifyAfterBackup == null || verifyAfterBackup;
    }
}
