package io.backupdesk.ui.backups;

import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Destination;
import io.backupdesk.core.Progress;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.pg.TableInfo;

import java.util.List;
import java.util.Optional;

/** What "back up now" needs from the engine; blocking calls, run off the UI thread. */
public interface BackupOperations {
    List<ConnectionProfile> profiles();

    /** The format and compression the settings make the default. */
    BackupOptions defaults();

    /** The key store's keys, that a backup can be encrypted to. */
    List<StoredKey> keys();

    /** The destinations a backup can be copied to; none where no destination is kept. */
    default List<Destination> destinations() {
        return List.of();
    }

    /** The server's tables that a backup of the profile's database could hold. */
    List<TableInfo> tables(ConnectionProfile profile, Optional<String> password);

    /**
     * Backs up and reads the backup back (per the setting). Throws {@code PASSWORD_REQUIRED} when the server wants a
     * password that is not stored and none was given, so that the user can be asked.
     */
    BackupRecord backup(ConnectionProfile profile, BackupOptions options, Optional<String> password, Progress progress,
                        Cancellation cancel);
}
