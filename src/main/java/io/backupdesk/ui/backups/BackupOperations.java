package io.backupdesk.ui.backups;

import io.backupdesk.core.BackupOptions;
import io.backupdesk.backup.BackupSets.SetEntry;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Destination;
import io.backupdesk.core.Preset;
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

    /** The presets a backup can start from; none where none is kept. */
    default List<Preset> presets() {
        return List.of();
    }

    /**
     * The options a backup of the connection starts from: the preset chosen, else the connection's, else the
     * settings' defaults.
     *
     * @param preset the preset chosen for this backup; null for the connection's
     */
    default BackupOptions startingPoint(ConnectionProfile profile, String preset) {
        return defaults();
    }

    /** Saves a new or changed preset, checked as a backup would check its options. */
    default void savePreset(Preset preset) {
        throw new UnsupportedOperationException("presets are not kept here");
    }

    /** The pg_dump command line the backup would run, without secrets; nothing is run. */
    default String commandLine(ConnectionProfile profile, BackupOptions options) {
        return "";
    }

    /** Whether the newest pg_dump here compresses with zstd and lz4 (version 16 and newer). */
    default boolean newCompressions() {
        return false;
    }

    /** The server's tables that a backup of the profile's database could hold. */
    List<TableInfo> tables(ConnectionProfile profile, Optional<String> password);

    /**
     * Backs up and reads the backup back (per the setting). Throws {@code PASSWORD_REQUIRED} when the server wants a
     * password that is not stored and none was given, so that the user can be asked.
     */
    BackupRecord backup(ConnectionProfile profile, BackupOptions options, Optional<String> password, Progress progress,
                        Cancellation cancel);

    /**
     * Backs up a server connection as a whole-server set, as {@link #backup} does one database: every database found
     * now, one at a time, and the roles. A set with a database that failed is returned, not thrown: its status says so.
     */
    default SetEntry backupSet(ConnectionProfile server, BackupOptions options, Optional<String> password,
                               Progress progress, Cancellation cancel) {
        throw new UnsupportedOperationException("No sets here: " + server.name());
    }
}
